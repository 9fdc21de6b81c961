package shouwang.visit.study;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.VisitConfig;
import shouwang.visit.task.TaskService;

/**
 * Study sessions and 送学上门: every absentee of a session gets one STUDY_DELIVERY task for its community. An
 * absentee whose profile is not held yet gets its task placed by the session's community; the profile re-places it
 * when it arrives (and a death or departure cancels it).
 */
@ApplicationScoped
@Transactional
public class StudyService {

    private static final Logger LOG = Logger.getLogger(StudyService.class);

    @Inject
    StudyRepository repository;

    @Inject
    TaskService tasks;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    public void branchChanged(PartyBranchChanged branch) {
        repository.upsertBranch(branch, Optional.ofNullable(branch.updatedAt()).orElse(clock.now()));
        LOG.infof("Party branch %s version %d applied", branch.code(), branch.version());
    }

    /** Records the session and its members, and makes one 送学上门 task per absentee (once per session and cadre). */
    public void sessionHeld(StudySessionHeld held) {
        int inserted = repository.insertSession(held, Optional.ofNullable(held.recordedAt()).orElse(clock.now()));
        List<UUID> attendees = Optional.ofNullable(held.attendeeIds()).orElse(List.of());
        List<UUID> absentees = Optional.ofNullable(held.absenteeIds()).orElse(List.of());
        attendees.forEach(id -> repository.member(held.sessionId(), id, true));
        absentees.stream().filter(id -> !attendees.contains(id)).forEach(id -> repository.member(held.sessionId(), id, false));
        LocalDate dueDay = held.heldOn().plus(config.studyDelivery().deadline()).plusDays(1);
        Instant deadline = clock.startOf(dueDay);
        int created = 0;
        for (UUID cadreId : absentees) {
            if (attendees.contains(cadreId)) {
                continue;
            }
            UUID taskId = UUID.nameUUIDFromBytes(("study-delivery/" + held.sessionId() + "/" + cadreId)
                    .getBytes(StandardCharsets.UTF_8));
            if (tasks.createDuty(new TaskService.Duty(taskId, cadreId, Purpose.STUDY_DELIVERY, null, Layer.COMMUNITY,
                    deadline, held.sessionId(), null, new Placement(held.communityCode(), null, held.unitCode())))
                    .isPresent()) {
                created++;
            }
        }
        LOG.infof("Study session %s of branch %s%s: %d attended, %d absent, %d 送学上门 tasks", held.sessionId(),
                held.branchCode(), inserted == 0 ? " (again)" : "", attendees.size(), absentees.size(), created);
    }

    /** The session's header, if it is known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StudyRepository.SessionHeader> session(UUID sessionId) {
        return repository.session(sessionId);
    }

    /**
     * Who has had the study, visible rows only: a member is placed where its profile places it, or by the
     * session's community while its profile is not held.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CoverageRow> coverage(UUID sessionId, Scope scope) {
        return repository.members(sessionId).stream().map(member -> {
            String status = member.attended() ? "ATTENDED" : "DONE".equals(member.taskStatus()) ? "DELIVERED"
                    : "MISSED".equals(member.taskStatus()) ? "MISSED" : "PENDING";
            return new CoverageRow(member.cadreId(), member.cadreName(), member.placement(), status, member.taskId(),
                    "DELIVERED".equals(status) ? member.completedAt() : null);
        }).filter(row -> scope.covers(row.placement())).toList();
    }

    public record CoverageRow(UUID cadreId, String cadreName, Placement placement, String status, UUID taskId,
            Instant deliveredAt) {
    }
}
