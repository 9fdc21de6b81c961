package shouwang.registry.me;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreDtos.CadreView;
import shouwang.registry.cadre.CadreMapper;
import shouwang.registry.cadre.Labels;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;
import shouwang.registry.party.PartyBranch;

/**
 * The cadre's own record (role {@code cadre}, claim {@code cadre_id}): its profile with the ID number masked, its
 * responsible contacts per layer with names and phones (包保联系人上墙公布), its household and its party branch.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CADRE)
@Tag(name = "Me")
public class MeResource {

    /** A responsible contact as the cadre sees it: who, for which layer (with its Chinese name) and org. */
    public record MyContact(String layer, String layerLabel, String name, String phone, String orgCode,
            String orgName) {
    }

    public record HouseholdMember(UUID id, String name) {
    }

    public record MyBranch(String code, String name) {
    }

    public record Me(CadreView profile, List<MyContact> contacts, List<HouseholdMember> household,
            MyBranch partyBranch) {
    }

    @Inject
    CallerScope caller;

    @Inject
    OrgService org;

    @Inject
    Clock clock;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getMe", summary = "我的信息 / My profile",
            description = "调用者 (干部本人) 的档案、联系责任人 (上墙公布)、同住户及党支部。 / The caller's own profile, responsible contacts (上墙公布), "
                    + "household and party branch.")
    public Me me() {
        UUID cadreId = caller.cadreId()
                .orElseThrow(() -> new ForbiddenException("The token names no cadre (claim cadre_id)"));
        Cadre cadre = Cadre.findById(cadreId);
        if (cadre == null) {
            throw new NotFoundException("Cadre", cadreId);
        }
        OrgDirectory directory = org.directory();
        List<MyContact> contacts = cadre.contacts.stream()
                .map(contact -> new MyContact(contact.layer().name(), Labels.label(contact.layer()), contact.name(),
                        contact.phone(), contact.orgCode(), orgName(directory, contact.layer().name(),
                                contact.orgCode())))
                .toList();
        List<HouseholdMember> household = cadre.householdMemberIds.stream()
                .map(id -> Cadre.<Cadre>findById(id))
                .filter(member -> member != null)
                .map(member -> new HouseholdMember(member.id, member.name))
                .toList();
        PartyBranch branch = cadre.partyBranchCode == null ? null : PartyBranch.findById(cadre.partyBranchCode);
        return new Me(CadreMapper.view(cadre, null, clock.today()), contacts, household,
                branch == null ? null : new MyBranch(branch.code, branch.name));
    }

    private static String orgName(OrgDirectory directory, String layer, String code) {
        if (code == null) {
            return null;
        }
        return switch (layer) {
            case "UNIT" -> directory.units().get(code);
            case "COMMUNITY" -> directory.communities().get(code);
            default -> null;
        };
    }
}
