package shouwang.volunteer.team;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.volunteer.ServiceCategory;

/** An elder volunteer team (老年志愿服务队) of one community and category, with a leader among its members. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ServiceCategory category;
    public String communityCode;
    public String description;
    public UUID leaderId;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
}
