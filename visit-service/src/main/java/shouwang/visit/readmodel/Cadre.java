package shouwang.visit.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.kit.security.Placement;
import shouwang.visit.PlacedEntity;

/** A cadre as visit-service knows it from the latest cadre-profiles record. */
@Entity
@Table(name = "cadre")
public class Cadre extends PlacedEntity {

    public static final String ACTIVE = "ACTIVE";
    public static final String DECEASED = "DECEASED";
    public static final String MOVED_AWAY = "MOVED_AWAY";

    /** Special categories that make a cadre a key service target (重点服务对象). */
    public static final Set<String> KEY_CATEGORIES = Set.of("WIDOWED_CHILDLESS", "EXTREME_HARDSHIP", "DISABLED",
            "SERIOUS_ILLNESS");

    @Id
    public UUID id;
    public long version;
    public String name;
    public LocalDate birthDate;
    public String livingArrangement;
    public String selfCare;
    /** Comma-separated codes. */
    public String specialCategories = "";
    public boolean keyServiceTarget;
    public String status;
    public Instant firstSeenAt;
    public Instant updatedAt;
    /** 离退休综合党支部 code, or null. */
    public String partyBranchCode;
    /** 两老同住: the household the cadre lives in with other cadres, or null. */
    public UUID householdId;
    /** Comma-separated ids of the OTHER cadres of the household. */
    public String householdMemberIds = "";


    /**
     * Where work for a cadre is placed: the cadre's own codes, each one the read model lacks (the cadre unknown yet,
     * or a code not registered) taken from {@code fallback} (the alert's org codes, the task's placement).
     */
    public static Placement placementOf(Optional<Cadre> cadre, Supplier<Placement> fallback) {
        Placement own = cadre.map(Cadre::placement).orElseGet(Placement::new);
        if (own.communityCode != null && own.gridCode != null && own.unitCode != null) {
            return own.copy();
        }
        Placement other = Placement.orEmpty(fallback.get());
        return new Placement(own.communityCode != null ? own.communityCode : other.communityCode,
                own.gridCode != null ? own.gridCode : other.gridCode,
                own.unitCode != null ? own.unitCode : other.unitCode);
    }

    public java.util.List<UUID> householdMembers() {
        return householdMemberIds == null || householdMemberIds.isBlank() ? java.util.List.of()
                : Arrays.stream(householdMemberIds.split(",")).map(UUID::fromString).toList();
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public Set<String> specialCategorySet() {
        return specialCategories == null || specialCategories.isBlank() ? Set.of()
                : Arrays.stream(specialCategories.split(",")).collect(Collectors.toSet());
    }

    /** Age in whole years on a date, or -1 when the birth date is unknown. */
    public int ageOn(LocalDate date) {
        return birthDate == null ? -1 : Period.between(birthDate, date).getYears();
    }

    /**
     * 重点服务对象 on a date: the registry's flag, re-derived here too because "90 or older" changes with the date
     * the question is asked for.
     */
    public boolean isKeyServiceTargetOn(LocalDate date) {
        return keyServiceTarget
                || specialCategorySet().stream().anyMatch(KEY_CATEGORIES::contains)
                || "ALONE".equals(livingArrangement)
                || "PARTIAL".equals(selfCare) || "NONE".equals(selfCare)
                || ageOn(date) >= 90;
    }
}
