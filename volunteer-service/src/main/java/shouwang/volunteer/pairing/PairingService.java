package shouwang.volunteer.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreLeft;
import shouwang.volunteer.cadre.CadrePlaced;
import shouwang.volunteer.cadre.CadreRef;
import shouwang.volunteer.pairing.PairingDtos.PairingRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingView;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerRef;
import shouwang.volunteer.roster.VolunteerService;

/**
 * Pairings (结对帮扶). Created and ended by staff whose scope covers the helped cadre; visit-service turns
 * PairingCreated / PairingEnded into the cadre's NEIGHBOUR-layer contact.
 */
@ApplicationScoped
@Transactional
public class PairingService {

    private static final Logger LOG = Logger.getLogger(PairingService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    CadreDirectory cadres;

    @Inject
    VolunteerService volunteers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Saved<PairingView> create(PairingRequest request) {
        Pairing existing = Rows.repeated(Pairing.class, request.id());
        if (existing != null) {
            requireVisible(existing);
            return Saved.existing(view(existing));
        }
        String cadence = PairingRules.cadence(request.cadence());
        CadreRef cadre = cadres.requireActive("cadreId", request.cadreId());
        callerScope.requireCadre(cadre.placement());
        if (request.volunteerCadreId() != null) {
            PairingRules.requireGoodHealth(cadres.requireActive("volunteerCadreId", request.volunteerCadreId()));
        }
        Volunteer volunteer = volunteers.resolve("", new VolunteerRef(request.volunteerId(),
                request.volunteerCadreId(), request.volunteerName(), request.phone()), cadre.placement().communityCode);
        if (volunteer.cadreId != null) {
            if (volunteer.cadreId.equals(cadre.id)) {
                throw InvalidFieldsException.of("volunteerCadreId", "must be another cadre than the one helped");
            }
            PairingRules.requireGoodHealth(cadres.requireActive("volunteerId", volunteer.cadreId));
        }
        if (Pairing.count("cadreId = ?1 and volunteerId = ?2 and status = ?3", cadre.id, volunteer.id,
                Pairing.Status.ACTIVE) > 0) {
            throw new ConflictException("Volunteer " + volunteer.id + " is already paired with cadre " + cadre.id);
        }
        Pairing pairing = new Pairing();
        pairing.id = request.id() == null ? UUID.randomUUID() : request.id();
        pairing.cadreId = cadre.id;
        pairing.volunteerId = volunteer.id;
        pairing.placement = cadre.placement().copy();
        pairing.cadence = cadence;
        pairing.startedOn = request.startedOn() == null ? clock.today() : request.startedOn();
        pairing.status = Pairing.Status.ACTIVE;
        pairing.note = request.note();
        pairing.createdBy = callerScope.username();
        pairing.createdAt = clock.now();
        pairing.updatedAt = pairing.createdAt;
        pairing.persist();
        outbox.publish(Volunteering.TOPIC, cadre.id.toString(), PairingCreated.of(pairing, volunteer,
                orgs.districtOf(pairing.placement().communityCode)));
        LOG.infof("Pairing %s: volunteer %s looks after cadre %s every %s", pairing.id, volunteer.id, cadre.id,
                cadence);
        return Saved.created(PairingMapper.view(pairing, volunteer));
    }

    /** Ending twice is harmless: PairingEnded is published once. */
    public PairingView end(UUID id, LocalDate endedOn, String reason) {
        Pairing pairing = Rows.lock(Pairing.class, "Pairing", id);
        requireVisible(pairing);
        callerScope.requireCadre(pairing.placement());
        LocalDate on = endedOn == null ? clock.today() : endedOn;
        PairingRules.requireEndNotBeforeStart(pairing, on);
        finish(pairing, on, PairingRules.staffReason(reason));
        return view(pairing);
    }

    /** A helped cadre who died or moved away needs no pairing; nor can a volunteer cadre who did serve on. */
    void onCadreLeft(@Observes CadreLeft left) {
        for (Pairing pairing : Pairing.<Pairing>list("cadreId = ?1 and status = ?2", left.cadreId(),
                Pairing.Status.ACTIVE)) {
            finish(pairing, left.on(), "CADRE_" + left.status());
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
        Instant now = clock.now();
        for (Pairing pairing : Pairing.<Pairing>list("cadreId", placed.cadreId())) {
            pairing.placement = placed.placement().copy();
            pairing.updatedAt = now;
        }
    }

    private void finish(Pairing pairing, LocalDate on, String reason) {
        if (PairingRules.end(pairing, on, reason, clock.now())) {
            outbox.publish(Volunteering.TOPIC, pairing.cadreId.toString(), PairingEnded.of(pairing));
            LOG.infof("Pairing %s of cadre %s ended on %s (%s)", pairing.id, pairing.cadreId, pairing.endedOn,
                    reason);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PairingView get(UUID id) {
        Pairing pairing = Rows.require(Pairing.class, "Pairing", id);
        requireVisible(pairing);
        return view(pairing);
    }

    /** Staff see pairings of cadres in their scope; a volunteer sees their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PairingView> list(UUID cadreId, UUID volunteerId, String communityCode, Pairing.Status status,
            Instant updatedSince, PageRequest page) {
        ListQuery<Pairing> query = ListQuery.of(Pairing.class, "p");
        if (volunteers.isSelfService()) {
            volunteers.onlyOwn(query, "p.volunteerId");
        } else {
            callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
            if (cadreId != null) {
                // a filter on a cadre outside the scope is a 403, as on an org outside it (unknown cadres alike)
                CadreRef cadre = cadres.find(cadreId);
                callerScope.requireCadre(cadre == null ? null : cadre.placement());
            }
            query.inScope(callerScope.scope(), "p.placement");
        }
        return query.eq("p.cadreId", cadreId)
                .eq("p.volunteerId", volunteerId)
                .eq("p.placement.communityCode", communityCode)
                .eq("p.status", status)
                .after("p.updatedAt", updatedSince)
                .orderBy("p.updatedAt asc, p.id asc")
                .page(page, rows -> VolunteerService.withVolunteers(rows, p -> p.volunteerId, PairingMapper::view));
    }

    private void requireVisible(Pairing pairing) {
        Volunteer volunteer = Volunteer.findById(pairing.volunteerId);
        if (!volunteers.isOwn(volunteer)) {
            if (volunteers.isSelfService()) {
                throw new NotFoundException("Pairing", pairing.id);
            }
            callerScope.requireVisible("Pairing", pairing.id, pairing.placement());
        }
    }

    private static PairingView view(Pairing pairing) {
        return PairingMapper.view(pairing, Volunteer.findById(pairing.volunteerId));
    }
}
