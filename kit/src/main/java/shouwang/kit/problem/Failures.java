package shouwang.kit.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Reading a failure for a log line or a row error: the innermost cause says what really went wrong. */
public final class Failures {

    private Failures() {
    }

    public static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code SimpleName: message} of the innermost cause. */
    public static String rootMessage(Throwable e) {
        Throwable root = root(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The field a JSON mapping failure is about, as {@code a.b[2].c}; empty for the document itself. */
    public static String jsonPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Failures of the database or its connection, not of the request or record: worth waiting out (a consumer
     * retries, a REST caller is told 503 and to come back).
     */
    public static boolean isInfrastructure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 serialization/deadlock, 53 resources, 57P operator intervention (shutdown)
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause instanceof java.net.ConnectException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || (cause.getMessage() != null && cause.getMessage().contains("Acquisition timeout"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
