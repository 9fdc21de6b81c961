package shouwang.registry.org;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * REST bodies of the org hierarchy. Creates take an optional client {@code id}; a PUT is the full editable record
 * with the {@code version} it was read at. {@code people} left out of a PUT keeps the people; {@code []} clears them.
 */
public final class OrgDtos {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String CODE_MESSAGE = "must be 1-64 letters, digits, '-', '_' or '.'";

    private OrgDtos() {
    }

    /** A responsible person as sent; checked by {@link OrgRules#people}. */
    public record PersonInput(Person.Role role, String name, String phone) {
    }

    public record UnitInput(UUID id, @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, List<@NotNull PersonInput> people) {
    }

    /** {@code districtCode}: its district (区); required once the deployment has districts, else left out. */
    public record StreetInput(UUID id, @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, String districtCode, List<@NotNull PersonInput> people) {
    }

    /** A district (区) of a city deployment, with its bureau's people. */
    public record DistrictInput(UUID id, @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, List<@NotNull PersonInput> people) {
    }

    /**
     * {@code streetCode} names the street record; {@code streetName} alone (the body before streets were records)
     * is still accepted: it links the street of that name when there is exactly one.
     */
    public record CommunityInput(UUID id, @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, String streetCode, @Size(max = 200) String streetName,
            List<@NotNull PersonInput> people) {
    }

    public record GridInput(UUID id, @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, @NotBlank String communityCode, List<@NotNull PersonInput> people) {
    }

    /**
     * The editable record of a PUT. {@code parentCode}-like fields are read per kind: {@code districtCode} for a
     * street, {@code streetCode} for a community, {@code communityCode} for a grid; others ignore them; left out,
     * the parent stays. {@code active} left out keeps it.
     */
    public record OrgUpdate(@NotBlank @Size(max = 200) String name, String streetCode, String communityCode,
            List<@NotNull PersonInput> people, Boolean active, @NotNull Long version, String districtCode) {
    }

    /** A street, with its district (null in a one-district install). */
    public record StreetView(String code, String name, String districtCode, boolean active, long version,
            List<Person> people, Instant updatedAt) {
        static StreetView of(Street street) {
            return new StreetView(street.code, street.name, street.districtCode, street.active, street.version,
                    street.people, street.updatedAt);
        }
    }

    /** A unit, a district or the bureau. */
    public record OrgView(String code, String name, boolean active, long version, List<Person> people,
            Instant updatedAt) {
        static OrgView of(OrgRecord record) {
            return new OrgView(record.code, record.name, record.active, record.version, record.people,
                    record.updatedAt);
        }
    }

    public record CommunityView(String code, String name, String streetName, String streetCode, boolean active,
            long version, List<Person> people, Instant updatedAt) {
        static CommunityView of(Community community) {
            return new CommunityView(community.code, community.name, community.streetName, community.streetCode,
                    community.active, community.version, community.people, community.updatedAt);
        }
    }

    public record GridView(String code, String name, String communityCode, boolean active, long version,
            List<Person> people, Instant updatedAt) {
        static GridView of(Grid grid) {
            return new GridView(grid.code, grid.name, grid.communityCode, grid.active, grid.version, grid.people,
                    grid.updatedAt);
        }
    }
}
