package shouwang.volunteer.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Created;
import shouwang.volunteer.Filter;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreLeft;
import shouwang.volunteer.cadre.CadrePlaced;
import shouwang.volunteer.cadre.CadreRef;
import shouwang.volunteer.pairing.PairingDtos.PairingRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingView;
import shouwang.volunteer.volunteer.Volunteer;
import shouwang.volunteer.volunteer.VolunteerRef;
import shouwang.volunteer.volunteer.VolunteerService;

/**
 * Pairings (结对帮扶). Created and ended by staff whose scope covers the helped cadre; visit-service turns
 * PairingCreated / PairingEnded into the cadre's NEIGHBOUR-layer contact.
 */
@ApplicationScoped
@Transactional
public class PairingService {

    private static final Logger LOG = Logger.getLogger(PairingService.class);
    static final String DEFAULT_CADENCE = "P7D";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Categories that keep a cadre from serving as another's pairing volunteer. */
    static final Set<String> NOT_IN_GOOD_HEALTH = Set.of("SERIOUS_ILLNESS", "DISABLED");

    @Inject
    CallerScope callerScope;

    @Inject
    CadreDirectory cadres;

    @Inject
    VolunteerService volunteers;

    @Inject
    Outbox outbox;

    public Created<PairingView> create(PairingRequest request) {
        if (request.id() != null) {
            Pairing existing = Pairing.findById(request.id());
            if (existing != null) {
                requireVisible(existing);
                return Created.found(PairingMapper.view(existing, Volunteer.findById(existing.volunteerId)));
            }
        }
        String cadence = request.cadence() == null || request.cadence().isBlank() ? DEFAULT_CADENCE
                : request.cadence().trim();
        requireCadence(cadence);
        CadreRef cadre = cadres.requireActive("cadreId", request.cadreId());
        callerScope.requireCadre(cadre.communityCode, cadre.gridCode, cadre.unitCode);
        if (request.volunteerCadreId() != null) {
            requireGoodHealth(cadres.requireActive("volunteerCadreId", request.volunteerCadreId()));
        }
        Volunteer volunteer = volunteers.resolve("", new VolunteerRef(request.volunteerId(),
                request.volunteerCadreId(), request.volunteerName(), request.phone()), cadre.communityCode);
        if (volunteer.cadreId != null) {
            if (volunteer.cadreId.equals(cadre.id)) {
                throw InvalidFieldsException.of("volunteerCadreId", "must be another cadre than the one helped");
            }
            requireGoodHealth(cadres.requireActive("volunteerId", volunteer.cadreId));
        }
        if (Pairing.count("cadreId = ?1 and volunteerId = ?2 and status = ?3", cadre.id, volunteer.id,
                Pairing.Status.ACTIVE) > 0) {
            throw new ConflictException("Volunteer " + volunteer.id + " is already paired with cadre " + cadre.id);
        }
        Pairing pairing = new Pairing();
        pairing.id = request.id() == null ? UUID.randomUUID() : request.id();
        pairing.cadreId = cadre.id;
        pairing.volunteerId = volunteer.id;
        pairing.communityCode = cadre.communityCode;
        pairing.gridCode = cadre.gridCode;
        pairing.unitCode = cadre.unitCode;
        pairing.cadence = cadence;
        pairing.startedOn = request.startedOn() == null ? LocalDate.now(CHINA) : request.startedOn();
        pairing.status = Pairing.Status.ACTIVE;
        pairing.note = request.note();
        pairing.createdBy = callerScope.username();
        pairing.createdAt = Instant.now();
        pairing.updatedAt = pairing.createdAt;
        pairing.persist();
        outbox.publish(Volunteering.TOPIC, cadre.id.toString(), Volunteering.PAIRING_CREATED,
                PairingMapper.created(pairing, volunteer));
        LOG.infof("Pairing %s: volunteer %s looks after cadre %s every %s", pairing.id, volunteer.id, cadre.id,
                cadence);
        return Created.made(PairingMapper.view(pairing, volunteer));
    }

    /** Ending twice is harmless: PairingEnded is published once. */
    public PairingView end(UUID id, LocalDate endedOn, String reason) {
        Pairing pairing = id == null ? null : Pairing.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (pairing == null) {
            throw new NotFoundException("Pairing", id);
        }
        requireVisible(pairing);
        callerScope.requireCadre(pairing.communityCode, pairing.gridCode, pairing.unitCode);
        LocalDate on = endedOn == null ? LocalDate.now(CHINA) : endedOn;
        if (pairing.status == Pairing.Status.ACTIVE && on.isBefore(pairing.startedOn)) {
            throw InvalidFieldsException.of("endedOn", "must not be before the pairing started (" + pairing.startedOn + ")");
        }
        finish(pairing, on, reason == null || reason.isBlank() ? "ENDED_BY_STAFF" : reason.trim());
        return PairingMapper.view(pairing, Volunteer.findById(pairing.volunteerId));
    }

    /** A helped cadre who died or moved away needs no pairing; nor can a volunteer cadre who did serve on. */
    void onCadreLeft(@Observes CadreLeft left) {
        String reason = "CADRE_" + left.status();
        for (Pairing pairing : Pairing.<Pairing>list("cadreId = ?1 and status = ?2", left.cadreId(),
                Pairing.Status.ACTIVE)) {
            finish(pairing, left.on(), reason);
        }
        List<Pairing> served = Pairing.list(
                "status = ?1 and volunteerId in (select v.id from Volunteer v where v.cadreId = ?2)",
                Pairing.Status.ACTIVE, left.cadreId());
        for (Pairing pairing : served) {
            finish(pairing, left.on(), "VOLUNTEER_" + left.status());
        }
    }

    /** Scope follows the helped cadre: a cadre who moves to another community is seen by the new community's staff. */
    void onCadrePlaced(@Observes CadrePlaced placed) {
        for (Pairing pairing : Pairing.<Pairing>list("cadreId", placed.cadreId())) {
            pairing.communityCode = placed.communityCode();
            pairing.gridCode = placed.gridCode();
            pairing.unitCode = placed.unitCode();
            pairing.updatedAt = Instant.now();
        }
    }

    private void finish(Pairing pairing, LocalDate on, String reason) {
        if (pairing.status != Pairing.Status.ACTIVE) {
            return;
        }
        pairing.status = Pairing.Status.ENDED;
        pairing.endedOn = on.isBefore(pairing.startedOn) ? pairing.startedOn : on;
        pairing.endReason = reason;
        pairing.updatedAt = Instant.now();
        outbox.publish(Volunteering.TOPIC, pairing.cadreId.toString(), Volunteering.PAIRING_ENDED,
                PairingMapper.ended(pairing));
        LOG.infof("Pairing %s of cadre %s ended on %s (%s)", pairing.id, pairing.cadreId, pairing.endedOn, reason);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PairingView get(UUID id) {
        Pairing pairing = id == null ? null : Pairing.findById(id);
        if (pairing == null) {
            throw new NotFoundException("Pairing", id);
        }
        requireVisible(pairing);
        return PairingMapper.view(pairing, Volunteer.findById(pairing.volunteerId));
    }

    /** Staff see pairings of cadres in their scope; a volunteer sees their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PairingView> list(UUID cadreId, UUID volunteerId, String communityCode, Pairing.Status status,
            Instant updatedSince, PageRequest page) {
        Filter filter = new Filter();
        if (volunteers.isSelfService()) {
            filter.eq("volunteerId", volunteers.me().map(v -> v.id).orElse(new UUID(0, 0)));
        } else {
            filter.within(callerScope.scope(), "communityCode", "gridCode", "unitCode");
        }
        filter.eq("cadreId", cadreId).eq("volunteerId", volunteerId).eq("communityCode", communityCode)
                .eq("status", status).after("updatedAt", updatedSince);
        return Filter.page(Pairing.<Pairing>find(filter.where(), Sort.by("updatedAt").and("id"), filter.params()),
                page, rows -> {
                    Map<UUID, Volunteer> byId = VolunteerService.byId(rows.stream().map(p -> p.volunteerId).toList());
                    return rows.stream().map(p -> PairingMapper.view(p, byId.get(p.volunteerId))).toList();
                });
    }

    private void requireVisible(Pairing pairing) {
        Volunteer volunteer = Volunteer.findById(pairing.volunteerId);
        if (!volunteers.isOwn(volunteer)) {
            if (volunteers.isSelfService()) {
                throw new NotFoundException("Pairing", pairing.id);
            }
            callerScope.requireVisible("Pairing", pairing.id, pairing.communityCode, pairing.gridCode,
                    pairing.unitCode);
        }
    }

    /** A cadre volunteer must be in good health: fully self-caring and neither seriously ill nor disabled. */
    private static void requireGoodHealth(CadreRef cadre) {
        if (!"FULL".equals(cadre.selfCare) || cadre.categories().stream().anyMatch(NOT_IN_GOOD_HEALTH::contains)) {
            throw new ConflictException("Cadre " + cadre.id + " is not in good health to serve as a pairing volunteer");
        }
    }

    /**
     * A calendar period (P7D, P2W, P1M) from one day to a year. visit-service reads the cadence with
     * {@code java.time.Period}, so time-based durations (PT72H) are refused here rather than dead-lettered there.
     */
    private static void requireCadence(String cadence) {
        Period period;
        try {
            period = Period.parse(cadence);
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of("cadence", "must be an ISO-8601 period such as P7D, P2W or P1M");
        }
        long days = period.toTotalMonths() * 30 + period.getDays();
        if (period.isNegative() || days < 1 || days > 366) {
            throw InvalidFieldsException.of("cadence", "must be between P1D and P1Y");
        }
    }
}
