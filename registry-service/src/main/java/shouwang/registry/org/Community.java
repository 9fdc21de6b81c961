package shouwang.registry.org;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 社区, under a street office (街道). */
@Entity
@Table(name = "org_community")
public class Community extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String streetName;
    public Instant createdAt;
}
