package shouwang.volunteer.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.volunteer.request.ServiceRequest.Status;

/**
 * An unanswered request (not dispatched within {@code dispatch-within}, not accepted within {@code accept-within})
 * becomes a HelpRequested on care-signals, once per step and round (a decline starts a new round): alert-service
 * raises a HELP_REQUEST alert that escalates like any need.
 */
@ApplicationScoped
public class RequestEscalation {

    private static final Logger LOG = Logger.getLogger(RequestEscalation.class);

    @Inject
    RequestRepository repository;

    @Inject
    RequestConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** One batch in one transaction: marks each request escalated for its step and publishes its HelpRequested. */
    @Transactional
    public int escalateDue(int limit) {
        Instant now = clock.now();
        List<UUID> due = repository.lockUnanswered(now.minus(config.dispatchWithin()),
                now.minus(config.acceptWithin()), limit);
        for (UUID id : due) {
            ServiceRequest request = ServiceRequest.findById(id);
            String stage;
            String what;
            if (request.status == Status.REQUESTED && request.escalatedDispatchAt == null) {
                request.escalatedDispatchAt = now;
                stage = "dispatch";
                what = "服务工单未派单: ";
            } else if (request.status == Status.DISPATCHED && request.escalatedAcceptAt == null) {
                request.escalatedAcceptAt = now;
                stage = "accept";
                what = "服务工单未接单: ";
            } else {
                continue;
            }
            request.updatedAt = now;
            UUID signalId = UUID.nameUUIDFromBytes(("service-request/" + id + "/" + stage + "/" + request.declines)
                    .getBytes(StandardCharsets.UTF_8));
            outbox.publish(HelpRequested.TOPIC, request.cadreId.toString(), new HelpRequested(signalId,
                    request.cadreId, HelpRequested.KIND, now, what + request.serviceType.label(),
                    HelpRequested.REPORTED_BY, request.serviceType.name(), request.id));
            LOG.infof("Service request %s unanswered at step %s: HelpRequested %s", id, stage, signalId);
        }
        return due.size();
    }
}
