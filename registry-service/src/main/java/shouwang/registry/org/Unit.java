package shouwang.registry.org;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 原单位: the unit a cadre retired from. */
@Entity
@Table(name = "org_unit")
public class Unit extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public Instant createdAt;
}
