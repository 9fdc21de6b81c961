package shouwang.registry.org;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every org record has: its code (the key everywhere), the client's id of its create, a name, a version for
 * optimistic concurrency (+1 per change, also the {@code version} of its OrgRecordChanged events), whether it is
 * active, and its responsible people.
 */
@MappedSuperclass
public abstract class OrgRecord extends PanacheEntityBase {
    @Id
    public String code;
    public UUID clientId;
    public String name;
    public long version = 1;
    public boolean active = true;
    @Convert(converter = Person.Column.class)
    public List<Person> people = List.of();
    public Instant createdAt;
    public Instant updatedAt;

    public abstract OrgKind kind();

    /** A street's district, a community's street, a grid's community; null for the other kinds. */
    public String parentCode() {
        return null;
    }
}
