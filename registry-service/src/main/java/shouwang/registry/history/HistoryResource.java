package shouwang.registry.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;

/** The history of a cadre (changes and unmasked ID number reads), for the district bureau only. */
@Path("/cadres/{id}/history")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class HistoryResource {

    @Inject
    ObjectMapper json;

    public record HistoryEntry(Instant at, String actor, String action, Long version, String source, JsonNode changes) {
    }

    @GET
    public Page<HistoryEntry> history(@PathParam("id") String rawId, @QueryParam("action") String action,
            @BeanParam PageRequest page) {
        UUID id = QueryParams.uuid("id", rawId);
        Parameters parameters = Parameters.with("id", id);
        String query = "cadreId = :id";
        if (action != null && !action.isBlank()) {
            query += " and action = :action";
            parameters.and("action", action.trim());
        }
        PanacheQuery<CadreAudit> entries = CadreAudit.find(query, Sort.by("recordedAt").and("id"), parameters)
                .page(page.page(), page.size());
        return new Page<>(entries.list().stream().map(this::entry).toList(), page.page(), page.size(), entries.count());
    }

    private HistoryEntry entry(CadreAudit audit) {
        try {
            return new HistoryEntry(audit.recordedAt, audit.actor, audit.action, audit.version, audit.source,
                    audit.changes == null ? null : json.readTree(audit.changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
