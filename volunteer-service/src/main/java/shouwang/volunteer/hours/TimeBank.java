package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreRef;
import shouwang.volunteer.hours.HoursDtos.DonateRequest;
import shouwang.volunteer.hours.HoursDtos.EntryView;
import shouwang.volunteer.hours.HoursDtos.HoursView;
import shouwang.volunteer.hours.HoursDtos.SpendRequest;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerService;

/**
 * The time bank: a ledger of hours per volunteer, never money. Every change locks the volunteer row, appends an
 * entry and moves the balance, so the balance is the ledger's sum and can never go below zero.
 */
@ApplicationScoped
@Transactional
public class TimeBank {

    private static final Logger LOG = Logger.getLogger(TimeBank.class);

    @Inject
    VolunteerService volunteers;

    @Inject
    CadreDirectory cadres;

    @Inject
    CallerScope callerScope;

    @Inject
    Clock clock;

    /** Credits a verified service record, once (a unique index on the record id backs this up). */
    void earn(ServiceRecord record) {
        if (HourEntry.count("serviceRecordId = ?1 and kind = ?2", record.id, HourEntry.Kind.EARNED) > 0) {
            return;
        }
        Volunteer volunteer = volunteers.lock(record.volunteerId);
        append(null, volunteer, HourEntry.Kind.EARNED, record.hours, entry -> entry.serviceRecordId = record.id);
    }

    public Saved<EntryView> spend(UUID volunteerId, SpendRequest request) {
        HourEntry repeated = repeated(request.id(), volunteerId);
        if (repeated != null) {
            return Saved.existing(HoursMapper.view(repeated));
        }
        requireMayMove(volunteers.visible(volunteerId));
        Volunteer volunteer = volunteers.lock(volunteerId);
        TimeBankRules.requireCovers(volunteer.id, volunteer.balance, request.hours());
        HourEntry entry = append(request.id(), volunteer, HourEntry.Kind.SPENT, request.hours(), e -> {
            e.beneficiary = request.beneficiary();
            e.note = request.note();
        });
        return Saved.created(HoursMapper.view(entry));
    }

    /** Gives hours to an elder who is 孤寡 (WIDOWED_CHILDLESS) or 失独; the elder's own account receives them. */
    public Saved<EntryView> donate(UUID volunteerId, DonateRequest request) {
        HourEntry repeated = repeated(request.id(), volunteerId);
        if (repeated != null) {
            return Saved.existing(HoursMapper.view(repeated));
        }
        Volunteer donor = volunteers.visible(volunteerId);
        requireMayMove(donor);
        CadreRef elder = cadres.requireActive("recipientCadreId", request.recipientCadreId());
        if (!cadres.mayReceiveDonatedHours(elder)) {
            throw new ConflictException("Cadre " + elder.id + " is neither 孤寡 (WIDOWED_CHILDLESS) nor 失独: "
                    + "donated hours go only to such elders");
        }
        if (elder.id.equals(donor.cadreId)) {
            throw InvalidFieldsException.of("recipientCadreId", "must be another elder than the donor");
        }
        Volunteer recipient = volunteers.accountOf(elder);
        // lock both rows in id order, so two donations between the same pair cannot deadlock
        Stream.of(donor.id, recipient.id).sorted().forEach(volunteers::lock);
        TimeBankRules.requireCovers(donor.id, donor.balance, request.hours());
        HourEntry given = append(request.id(), donor, HourEntry.Kind.DONATED, request.hours(), e -> {
            e.counterpartId = recipient.id;
            e.note = request.note();
        });
        append(null, recipient, HourEntry.Kind.RECEIVED, request.hours(), e -> {
            e.counterpartId = given.volunteerId;
            e.note = request.note();
        });
        LOG.infof("Volunteer %s donated %s hours to cadre %s (account %s)", donor.id, request.hours(), elder.id,
                recipient.id);
        return Saved.created(HoursMapper.view(given));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HoursView hours(UUID volunteerId, PageRequest page) {
        return hoursOf(volunteers.visible(volunteerId), page);
    }

    /**
     * The time bank of the volunteer account linked to this cadre ({@code GET /me/hours}); a cadre without one yet has
     * a balance of 0 and no history ({@code volunteerId} null).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HoursView hoursOfCadre(UUID cadreId, PageRequest page) {
        Volunteer volunteer = Volunteer.<Volunteer>find("cadreId", cadreId).firstResult();
        if (volunteer == null) {
            return new HoursView(null, null, BigDecimal.ZERO.setScale(2), TimeBankRules.totals(Map.of()),
                    new Page<>(List.of(), page.page(), page.size(), 0));
        }
        return hoursOf(volunteer, page);
    }

    private HoursView hoursOf(Volunteer volunteer, PageRequest page) {
        Map<HourEntry.Kind, BigDecimal> sums = new EnumMap<>(HourEntry.Kind.class);
        HourEntry.getEntityManager().createQuery(
                "select e.kind, sum(e.hours) from HourEntry e where e.volunteerId = ?1 group by e.kind", Object[].class)
                .setParameter(1, volunteer.id).getResultList()
                .forEach(sum -> sums.put((HourEntry.Kind) sum[0], (BigDecimal) sum[1]));
        Page<EntryView> history = ListQuery.of(HourEntry.class, "e")
                .eq("e.volunteerId", volunteer.id)
                .orderBy("e.recordedAt desc, e.id asc")
                .pageEach(page, HoursMapper::view);
        return new HoursView(volunteer.id, volunteer.name, volunteer.balance.setScale(2), TimeBankRules.totals(sums),
                history);
    }

    private HourEntry repeated(UUID entryId, UUID volunteerId) {
        if (entryId == null) {
            return null;
        }
        HourEntry existing = HourEntry.findById(entryId);
        if (existing != null && !existing.volunteerId.equals(volunteerId)) {
            throw new ConflictException("Entry id " + entryId + " is already used for another volunteer");
        }
        if (existing != null) {
            volunteers.visible(volunteerId);
        }
        return existing;
    }

    /** Spending and donating: the volunteer themselves, or staff of the volunteer's community. */
    private void requireMayMove(Volunteer volunteer) {
        if (!volunteers.isOwn(volunteer) && !volunteers.staffCovers(volunteer.communityCode, null, null)) {
            throw new ForbiddenException("Only the volunteer or their community may move their hours");
        }
    }

    private HourEntry append(UUID id, Volunteer volunteer, HourEntry.Kind kind, BigDecimal hours,
            Consumer<HourEntry> details) {
        volunteer.balance = TimeBankRules.balanceAfter(volunteer.balance, kind, hours);
        volunteer.updatedAt = clock.now();
        HourEntry entry = new HourEntry();
        entry.id = id == null ? UUID.randomUUID() : id;
        entry.volunteerId = volunteer.id;
        entry.kind = kind;
        entry.hours = hours;
        entry.balanceAfter = volunteer.balance;
        entry.recordedBy = callerScope.username();
        entry.recordedAt = volunteer.updatedAt;
        details.accept(entry);
        entry.persist();
        LOG.infof("Time bank %s %s hours for volunteer %s, balance %s", kind, hours, volunteer.id, volunteer.balance);
        return entry;
    }
}
