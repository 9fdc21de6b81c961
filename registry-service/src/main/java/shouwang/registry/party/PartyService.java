package shouwang.registry.party;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Placement;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.PartyBranches;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;
import shouwang.registry.party.PartyDtos.BranchInput;
import shouwang.registry.party.PartyDtos.BranchView;
import shouwang.registry.party.PartyDtos.MemberView;
import shouwang.registry.party.PartyDtos.SessionInput;
import shouwang.registry.party.PartyDtos.SessionView;

/**
 * Party branches and their study sessions. A session records who attended; every other ACTIVE member of the branch
 * is absent and gets the study delivered at home (送学上门): {@code StudySessionHeld} on {@code party-branches} makes
 * visit-service open one task per absentee, in this transaction's outbox.
 */
@ApplicationScoped
@Transactional
public class PartyService implements PartyBranches {

    public static final String TOPIC = "party-branches";
    private static final Logger LOG = Logger.getLogger(PartyService.class);
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_ATTENDEES = 2000;

    @Inject
    OrgService org;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String branchCode) {
        return OrgService.wellFormed(branchCode) && PartyBranch.findById(branchCode) != null;
    }

    public Saved<BranchView> create(BranchInput input) {
        if (input == null) {
            throw InvalidFieldsException.of("body", "is required");
        }
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        String code = text(input.code(), "code", MAX_CODE, errors);
        if (code != null && code.length() <= MAX_CODE && !OrgService.wellFormed(code)) {
            errors.add("code", "must be letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        String name = text(input.name(), "name", MAX_NAME, errors);
        String community = blankToNull(input.communityCode());
        String unit = blankToNull(input.unitCode());
        OrgDirectory directory = org.directory();
        if ((community == null) == (unit == null)) {
            errors.add(community == null ? "communityCode" : "unitCode",
                    "give exactly one of communityCode and unitCode");
        } else if (community != null && !directory.hasCommunity(community)) {
            errors.add("communityCode", "no active community " + community);
        } else if (unit != null && !directory.hasUnit(unit)) {
            errors.add("unitCode", "no active unit " + unit);
        }
        errors.throwIfAny();
        Placement placement = new Placement(community, null, unit);
        if (!caller.scope().covers(placement)) {
            throw new ForbiddenException("The branch's " + (community != null ? "community" : "unit")
                    + " is outside your scope");
        }
        PartyBranch known = input.id() != null ? PartyBranch.find("clientId", input.id()).firstResult() : null;
        if (known == null) {
            known = PartyBranch.findById(code);
        }
        if (known != null) {
            if (!known.code.equals(code) || !known.name.equals(name) || !known.placement().equals(placement)) {
                throw new ConflictException("Party branch " + known.code + " already exists with other data");
            }
            return Saved.existing(view(known));
        }
        PartyBranch branch = new PartyBranch();
        branch.code = code;
        branch.name = name;
        branch.placement = placement;
        branch.clientId = input.id();
        branch.version = 1;
        branch.createdAt = clock.now();
        branch.updatedAt = branch.createdAt;
        branch.persist();
        outbox.publish(TOPIC, code, new PartyBranchChanged(code, name, community, unit, true, branch.version,
                branch.updatedAt));
        LOG.infof("Party branch %s created (community %s, unit %s) by %s", code, community, unit, caller.username());
        return Saved.created(view(branch));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BranchView> list(String communityCode, String unitCode, PageRequest page) {
        caller.requireFilter(communityCode, null, unitCode, grid -> null);
        return ListQuery.of(PartyBranch.class, "b")
                .eq("b.placement.communityCode", communityCode)
                .eq("b.placement.unitCode", unitCode)
                .inScope(caller.scope(), "b.placement")
                .orderBy("b.code")
                .pageEach(page, this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BranchView get(String code) {
        return view(visible(code));
    }

    /** The branch's members within the caller's scope (a unit branch's members live in many communities). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemberView> members(String code, PageRequest page) {
        visible(code);
        return ListQuery.of(Cadre.class, "c")
                .eq("c.partyBranchCode", code)
                .inScope(caller.scope(), "c.placement")
                .orderBy("c.name, c.id")
                .pageEach(page, cadre -> new MemberView(cadre.id, cadre.name, cadre.placement.communityCode,
                        cadre.placement.gridCode, cadre.placement.unitCode, cadre.status.name()));
    }

    public Saved<SessionView> hold(String code, SessionInput input) {
        PartyBranch branch = OrgService.wellFormed(code) ? PartyBranch.findById(code, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (branch == null || !caller.scope().covers(branch.placement())) {
            throw new NotFoundException("Party branch", code);
        }
        if (input == null) {
            throw InvalidFieldsException.of("body", "is required");
        }
        if (input.id() != null) {
            StudySession known = StudySession.findById(input.id());
            if (known != null) {
                if (!known.branchCode.equals(code)) {
                    throw new ConflictException("Study session " + input.id() + " belongs to another branch");
                }
                return Saved.existing(view(known));
            }
        }
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        String topic = text(input.topic(), "topic", MAX_NAME, errors);
        if (input.heldOn() == null) {
            errors.add("heldOn", "is required");
        } else if (input.heldOn().isAfter(clock.today())) {
            errors.add("heldOn", "must not be in the future: record a session once it was held");
        }
        List<Cadre> members = Cadre.list("partyBranchCode = ?1 and status = ?2 order by id", code,
                CadreStatus.ACTIVE);
        Set<UUID> memberIds = new HashSet<>();
        members.forEach(member -> memberIds.add(member.id));
        Set<UUID> attendees = new LinkedHashSet<>();
        List<UUID> given = input.attendeeIds() == null ? List.of() : input.attendeeIds();
        if (given.size() > MAX_ATTENDEES) {
            errors.add("attendeeIds", "at most " + MAX_ATTENDEES + " attendees");
        }
        for (int i = 0; i < given.size() && i < MAX_ATTENDEES; i++) {
            UUID attendee = given.get(i);
            if (attendee == null || !memberIds.contains(attendee)) {
                errors.add("attendeeIds[" + i + "]", "is not an active member of branch " + code);
            } else {
                attendees.add(attendee);
            }
        }
        errors.throwIfAny();
        List<UUID> absentees = new ArrayList<>();
        members.stream().map(member -> member.id).filter(id -> !attendees.contains(id)).forEach(absentees::add);
        StudySession session = new StudySession();
        session.id = input.id() != null ? input.id() : UUID.randomUUID();
        session.branchCode = code;
        session.topic = topic;
        session.heldOn = input.heldOn();
        session.attendeeIds = List.copyOf(attendees);
        session.absenteeIds = List.copyOf(absentees);
        session.recordedBy = caller.username();
        session.recordedAt = clock.now();
        session.persist();
        Placement placement = branch.placement();
        outbox.publish(TOPIC, code, new StudySessionHeld(session.id, code, branch.name, placement.communityCode,
                placement.unitCode, topic, session.heldOn, session.attendeeIds, session.absenteeIds,
                session.recordedAt));
        LOG.infof("Study session %s of branch %s held on %s: %d attended, %d to deliver, recorded by %s", session.id,
                code, session.heldOn, attendees.size(), absentees.size(), caller.username());
        return Saved.created(view(session));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> sessions(String code, PageRequest page) {
        visible(code);
        return ListQuery.of(StudySession.class, "s").eq("s.branchCode", code).orderBy("s.heldOn desc, s.id")
                .pageEach(page, PartyService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView session(String code, UUID id) {
        visible(code);
        StudySession session = StudySession.findById(id);
        if (session == null || !session.branchCode.equals(code)) {
            throw new NotFoundException("Study session", id);
        }
        return view(session);
    }

    /** A code no branch could have (a NUL, which PostgreSQL refuses in text) is never looked up: 404. */
    private PartyBranch visible(String code) {
        PartyBranch branch = OrgService.wellFormed(code) ? PartyBranch.findById(code) : null;
        if (branch == null || !caller.scope().covers(branch.placement())) {
            throw new NotFoundException("Party branch", code);
        }
        return branch;
    }

    private BranchView view(PartyBranch branch) {
        long members = Cadre.count("partyBranchCode = ?1 and status = ?2", branch.code, CadreStatus.ACTIVE);
        Placement placement = branch.placement();
        return new BranchView(branch.code, branch.name, placement.communityCode, placement.unitCode, branch.version,
                members, branch.createdAt, branch.updatedAt);
    }

    private static SessionView view(StudySession session) {
        return new SessionView(session.id, session.branchCode, session.topic, session.heldOn, session.attendeeIds,
                session.absenteeIds, session.attendeeIds.size() + session.absenteeIds.size(), session.recordedBy,
                session.recordedAt);
    }

    private static String text(String value, String field, int max, InvalidFieldsException.Collector errors) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            errors.add(field, "is required");
        } else if (trimmed.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
