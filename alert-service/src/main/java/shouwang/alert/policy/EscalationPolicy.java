package shouwang.alert.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the escalation policy; versions are only ever added. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    @Id
    public int version;

    /** JSON object: kind → {"deadline":"PT24H","escalateEvery":"PT24H"}. */
    @Column(name = "kinds", nullable = false)
    public String kinds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The district whose policy this is; null for the city default (the one policy of a one-district deployment). */
    @Column(name = "district_code")
    public String districtCode;

    /** The newest version of the city default. */
    public static EscalationPolicy latest() {
        return find("districtCode is null order by version desc").firstResult();
    }

    /** The newest version of the district's own policy, null while it has none (it follows the city default). */
    public static EscalationPolicy latestOf(String districtCode) {
        return find("districtCode = ?1 order by version desc", districtCode).firstResult();
    }

    /** The highest version of any district: versions are one sequence, so an alert's policyVersion names one. */
    public static int highestVersion() {
        return find("order by version desc").<EscalationPolicy>firstResultOptional().map(p -> p.version).orElse(0);
    }
}
