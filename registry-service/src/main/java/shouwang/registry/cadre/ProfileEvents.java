package shouwang.registry.cadre;

import java.time.LocalDate;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.registry.org.OrgDirectory;

/** Publishes the full current profile on {@code cadre-profiles} (key = cadre id) through the outbox. */
@ApplicationScoped
public class ProfileEvents {

    public static final String TOPIC = "cadre-profiles";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** @param type the event, e.g. {@code CadreUpdated::new} */
    public void publish(Cadre cadre, Function<CadreProfile, ProfileEvent> type, OrgDirectory org) {
        Outbox.Event event = event(cadre, type, org, clock.today());
        outbox.publish(event.topic(), event.key(), event.event());
    }

    /** The event for a batch ({@link Outbox#publishAll}); {@code keyServiceTarget} is computed on {@code today}. */
    public static Outbox.Event event(Cadre cadre, Function<CadreProfile, ProfileEvent> type, OrgDirectory org,
            LocalDate today) {
        CadreProfile profile = CadreMapper.profile(cadre, org.streetOf(cadre.placement.communityCode), today);
        return new Outbox.Event(TOPIC, cadre.id.toString(), type.apply(profile));
    }
}
