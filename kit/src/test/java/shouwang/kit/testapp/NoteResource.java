package shouwang.kit.testapp;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;

/** A minimal service that changes state and announces it, as every Shouwang service does. */
@Path("/api/v1/test-notes")
@RolesAllowed({ "district-admin", "community-worker" })
public class NoteResource {

    public enum Colour {
        RED, GREEN
    }

    public record NewNote(@NotBlank String key, @NotBlank @Size(max = 200) String body, Colour colour,
            java.time.Instant when, java.time.LocalDate due) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CallerScope callerScope;

    @POST
    @Transactional
    // declared without content: kit DocumentedProblems adds the Problem and an example, keeping this description
    @APIResponse(responseCode = "200", description = "已写入 / Written")
    @APIResponse(responseCode = "409", description = "有意回滚 / Rolled back on purpose")
    public Map<String, Object> write(@Valid NewNote request) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.key = request.key();
        note.body = request.body();
        note.persist();
        outbox.publish("kit-test-notes", note.key, new NoteWritten(note.id, note.body));
        if ("rollback".equals(request.body())) {
            throw new ConflictException("rolled back on purpose");
        }
        return Map.of("id", note.id);
    }

    /** Many notes in one transaction, announced with one outbox batch. */
    @POST
    @Path("batch")
    @Transactional
    public Map<String, Object> writeMany(@QueryParam("key") String key, @QueryParam("count") int count,
            @QueryParam("suffix") String suffix) {
        java.util.List<Outbox.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Note note = new Note();
            note.id = UUID.randomUUID();
            note.key = key;
            note.body = "batch " + i + (suffix == null ? "" : suffix);
            note.persist();
            events.add(new Outbox.Event("kit-test-notes", key, new NoteWritten(note.id, note.body)));
        }
        return Map.of("ids", outbox.publishAll(events));
    }

    /** The caller's scope as the kit resolves it, street offices and districts included. */
    @GET
    @Path("scope")
    @RolesAllowed({ "district-admin", "community-worker", "street-officer", "cadre" })
    public Map<String, Object> scope() {
        return Map.of("communities", new java.util.TreeSet<>(callerScope.scope().communityCodes()),
                "everything", callerScope.scope().districtWide(),
                "districts", new java.util.TreeSet<>(callerScope.districtCodes()),
                "cityAdmin", callerScope.isCityAdmin(),
                "streets", new java.util.TreeSet<>(callerScope.streetCodes()),
                "cadre", callerScope.cadreId().map(UUID::toString).orElse("none"));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> read(@PathParam("id") @Parameter(description = "便签编号 / The note's id",
            schema = @Schema(format = "uuid")) String id) {
        Note note = Note.findById(QueryParams.uuid("id", id));
        if (note == null) {
            throw new NotFoundException("Note", id);
        }
        return Map.of("id", note.id, "body", note.body);
    }

    /** Stands for an expensive read (coverage, statistics): a caller may use it a few times a minute in tests. */
    @GET
    @Path("expensive")
    @shouwang.kit.ratelimit.RateLimited(shouwang.kit.ratelimit.RateLimited.Bucket.EXPENSIVE)
    public Map<String, Object> expensive() {
        return Map.of("user", callerScope.username());
    }

    @GET
    @Path("scoped/{community}")
    // declared with content of its own, which kit DocumentedProblems must leave as it is
    @APIResponse(responseCode = "200", description = "本社区 / The caller's community")
    @APIResponse(responseCode = "403", description = "不是本社区 / Not the caller's community",
            content = @Content(mediaType = "application/problem+json"))
    public Map<String, Object> scoped(@PathParam("community") String community) {
        callerScope.requireCommunity(community);
        return Map.of("community", community, "user", callerScope.username());
    }

    @GET
    public Page<String> list(@jakarta.ws.rs.BeanParam PageRequest page, @QueryParam("since") String since) {
        QueryParams.instant("since", since);
        return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
    }
}
