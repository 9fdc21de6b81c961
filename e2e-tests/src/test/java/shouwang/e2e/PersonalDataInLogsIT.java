package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.PersonalDataPatterns;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * 等保 security audit: no ID card number and no phone number ever reaches a log line. Drives every flow that handles
 * them (registration with ID number, phone and address, responsible contacts with phones, a CSV import with a rejected
 * row, district-admin's unmasked read and searches by ID number and by phone, a volunteer claim with a phone, care
 * signals over REST and from a partner whose details quote a phone, a signal for a cadre that does not exist), then
 * reads every log file the services wrote in this run for the exact numbers used and for anything shaped like an
 * 18-character ID number or an 11-digit mobile number. A hit fails with file, line and the (masked) match.
 */
class PersonalDataInLogsIT {

    private static final Pattern ID_NUMBER_SHAPED = PersonalDataPatterns.ID_NUMBER;
    private static final Pattern MOBILE_SHAPED = PersonalDataPatterns.MOBILE;

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();
    private final Random random = new Random();
    private final Set<String> secrets = new HashSet<>();

    @Test
    void noIdNumberOrPhoneReachesAnyServiceLog() throws IOException {
        String[] orgs = Fixtures.orgs(platform);
        List<String> cadres = new ArrayList<>();
        for (String name : List.of("郑秀英", "冯德明", "韩桂兰")) {
            cadres.add(register(orgs, name));
        }
        String cadreId = cadres.get(0);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(contact("UNIT", "钱立新", orgs[0]), contact("COMMUNITY", "孙丽娟", orgs[1]),
                        contact("GRID", "周海涛", orgs[2])))
                .put(platform.api(Service.REGISTRY) + "/cadres/" + cadreId + "/contacts").then().statusCode(200);

        String idNumber = given().auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/cadres/" + cadreId)
                .then().statusCode(200).extract().path("idNumber");
        assertThat(idNumber).as("district-admin reads the number unmasked").doesNotContain("*");
        given().auth().oauth2(admin).queryParam("idNumber", idNumber).get(platform.api(Service.REGISTRY) + "/cadres")
                .then().statusCode(200);
        given().auth().oauth2(admin).queryParam("q", idNumber).get(platform.api(Service.REGISTRY) + "/cadres")
                .then().statusCode(200);
        String cadrePhone = given().auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/cadres/" + cadreId)
                .then().extract().path("phone");
        given().auth().oauth2(admin).queryParam("q", cadrePhone).get(platform.api(Service.REGISTRY) + "/cadres")
                .then().statusCode(200);

        // the same ID number again: refused; a unique-key failure is where a database quotes the value it refused
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("name", "郑秀英"), Map.entry("gender", "FEMALE"),
                        Map.entry("birthDate", "1950-01-01"), Map.entry("idNumber", idNumber),
                        Map.entry("retirementType", "LIXIU"), Map.entry("rank", "OTHER"),
                        Map.entry("partyMember", false), Map.entry("unitCode", orgs[0]),
                        Map.entry("communityCode", orgs[1]), Map.entry("gridCode", orgs[2]),
                        Map.entry("livingArrangement", "ALONE"), Map.entry("selfCare", "FULL"),
                        Map.entry("phone", phone())))
                .post(platform.api(Service.REGISTRY) + "/cadres").then().statusCode(org.hamcrest.Matchers.both(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(org.hamcrest.Matchers.lessThan(500)));

        importCadres(orgs);
        claimWithPhone(orgs, cadres.get(1));
        signals(orgs, cadres);

        List<String> hits = scanLogs();
        assertThat(hits).as("log lines holding an ID number or a phone (shown masked)").isEmpty();
        assertThat(textLogLines()).as("log lines written as text where production writes JSON").isEmpty();
    }

    /**
     * The services run as the chart runs them ({@code SHOUWANG_LOG_JSON=true}): every logged line is one JSON object
     * naming its service, level, logger and message, for the cluster's log collector. Returns the offenders.
     */
    private List<String> textLogLines() throws IOException {
        Pattern textFormat = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} ");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> listing = Files.list(platform.logDirectory())) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                String module = file.getFileName().toString().replaceFirst("\\.log$", "");
                int json = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (textFormat.matcher(line).find()) {
                        offenders.add(file.getFileName() + ": " + line.substring(0, Math.min(120, line.length())));
                    } else if (line.startsWith("{")) {
                        com.fasterxml.jackson.databind.JsonNode entry = TopicProbe.JSON.readTree(line);
                        assertThat(entry.path("service").asText()).as(file + " line's service").isEqualTo(module);
                        assertThat(entry.hasNonNull("level") && entry.hasNonNull("loggerName")
                                && entry.has("message")).as(file + ": " + line).isTrue();
                        json++;
                    }
                }
                assertThat(json).as(file + ": JSON log lines").isPositive();
            }
        }
        return offenders;
    }

    /** The audit is only as good as its patterns: they find numbers in prose and ignore ids and timestamps. */
    @Test
    void theAuditRecognisesNumbersAndNotIdentifiers() {
        assertThat(MOBILE_SHAPED.matcher("contact phone=13912345678,").find()).isTrue();
        assertThat(MOBILE_SHAPED.matcher("家属电话13912345678。").find()).isTrue();
        assertThat(ID_NUMBER_SHAPED.matcher("idNumber 11010119500101123X rejected").find()).isTrue();
        assertThat(MOBILE_SHAPED.matcher("cadre 54f48cc2-0c00-4adc-8e14-16998183364e at 1764649054942").find())
                .isFalse();
        assertThat(ID_NUMBER_SHAPED.matcher("masked 110101********123X, offset 123456789012345678").find())
                .isFalse();
    }

    private String register(String[] orgs, String name) {
        LocalDate birth = LocalDate.of(1936 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String idNumber = remember(Fixtures.idNumber(birth, false));
        Map<String, Object> body = Map.ofEntries(Map.entry("name", name), Map.entry("gender", "FEMALE"),
                Map.entry("birthDate", birth.toString()), Map.entry("idNumber", idNumber),
                Map.entry("retirementType", "LIXIU"), Map.entry("rank", "COUNTY_DEPUTY"),
                Map.entry("partyMember", true), Map.entry("unitCode", orgs[0]), Map.entry("communityCode", orgs[1]),
                Map.entry("gridCode", orgs[2]), Map.entry("livingArrangement", "ALONE"), Map.entry("selfCare", "PARTIAL"),
                Map.entry("specialCategories", List.of("WIDOWED_CHILDLESS")), Map.entry("phone", phone()),
                Map.entry("address", "东城街道幸福里3号楼2单元101"),
                Map.entry("familyContacts", List.of(Map.of("name", "郑小军", "relation", "儿子", "phone", phone()))));
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post(platform.api(Service.REGISTRY) + "/cadres").then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> contact(String layer, String name, String org) {
        return Map.of("layer", layer, "name", name, "phone", phone(), "orgCode", org);
    }

    /** Two good rows and one refused (bad phone next to a real ID number): errors are where numbers get quoted. */
    private void importCadres(String[] orgs) {
        StringBuilder csv = new StringBuilder("姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,"
                + "自理能力,特殊群体,联系电话\n");
        for (String name : List.of("蒋春梅", "沈国强", "韩玉珍")) {
            LocalDate birth = LocalDate.of(1940 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String phone = "韩玉珍".equals(name) ? phone() + "99" : phone();
            remember(phone);
            csv.append(name).append(",男,").append(birth).append(',').append(remember(Fixtures.idNumber(birth, true)))
                    .append(",退休,正科级,是,").append(orgs[0]).append(',').append(orgs[1]).append(',').append(orgs[2])
                    .append(",独居,完全自理,,").append(phone).append('\n');
        }
        String importId = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(platform.api(Service.REGISTRY) + "/imports/cadres").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).until(() -> "DONE".equals(given()
                .auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/imports/" + importId).path("status")));
    }

    private void claimWithPhone(String[] orgs, String cadreId) {
        String postId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "陪同就医", "category", "ELDER_HELP", "communityCode", orgs[1], "capacity", 5,
                        "schedule", "每周二上午"))
                .post(platform.api(Service.VOLUNTEER) + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "吴志刚", "phone", phone()))
                .post(platform.api(Service.VOLUNTEER) + "/posts/" + postId + "/claims").then().statusCode(201);
        // one resident signing up from two phones at once: the second must meet the first's row, quietly
        String residentPhone = phone();
        List<Thread> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread racer = new Thread(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("volunteerName", "陈淑芬", "phone", residentPhone))
                    .post(platform.api(Service.VOLUNTEER) + "/posts/" + postId + "/claims"));
            racers.add(racer);
            racer.start();
        }
        for (Thread racer : racers) {
            try {
                racer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a registered cadre volunteering: the service looks the cadre up
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "冯德明", "phone", phone(), "cadreId", cadreId))
                .post(platform.api(Service.VOLUNTEER) + "/posts/" + postId + "/claims").statusCode() == 201);
    }

    /** Over REST and from a partner; details quote a family phone, as a grid worker would write it. */
    private void signals(String[] orgs, List<String> cadres) {
        String grid = TestTokens.user("grid-worker").grids(orgs[2]).token();
        for (String cadreId : cadres.subList(0, 2)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                    .oauth2(grid).contentType(ContentType.JSON)
                    .body(Map.of("cadreId", cadreId, "kind", "HOSPITALISATION", "occurredAt",
                            OffsetDateTime.now().toString(), "details", "市一院心内科住院，家属电话" + phone()))
                    .post(platform.api(Service.ALERT) + "/signals").statusCode() == 202);
        }
        TopicProbe.publish("care-signals", cadres.get(2), "HardshipReported",
                Map.of("cadreId", cadres.get(2), "kind", "HARDSHIP", "details", "12345 热线转办，来电" + phone()));
        // a signal for nobody: refused, and the refusal must not quote the caller's text either
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", UUID.randomUUID().toString(), "kind", "WORRY", "occurredAt",
                        OffsetDateTime.now().toString(), "details", "联系电话" + phone()))
                .post(platform.api(Service.ALERT) + "/signals");
        // every service has handled what it was sent: the partner's signal became an alert, the tasks exist
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth()
                .oauth2(admin).queryParam("cadreId", cadres.get(2)).get(platform.api(Service.VISIT) + "/tasks")
                .then().extract().<Integer>path("total") >= 2);
    }

    private List<String> scanLogs() throws IOException {
        List<String> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(platform.logDirectory())) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("service logs of this run").isNotEmpty();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        hits.add(file.getFileName() + ":" + (i + 1) + " holds a number of this test: " + mask(secret));
                    }
                }
                for (Pattern shape : List.of(ID_NUMBER_SHAPED, MOBILE_SHAPED)) {
                    Matcher matcher = shape.matcher(line);
                    while (matcher.find()) {
                        hits.add(file.getFileName() + ":" + (i + 1) + " holds " + mask(matcher.group()) + " in: "
                                + line.replace(matcher.group(), mask(matcher.group())));
                    }
                }
            }
        }
        return hits;
    }

    private String phone() {
        return remember("139" + String.format("%08d", random.nextInt(100_000_000)));
    }

    private String remember(String value) {
        secrets.add(value);
        return value;
    }

    /** The report itself must not become a leak: first three and last four only. */
    private static String mask(String value) {
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}
