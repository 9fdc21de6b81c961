package shouwang.registry.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** REST bodies of the org hierarchy. */
public final class OrgDtos {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String CODE_MESSAGE = "must be 1-64 letters, digits, '-', '_' or '.'";

    private OrgDtos() {
    }

    public record UnitInput(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name) {
    }

    public record CommunityInput(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String streetName) {
    }

    public record GridInput(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, @NotBlank String communityCode) {
    }

    public record UnitView(String code, String name) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.code, unit.name);
        }
    }

    public record CommunityView(String code, String name, String streetName) {
        static CommunityView of(Community community) {
            return new CommunityView(community.code, community.name, community.streetName);
        }
    }

    public record GridView(String code, String name, String communityCode) {
        static GridView of(Grid grid) {
            return new GridView(grid.code, grid.name, grid.communityCode);
        }
    }
}
