package shouwang.registry.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The kept row errors of an import job, in the order they were found. */
@ApplicationScoped
public class ImportRepository {

    private static final int MAX_MESSAGE = 500;

    @Inject
    EntityManager entityManager;

    /** @param seqStart the position of the first of these errors among the job's kept errors */
    public void insertErrors(UUID jobId, List<RowError> errors, int seqStart) {
        int seq = seqStart;
        for (RowError error : errors) {
            String message = error.message().length() > MAX_MESSAGE ? error.message().substring(0, MAX_MESSAGE)
                    : error.message();
            entityManager.createNativeQuery("insert into import_error (job_id, seq, row_num, field, message) "
                    + "values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, jobId).setParameter(2, seq++).setParameter(3, error.row())
                    .setParameter(4, error.field()).setParameter(5, message)
                    .executeUpdate();
        }
    }

    public List<RowError> errors(UUID jobId) {
        List<RowError> errors = new ArrayList<>();
        for (Object result : entityManager.createNativeQuery(
                "select row_num, field, message from import_error where job_id = ?1 order by seq")
                .setParameter(1, jobId).getResultList()) {
            Object[] row = (Object[]) result;
            errors.add(new RowError(((Number) row[0]).intValue(), (String) row[1], (String) row[2]));
        }
        return errors;
    }
}
