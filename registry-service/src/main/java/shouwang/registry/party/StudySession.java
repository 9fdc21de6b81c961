package shouwang.registry.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.registry.cadre.JsonColumns;

/** A study session (组织生活/集中学习) of a branch: who attended, and who was a member but absent (送学上门 follows). */
@Entity
@Table(name = "study_session")
public class StudySession extends PanacheEntityBase {

    @Id
    public UUID id;
    public String branchCode;
    public String topic;
    public LocalDate heldOn;
    @Convert(converter = JsonColumns.Ids.class)
    public List<UUID> attendeeIds = List.of();
    @Convert(converter = JsonColumns.Ids.class)
    public List<UUID> absenteeIds = List.of();
    public String recordedBy;
    public Instant recordedAt;
}
