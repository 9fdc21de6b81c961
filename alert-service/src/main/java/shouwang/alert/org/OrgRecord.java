package shouwang.alert.org;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest org record received on org-records; id is the topic's key, {@code KIND:code}. */
@Entity
@Table(name = "org_record")
public class OrgRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public OrgKind kind;

    @Column(name = "code", nullable = false)
    public String code;

    public String name;

    public String parentCode;

    @Column(name = "active", nullable = false)
    public boolean active;

    @Column(name = "version", nullable = false)
    public long version;

    public Instant recordUpdatedAt;

    /** JSON array of {@link Person}. */
    @Column(name = "people", nullable = false)
    public String people;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static String idOf(OrgKind kind, String code) {
        return kind + ":" + code;
    }
}
