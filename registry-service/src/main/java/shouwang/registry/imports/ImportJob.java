package shouwang.registry.imports;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One upload being imported in the background; progress counters are committed after every chunk. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    public String status;
    public String format;
    /** CADRES, ORGS or CONTACTS ({@link RowImport#kind()}). */
    public String kind;
    public String createdBy;
    public Instant createdAt;
    public Instant finishedAt;
    /** Data rows in the file (blank rows excluded), counted in a first pass when the job starts; null until then. */
    public Integer total;
    public int processed;
    public int accepted;
    public int rejected;
    public String failure;
}
