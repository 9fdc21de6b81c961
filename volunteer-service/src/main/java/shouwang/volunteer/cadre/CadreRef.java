package shouwang.volunteer.cadre;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;

/** What volunteering knows of a registry cadre, rebuilt from cadre-profiles (latest version wins). */
@Entity
@Table(name = "cadre_ref")
public class CadreRef extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    public long version;
    public String name;
    public String phone;
    @Embedded
    public Placement placement;
    public String status;
    public String selfCare;
    /** Registry codes joined by commas; stored as text so codes added later by registry are kept, not rejected. */
    public String specialCategories;
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public Placement placement() {
        return Placement.orEmpty(placement);
    }

    public Set<String> categories() {
        if (specialCategories == null || specialCategories.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(specialCategories.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
