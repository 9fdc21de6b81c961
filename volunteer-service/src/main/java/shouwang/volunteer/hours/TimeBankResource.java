package shouwang.volunteer.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.hours.HoursDtos.DonateRequest;
import shouwang.volunteer.hours.HoursDtos.EntryView;
import shouwang.volunteer.hours.HoursDtos.HoursView;
import shouwang.volunteer.hours.HoursDtos.SpendRequest;

/** A volunteer's time bank: balance and history, spending on oneself or family, donating to an eligible elder. */
@Path("/volunteers/{id}/hours")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Time bank")
public class TimeBankResource {

    @Inject
    TimeBank timeBank;

    @GET
    @Operation(operationId = "getVolunteerHours", summary = "时间银行 / Time bank",
            description = "志愿者的时长余额及明细。 / A volunteer's balance and its entries.")
    public HoursView hours(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @BeanParam PageRequest page) {
        return timeBank.hours(QueryParams.uuid("id", id), page);
    }

    @POST
    @Path("/spent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "spendHours", summary = "使用时长 / Spend hours",
            description = "为本人或家人使用时长 (客户端 id 使重试安全)。 / Spends hours on oneself or family (a client id makes a retry safe).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    public Response spend(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull SpendRequest request) {
        return timeBank.spend(QueryParams.uuid("id", id), request).response();
    }

    @POST
    @Path("/donations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "donateHours", summary = "捐赠时长 / Donate hours",
            description = "把时长捐赠给符合条件的老人 (孤寡、失独)。 / Donates hours to an eligible elder (孤寡, 失独).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    public Response donate(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull DonateRequest request) {
        return timeBank.donate(QueryParams.uuid("id", id), request).response();
    }
}
