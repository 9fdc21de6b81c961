package shouwang.visit.study;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/** 送学上门 coverage of a party branch's study session. */
@Path("/study-sessions")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Study sessions")
public class StudySessionResource {

    @Inject
    StudyService study;

    @Inject
    CallerScope caller;

    @GET
    @Path("/{sessionId}/coverage")
    @Operation(operationId = "getStudyCoverage", summary = "送学上门进度 / Study coverage",
            description = "一次组织生活的学习覆盖：已参加、已送学上门、待送、错过。 / Who has had a study session's study: attended, delivered at "
                    + "home, pending, missed.")
    public StudyCoverage coverage(
            @Parameter(description = "学习编号 (UUID) / Study session id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("sessionId") String rawId,
            @BeanParam PageRequest page) {
        UUID id = QueryParams.uuid("sessionId", rawId);
        StudyRepository.SessionHeader session = study.session(id)
                .orElseThrow(() -> new NotFoundException("Study session", id));
        List<StudyService.CoverageRow> rows = study.coverage(id, caller.scope());
        if (rows.isEmpty() && !caller.scope().covers(session.placement())) {
            // neither the branch nor any member is the caller's: the session is not there for it
            throw new NotFoundException("Study session", id);
        }
        int attended = (int) rows.stream().filter(r -> "ATTENDED".equals(r.status())).count();
        int delivered = (int) rows.stream().filter(r -> "DELIVERED".equals(r.status())).count();
        int pending = (int) rows.stream().filter(r -> "PENDING".equals(r.status())).count();
        int from = (int) Math.min((long) page.page() * page.size(), rows.size());
        int to = Math.min(from + page.size(), rows.size());
        List<StudyCoverage.Item> items = rows.subList(from, to).stream()
                .map(r -> new StudyCoverage.Item(r.cadreId(), r.cadreName(), r.placement().communityCode, r.status(),
                        r.taskId(), r.deliveredAt()))
                .toList();
        return new StudyCoverage(id, session.branchCode(), session.topic(), session.heldOn(), rows.size(), attended,
                delivered, pending, items, page.page(), page.size(), rows.size());
    }
}
