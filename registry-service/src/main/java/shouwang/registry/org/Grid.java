package shouwang.registry.org;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 网格, inside one community. */
@Entity
@Table(name = "org_grid")
public class Grid extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String communityCode;
    public Instant createdAt;
}
