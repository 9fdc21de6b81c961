package shouwang.volunteer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * A partner system posts signals and consumes topics; here it may only open a service request for a cadre (the 12345
 * hotline's 点单), and reads and changes nothing else (docs/security.md). The table is every endpoint of
 * volunteer-service's resources, found by reflection, so a new endpoint is covered too.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class PartnerAccessTest {

    static final String PARTNER = TestTokens.user("partner").token();

    /** What a partner may call: with an empty body it gets past the role check to the body's 400. */
    static final java.util.Set<String> PARTNER_MAY = java.util.Set.of("POST /api/v1/service-requests");

    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("shouwang.volunteer")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type = resource.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    endpoints.add(new Endpoint(verb, "/api/v1" + path));
                }
            }
        }
        return endpoints.stream().sorted((a, b) -> a.toString().compareTo(b.toString()));
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    @Test
    void theTableHoldsEveryEndpoint() {
        // 33 today: posts 7, a volunteer's claims 1, volunteers 4, hours 3, flags 2, teams 6, service records 5,
        // statistics 1, pairings 4; an endpoint added later joins the table by itself
        assertTrue(endpoints().count() >= 33, endpoints().toList().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aPartnerIsRefusedEveryEndpoint(Endpoint endpoint) {
        var request = given().auth().oauth2(PARTNER);
        if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        int status = request.request(endpoint.method(), endpoint.path()).then()
                .contentType("application/problem+json").extract().statusCode();
        assertEquals(PARTNER_MAY.contains(endpoint.toString()) ? 400 : 403, status, endpoint.toString());
    }
}
