package shouwang.volunteer.cadre;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Flags volunteering keeps about a cadre that registry has no code for (失独). */
@Entity
@Table(name = "cadre_flag")
public class CadreFlag extends PanacheEntityBase {

    @Id
    public UUID cadreId;
    public boolean bereavedOnlyChild;
    public String flaggedBy;
    public Instant flaggedAt;
}
