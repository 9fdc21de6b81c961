package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.volunteer.activity.ActivityDtos.MyActivityView;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreRef;

/**
 * What a cadre sees of activities through its own token: those of its community that have a session to come, and
 * those it is enrolled in. Nothing of any other cadre (no names, no attendance), only counts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MyActivityService {

    @Inject
    EnrolmentService enrolments;

    @Inject
    CadreDirectory cadres;

    @Inject
    Clock clock;

    public Page<MyActivityView> list(PageRequest page) {
        UUID cadreId = enrolments.ownCadre();
        CadreRef cadre = cadres.find(cadreId);
        String community = cadre == null ? null : cadre.placement().communityCode;
        Instant now = clock.now();
        String mine = "a.id in (select e.activityId from Enrolment e where e.cadreId = :cadre and e.status = :active)";
        String open = community == null ? mine : "(a.communityCode = :community and a.lastEndsAt > :now) or " + mine;
        Map<String, Object> params = community == null
                ? Map.of("cadre", cadreId, "active", Enrolment.Status.ACTIVE)
                : Map.of("cadre", cadreId, "active", Enrolment.Status.ACTIVE, "community", community, "now", now);
        return ListQuery.of(Activity.class, "a")
                .where(open, params)
                .orderBy("a.firstStartsAt asc, a.id asc")
                .page(page, rows -> views(rows, cadreId, now));
    }

    private static List<MyActivityView> views(List<Activity> rows, UUID cadreId, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(a -> a.id).toList();
        Map<UUID, Enrolment> own = Enrolment.<Enrolment>list("cadreId = ?1 and status = ?2 and activityId in ?3",
                cadreId, Enrolment.Status.ACTIVE, ids).stream()
                .collect(Collectors.toMap(e -> e.activityId, Function.identity()));
        Map<UUID, ActivitySession> next = ActivitySession.<ActivitySession>list(
                "activityId in ?1 and endsAt > ?2 order by n", ids, now).stream()
                .collect(Collectors.toMap(s -> s.activityId, Function.identity(), (first, later) -> first));
        return rows.stream().map(a -> ActivityMapper.mine(a, own.get(a.id), next.get(a.id))).toList();
    }
}
