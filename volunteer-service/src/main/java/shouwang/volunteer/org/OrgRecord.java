package shouwang.volunteer.org;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An org record as the latest org-records event told it, without its people (this service needs no contacts). */
@Entity
@Table(name = "org_record")
@IdClass(OrgRecord.Key.class)
public class OrgRecord extends PanacheEntityBase {

    @Id
    public String kind;
    @Id
    public String code;
    public String name;
    public String parentCode;
    public boolean active;
    public long version;
    public Instant updatedAt;

    public record Key(String kind, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
