package shouwang.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.security.Roles;

import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.HostileInput.Case;
import shouwang.kit.testing.HostileInput.Expect;
import shouwang.kit.testing.Wire.Answer;

/**
 * The bad-input suite of one service: every operation of its OpenAPI document gets the malformed requests of
 * {@link HostileInput}, as district-admin (so nothing is stopped before the input is read). Each answer must be a
 * 4xx {@code application/problem+json} naming the field where the case says so (415 for the Content-Type, 413 for
 * size), never a 5xx, never a stack trace or parser internals; afterwards the service is still ready and the rows it
 * held before are still there. Extend with {@code @QuarkusTest} and a profile of its own (the suite writes whatever
 * the service accepts, so it should not share a database with tests that count rows).
 */
public abstract class BadInputContract {

    /** What the issue asks of each service; a service below it needs more operations or more cases. */
    protected static final int AT_LEAST = 1_000;

    /** A real value for a path parameter (so body cases get past the lookup); default a random UUID. */
    protected String pathValue(Operation operation, String parameter) {
        return UUID.randomUUID().toString();
    }

    /** Creates the rows the suite checks are kept; answers the paths (as admin) that must still read 200 after. */
    protected List<String> seed() {
        return List.of();
    }

    /**
     * The scoped caller the cases are sent as too (where the operation allows its role): scope filters and checks
     * read the same parameters by other paths. Default a community worker of SQ001.
     */
    protected TestTokens scopedCaller() {
        return TestTokens.user(Roles.COMMUNITY_WORKER).communities("SQ001");
    }

    @Test
    void everyOperationAnswersMalformedRequestsWithAProblemNamingTheField() {
        List<String> kept = seed();
        ApiDescription api = ApiDescription.of(Wire.baseUrl());
        HostileInput input = new HostileInput(this::pathValue);
        String admin = TestTokens.districtAdmin();
        TestTokens scoped = scopedCaller();
        String scopedToken = scoped.token();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int refused = 0;
        for (Operation operation : api.operations()) {
            List<String> callers = new ArrayList<>(List.of(admin));
            if (operation.roles().contains(scoped.role())) {
                callers.add(scopedToken);
            }
            for (Case c : input.casesFor(operation)) {
                String target = c.path() + (c.query().isEmpty() ? "" : "?" + c.query());
                for (String token : callers) {
                    Answer answer = Wire.send(operation.method(), target, token, c.body(), c.contentType());
                    requests++;
                    if (answer.status() >= 400) {
                        refused++;
                    }
                    // a caller the operation does not admit is refused before its body is looked at, whatever the
                    // Content-Type: the admin tries a cadre's own /me operation only to see that it is a clean 403
                    boolean admitted = !token.equals(admin) || operation.roles().contains(Roles.DISTRICT_ADMIN);
                    String wrong = !admitted && answer.status() == 403 && answer.isProblem() ? null : judge(c, answer);
                    if (wrong != null) {
                        failures.add(c.describe() + (token == admin ? "" : " as " + scoped.role()) + ": " + wrong);
                    }
                }
            }
        }
        System.out.printf("BAD-INPUT operations=%d requests=%d refused=%d failures=%d%n", api.operations().size(),
                requests, refused, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " malformed requests were answered wrongly:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        assertTrue(requests >= AT_LEAST, "only " + requests + " requests; the suite promises " + AT_LEAST);

        assertEquals(200, Wire.send("GET", "/q/health/ready", null, null, null).status(), "still ready");
        for (String path : kept) {
            assertEquals(200, Wire.send("GET", path, admin, null, null).status(), path + " is still there");
        }
    }

    /** Why the answer is wrong for the case, or null. */
    static String judge(Case c, Answer answer) {
        int status = answer.status();
        if (status < 0) {
            return c.expect() == Expect.STATUS && c.status() == 413 ? null : "no answer: " + answer.body();
        }
        if (status >= 500) {
            return "answered " + status + " " + abbreviate(answer.body());
        }
        if (c.expect() == Expect.STATUS && status != c.status()) {
            return "answered " + status + ", expected " + c.status();
        }
        if (c.expect() == Expect.REFUSE && status < 400) {
            return "accepted with " + status;
        }
        if (status >= 400) {
            if (!answer.isProblem()) {
                return "answered " + status + " as " + answer.contentType() + ", not application/problem+json";
            }
            String leak = answer.leak();
            if (leak != null) {
                return "the problem leaks internals (" + leak.strip() + "): " + abbreviate(answer.body());
            }
            if (c.expect() == Expect.REFUSE && c.field() != null && (status == 400 || status == 422)
                    && !answer.body().contains(c.field())) {
                return "the " + status + " does not name " + c.field() + ": " + abbreviate(answer.body());
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
