package shouwang.visit.policy;

import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the visit policy (走访规则); versions are only ever added. */
@Entity
@Table(name = "visit_policy")
public class VisitPolicy extends PanacheEntityBase {

    @Id
    public int version;

    /** The district whose policy this is; null for the city default (the one policy of a one-district deployment). */
    @Column(name = "district_code")
    public String districtCode;

    /** JSON object: risk → layer → ISO-8601 period; a layer left out needs no cadence. */
    @Column(name = "cadences", nullable = false)
    public String cadences;

    @Column(name = "greeting_lead_days", nullable = false)
    public int greetingLeadDays;

    @Column(name = "greeting_grace_days", nullable = false)
    public int greetingGraceDays;

    @Column(name = "emergency_cut_off", nullable = false)
    public LocalTime emergencyCutOff;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
