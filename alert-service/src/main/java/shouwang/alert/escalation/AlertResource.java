package shouwang.alert.escalation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreRepository;
import shouwang.alert.signal.SignalKind;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Alerts")
public class AlertResource {

    private static final int MAX_TEXT = 1000;

    @Inject
    AlertService service;

    @Inject
    AlertReads reads;

    @Inject
    CadreRepository cadres;

    @Inject
    CallerScope caller;

    @Inject
    ObjectMapper objectMapper;

    public record AcknowledgeRequest(String note) {
    }

    /** A manual resolve names one of the fixed reasons and says, in the note, what was checked (the audit reads it). */
    public record ResolveRequest(@NotNull ManualReason reason, @NotBlank @Size(max = MAX_TEXT) String note) {
    }

    /**
     * A {@code communityCode} filter outside the caller's scope is a 403 (the kit's filter rule), and so is a
     * {@code cadreId} of a known cadre outside it; the rows are limited to the scope in any case.
     */
    @GET
    @Operation(operationId = "listAlerts", summary = "预警列表 / List alerts",
            description = "调用者范围内的预警，按期限排序，可按干部、状态、级别、社区、类别、更新时间、是否逾期筛选。 / The alerts in "
                    + "the caller's scope, by deadline, filtered by cadre, status, level, community, kind, update time or overdue.")
    public Page<AlertView> list(
            @Parameter(description = "干部ID / Cadre id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "状态 / Status", schema = @Schema(implementation = AlertStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "级别 0–3 / Level 0–3", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "3"))
            @QueryParam("level") String level,
            @Parameter(description = "社区代码 / Community code") @QueryParam("communityCode") String communityCode,
            @Parameter(description = "信号类别 / Signal kind", schema = @Schema(implementation = SignalKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "此时间之后有变化的（RFC 3339）/ Changed after this time (RFC 3339)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "true 仅逾期未处置的 / true: overdue ones only", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @BeanParam PageRequest page) {
        Integer levelValue = QueryParams.integer("level", level);
        if (levelValue != null && (levelValue < 0 || levelValue > Ladder.TOP_LEVEL)) {
            throw InvalidFieldsException.of("level", "must be between 0 and " + Ladder.TOP_LEVEL);
        }
        AlertQuery query = new AlertQuery(QueryParams.uuid("cadreId", cadreId),
                QueryParams.enumValue("status", status, AlertStatus.class), levelValue,
                QueryParams.text(communityCode), QueryParams.enumValue("kind", kind, SignalKind.class),
                QueryParams.instant("updatedSince", updatedSince), QueryParams.bool("overdue", overdue));
        caller.requireFilter(query.communityCode(), null, null, cadres::communityOfGrid);
        if (query.cadreId() != null) {
            CadreProfile profile = cadres.find(query.cadreId());
            if (profile != null) {
                caller.requireCadre(profile.placement());
            }
        }
        return reads.list(query, caller.scope(), page);
    }

    /**
     * The board: alerts not resolved in the caller's scope by level and by district (a district admin its districts,
     * the city all of them, a street officer its streets'), overdue ones counted apart.
     */
    @GET
    @Path("/statistics")
    @Operation(operationId = "alertStatistics", summary = "预警看板统计 / Alert board counts",
            description = "调用者范围内未处置的预警按级别、按区县计数，逾期另计。 / The caller's unresolved alerts counted by level "
                    + "and by district, overdue ones apart.")
    public AlertStatistics statistics() {
        return reads.statistics(caller.scope());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlert", summary = "预警详情 / One alert",
            description = "一条预警及其经过（信号、升级、走访、处置）。范围外为 404。 / One alert with its history (signals, "
                    + "escalations, visits, resolution); 404 outside the caller's scope.")
    public AlertView get(
            @Parameter(description = "预警ID / Alert id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return reads.one(QueryParams.uuid("id", id), caller.caller());
    }

    /**
     * The body ({@code {"note":..}}) is optional: mobile clients acknowledge with a bare POST, and an empty body or
     * the JSON {@code null} is an acknowledgement without a note. A body needs a Content-Type (the kit's rule).
     */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "acknowledgeAlert", summary = "签收预警 / Acknowledge an alert",
            description = "责任人签收预警（可附说明）；不改变期限与级别。 / The responsible person acknowledges the alert (an "
                    + "optional note); its deadline and level stay.")
    public AlertView acknowledge(
            @Parameter(description = "预警ID / Alert id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, String body) throws JsonProcessingException {
        UUID alertId = QueryParams.uuid("id", id);
        String note = noteOf(body);
        return reads.detail(service.acknowledge(alertId, caller.caller(), note));
    }

    /** Alerts close by visits; closing one without a visit is the district bureau's decision alone, and audited. */
    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "resolveAlert", summary = "人工处置预警 / Resolve an alert by hand",
            description = "区委老干部局不经走访关闭预警，须写明原因并留痕。 / The district bureau closes an alert without a "
                    + "visit, naming the reason; audited.")
    public AlertView resolve(
            @Parameter(description = "预警ID / Alert id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid @NotNull ResolveRequest body) {
        return reads.detail(service.resolveByHand(QueryParams.uuid("id", id), caller.caller(), body.reason(),
                body.note()));
    }

    /** Malformed JSON or a field twice propagates to the kit's mappers, which answer a 400 naming the field. */
    private String noteOf(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        AcknowledgeRequest request;
        try {
            // strict like every request body (kit StrictRequests): an unknown field is a 400 naming it
            request = objectMapper.readerFor(AcknowledgeRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (MismatchedInputException e) {
            if (!e.getPath().isEmpty()) {
                throw e;
            }
            throw InvalidFieldsException.of("body", "must be a JSON object such as {\"note\":\"…\"}, or null");
        }
        if (request == null) {
            return null;
        }
        if (request.note() != null && request.note().length() > MAX_TEXT) {
            throw InvalidFieldsException.of("note", "size must be between 0 and " + MAX_TEXT);
        }
        return request.note();
    }
}
