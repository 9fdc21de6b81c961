package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.PostgresResource;
import shouwang.kit.testing.TopicProbe;

/**
 * Issue 17: visit-service applies a bulk load's profiles in batches, one transaction per batch with its inbox rows.
 * Killed (SIGKILL) in the middle of the catch-up (a batch held open on one uncommitted inbox row, so the kill lands
 * mid-batch however fast the machine) and started again, it applies every profile exactly once: no
 * profile is lost with the batch that died, none is applied twice from the batch that was redelivered.
 */
class BatchCrashIT {

    private static final int CADRES = 6_000;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "建国秀英志明桂兰德胜玉兰振华淑珍卫东凤英";

    private final Platform platform = Platform.get();

    @Test
    void aServiceKilledMidBatchAppliesEveryProfileExactlyOnceAfterRestart() throws Exception {
        String[] orgs = Fixtures.orgs(platform);
        String community = orgs[1];
        // the load waits on the topic while visit-service is down, so that it is caught up as one backlog
        platform.kill(Service.VISIT);
        Object job = given().auth().oauth2(Fixtures.admin()).contentType("text/csv; charset=UTF-8")
                .body(csv(orgs)).post(platform.api(Service.REGISTRY) + "/imports/cadres")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(
                given().auth().oauth2(Fixtures.admin()).get(platform.api(Service.REGISTRY) + "/imports/" + job)
                        .then().statusCode(200).extract().path("status")));
        List<ConsumerRecord<String, String>> load = TopicProbe.await("cadre-profiles",
                r -> r.value() != null && r.value().contains("\"communityCode\":\"" + community + "\""), CADRES,
                Duration.ofSeconds(60));

        // Mid-batch, whatever the machine's speed: an uncommitted inbox row for one record of the load makes the batch
        // holding it wait on the insert-first dedupe (batches before it, and the other partitions', commit), and
        // visit-service is killed while that batch's transaction is open.
        String held = TopicProbe.header(load.get(load.size() / 2), "ce_id");
        int atKill;
        try (Connection hold = visitDatabase()) {
            hold.setAutoCommit(false);
            try (PreparedStatement insert = hold.prepareStatement(
                    "insert into inbox_message (consumer, ce_id) values ('visit-service.cadre-profiles', ?)")) {
                insert.setString(1, held);
                insert.executeUpdate();
            }
            platform.start(Service.VISIT);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cadresHeld(community) > 0);
            platform.kill(Service.VISIT);
            atKill = cadresHeld(community);
            hold.rollback();
        }
        assertThat(atKill).as("killed in the middle of the catch-up").isBetween(1, CADRES - 1);

        platform.start(Service.VISIT);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> cadresHeld(community) == CADRES);

        Set<String> cadreIds = Set.copyOf(cadreIdsOf(community));
        List<ConsumerRecord<String, String>> events = TopicProbe.await("cadre-profiles",
                r -> cadreIds.contains(r.key()), CADRES, Duration.ofSeconds(60));
        assertThat(events).as("one CadreRegistered per imported cadre").hasSize(CADRES);
        List<String> ceIds = events.stream().map(r -> TopicProbe.header(r, "ce_id")).toList();
        assertThat(inboxRows(ceIds)).as("each profile event recorded once in visit-service's inbox").isEqualTo(CADRES);
        assertThat(versionsHeld(community)).as("every profile applied once, at its only version").containsOnly(1L);
    }

    private static String csv(String[] orgs) {
        StringBuilder csv = new StringBuilder(
                "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话\n");
        LocalDate first = LocalDate.of(1938, 1, 1);
        for (int i = 0; i < CADRES; i++) {
            boolean male = i % 2 == 0;
            LocalDate birth = first.plusDays(i);
            String name = "" + SURNAMES.charAt(i % SURNAMES.length()) + GIVEN.charAt(i % GIVEN.length())
                    + GIVEN.charAt((i / GIVEN.length()) % GIVEN.length());
            StringJoiner row = new StringJoiner(",");
            row.add(name).add(male ? "男" : "女").add(birth.toString()).add(Fixtures.idNumber(birth, male))
                    .add("退休").add("正科级").add("是").add(orgs[0]).add(orgs[1]).add(orgs[2])
                    .add("WITH_FAMILY").add("FULL").add("").add(String.format("139%08d", i));
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    private int cadresHeld(String community) throws SQLException {
        return query("select count(*) from cadre where community_code = ?", community, rows -> rows.getInt(1));
    }

    private List<String> cadreIdsOf(String community) throws SQLException {
        try (Connection db = visitDatabase();
                PreparedStatement select = db.prepareStatement("select cast(id as varchar) from cadre where community_code = ?")) {
            select.setString(1, community);
            try (ResultSet rows = select.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        }
    }

    private Set<Long> versionsHeld(String community) throws SQLException {
        try (Connection db = visitDatabase();
                PreparedStatement select = db.prepareStatement("select distinct version from cadre where community_code = ?")) {
            select.setString(1, community);
            try (ResultSet rows = select.executeQuery()) {
                Set<Long> versions = new java.util.HashSet<>();
                while (rows.next()) {
                    versions.add(rows.getLong(1));
                }
                return versions;
            }
        }
    }

    private int inboxRows(List<String> ceIds) throws SQLException {
        try (Connection db = visitDatabase();
                PreparedStatement select = db.prepareStatement("select count(*) from inbox_message where ce_id = any (?)")) {
            select.setArray(1, db.createArrayOf("varchar", ceIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, String parameter, Row<T> row) throws SQLException {
        try (Connection db = visitDatabase(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return row.read(rows);
            }
        }
    }

    private Connection visitDatabase() throws SQLException {
        return DriverManager.getConnection(platform.databaseUrl(Service.VISIT), PostgresResource.user(),
                PostgresResource.password());
    }
}
