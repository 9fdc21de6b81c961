package shouwang.registry.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.problem.Failures;

import shouwang.kit.security.Caller;

/**
 * One kind of import (cadres, org records, responsible contacts): how its header row is read and how a chunk of its
 * rows is applied. {@link ImportService} runs every kind the same way: the job, its progress after each chunk, the
 * row errors, CSV and XLSX.
 */
public interface RowImport {

    /** {@code CADRES}, {@code ORGS} or {@code CONTACTS}: the job's kind. */
    String kind();

    /**
     * The rows of one file, from its header; null when a required column is missing, with an error per missing
     * column in {@code missing}.
     *
     * @param caller who imports: the actor of every change, and the scope every row must be inside
     */
    Rows begin(Spreadsheet.Line header, UUID jobId, Caller caller, List<RowError> missing);

    /** Applies chunks of rows, each in its own transaction(s). */
    interface Rows {
        Result apply(List<Spreadsheet.Line> chunk);

        /**
         * Null: the rows are applied as they are read (streamed). Otherwise every row is read first and applied in
         * this order (org records: parents first, whatever the file order), so the file must fit in memory.
         */
        default Comparator<Spreadsheet.Line> order() {
            return null;
        }

        /**
         * Consecutive rows of one group are never split between chunks (a cadre's contact rows: one event per
         * cadre); by default every row is its own group.
         */
        default Object group(Spreadsheet.Line line) {
            return line.number();
        }
    }

    /**
     * Applies a chunk in one transaction; a chunk the database refuses is retried row by row, so one bad row never
     * costs the others (a single row that fails is one row error).
     */
    static Result inOneTransaction(List<Spreadsheet.Line> lines, Function<List<Spreadsheet.Line>, Result> write) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write.apply(lines));
        } catch (RuntimeException e) {
            if (lines.size() == 1) {
                return new Result(0, 1, List.of(new RowError(lines.get(0).number(), "row",
                        "not saved: " + Failures.rootMessage(e))));
            }
            Result total = new Result(0, 0, List.of());
            for (Spreadsheet.Line line : lines) {
                total = total.plus(inOneTransaction(List.of(line), write));
            }
            return total;
        }
    }

    /** What a chunk did. */
    record Result(int accepted, int rejected, List<RowError> errors) {
        Result plus(Result other) {
            List<RowError> all = new ArrayList<>(errors);
            all.addAll(other.errors);
            return new Result(accepted + other.accepted, rejected + other.rejected, all);
        }
    }
}
