package shouwang.kit.problem;

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
}
