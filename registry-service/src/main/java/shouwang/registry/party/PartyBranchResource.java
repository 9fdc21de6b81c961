package shouwang.registry.party;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.registry.party.PartyDtos.BranchInput;
import shouwang.registry.party.PartyDtos.BranchView;
import shouwang.registry.party.PartyDtos.MemberView;
import shouwang.registry.party.PartyDtos.SessionInput;
import shouwang.registry.party.PartyDtos.SessionView;

/** 离退休干部综合党支部: branches, their members and their study sessions (absentees get 送学上门). */
@Path("/party-branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON, Roles.STREET_OFFICER })
public class PartyBranchResource {

    @Inject
    PartyService service;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    @Operation(summary = "Creates a party branch of a community or of a unit (client id optional)")
    @APIResponse(responseCode = "201", description = "The branch (200 when the same create is repeated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BranchView.class)))
    public Response create(BranchInput input) {
        return service.create(input).response();
    }

    @GET
    @Operation(summary = "The party branches in scope, by code")
    public Page<BranchView> list(@QueryParam("communityCode") String communityCode,
            @QueryParam("unitCode") String unitCode, @BeanParam PageRequest page) {
        return service.list(QueryParams.text(communityCode), QueryParams.text(unitCode), page);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One party branch with its number of active members")
    public BranchView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @GET
    @Path("/{code}/members")
    @Operation(summary = "The branch's members within the caller's scope, by name")
    public Page<MemberView> members(@PathParam("code") String code, @BeanParam PageRequest page) {
        return service.members(code, page);
    }

    @POST
    @Path("/{code}/study-sessions")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    @Operation(summary = "Records a study session held: its attendees; every other active member gets 送学上门")
    @APIResponse(responseCode = "201", description = "The session with its absentees (200 when repeated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Response hold(@PathParam("code") String code, SessionInput input) {
        return service.hold(code, input).response();
    }

    @GET
    @Path("/{code}/study-sessions/{id}")
    @Operation(summary = "One study session with its attendees and absentees")
    public SessionView session(@PathParam("code") String code, @PathParam("id") String id) {
        return service.session(code, QueryParams.uuid("id", id));
    }

    @GET
    @Path("/{code}/study-sessions")
    @Operation(summary = "The branch's study sessions, newest first")
    public Page<SessionView> sessions(@PathParam("code") String code, @BeanParam PageRequest page) {
        return service.sessions(code, page);
    }
}
