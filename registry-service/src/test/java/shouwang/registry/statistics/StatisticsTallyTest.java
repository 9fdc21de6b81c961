package shouwang.registry.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.security.Scope;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/**
 * The tallies (V8) against the grouped scan of the rows, their oracle: random multi-row inserts, updates of every
 * counted column (moves, new birth dates, deaths and departures, reopened records) and deletes, folded at random
 * moments, and after each one the two answers compared for days a cadre turns 60, 70, 80 or 90 (and the days either
 * side), month ends, days before some were born and random days, for one community, several, and a filter.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class StatisticsTallyTest {

    private static final String[] GENDERS = { "MALE", "FEMALE" };
    private static final String[] TYPES = { "LIXIU", "TUIXIU" };
    private static final String[] RANKS = { "COUNTY_CHIEF", "COUNTY_DEPUTY", "SECTION_CHIEF", "SECTION_DEPUTY", "OTHER" };

    @Inject
    StatisticsService service;

    @Inject
    StatisticsRepository repository;

    @Inject
    DataSource dataSource;

    private final Random random = new Random(20261205);
    private final String p = TestData.prefix();
    private final List<String> communities = List.of(p + "-SQ1", p + "-SQ2", p + "-SQ3");
    private final List<UUID> ids = new ArrayList<>();
    private final List<LocalDate> births = new ArrayList<>();

    @Test
    void theTalliesAnswerWhatTheScanOfTheRowsAnswersAfterEveryKindOfChange() throws SQLException {
        int compared = 0;
        for (int step = 0; step < 40; step++) {
            switch (step < 3 ? 0 : random.nextInt(4)) {
                case 0 -> insert(1 + random.nextInt(150));
                case 1 -> update();
                case 2 -> delete();
                default -> fold();
            }
            compared += compareOnDaysThatMatter();
        }
        fold();
        assertEquals(0, pendingChanges(), "a fold leaves no change unfolded");
        compared += compareOnDaysThatMatter();
        assertTrue(compared > 1000, "compared " + compared + " answers");
    }

    private int compareOnDaysThatMatter() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 6 && !births.isEmpty(); i++) {
            LocalDate birth = births.get(random.nextInt(births.size()));
            LocalDate birthday = birth.plusYears(60 + 10 * random.nextInt(4));
            days.addAll(List.of(birthday, birthday.minusDays(1), birthday.plusDays(1), birth.minusDays(1)));
        }
        days.add(LocalDate.of(2000 + random.nextInt(40), 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1));
        days.add(LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20000)));
        days.add(LocalDate.of(2024, 2, 29));
        Scope all = new Scope(false, Set.copyOf(communities), Set.of(), Set.of());
        Scope two = new Scope(false, Set.of(communities.get(0), communities.get(2)), Set.of(), Set.of());
        int compared = 0;
        for (LocalDate day : days) {
            compare(day, null, all);
            compare(day, null, two);
            compare(day, communities.get(1), all);
            compare(day, communities.get(1), two);
            compared += 4;
        }
        return compared;
    }

    private void compare(LocalDate day, String communityCode, Scope scope) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(
                service.scanned(day, communityCode, null, null, null, scope),
                service.tallied(day, communityCode, null, scope),
                "on " + day + " for " + communityCode + " within " + scope.communityCodes()));
    }

    private void insert(int count) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into cadre (id, version, name, gender, birth_date, id_number_cipher, "
                + "id_number_index, id_number_masked, retirement_type, cadre_rank, party_member, unit_code, "
                + "community_code, status, deceased_on, moved_away_on, created_at, updated_at) values ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, 1, '干部', ?, ?, 'x', ?, 'x', ?, ?, ?, 'DW', ?, 'ACTIVE', ?, ?, now(), now())");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int column = 1;
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                LocalDate birth = randomBirth();
                ids.add(id);
                births.add(birth);
                statement.setObject(column++, id);
                statement.setString(column++, pick(GENDERS));
                statement.setObject(column++, birth);
                statement.setString(column++, p + id);
                statement.setString(column++, pick(TYPES));
                statement.setString(column++, pick(RANKS));
                statement.setBoolean(column++, random.nextBoolean());
                statement.setString(column++, communities.get(random.nextInt(communities.size())));
                statement.setObject(column++, random.nextInt(8) == 0 ? randomEnd(birth) : null);
                statement.setObject(column++, random.nextInt(8) == 0 ? randomEnd(birth) : null);
            }
            statement.executeUpdate();
        }
    }

    /** One statement changing one counted column of a random few cadres (or reopening them). */
    private void update() throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> some = some();
        String[] changes = { "community_code = '" + communities.get(random.nextInt(communities.size())) + "'",
                "gender = '" + pick(GENDERS) + "'", "retirement_type = '" + pick(TYPES) + "'",
                "cadre_rank = '" + pick(RANKS) + "'", "party_member = not party_member",
                "birth_date = birth_date - " + random.nextInt(400), "deceased_on = birth_date + 22000",
                "moved_away_on = birth_date + " + (20000 + random.nextInt(8000)),
                "deceased_on = null, moved_away_on = null", "phone = '13800000000'" };
        String change = changes[random.nextInt(changes.length)];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update cadre set " + change + " where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", some.toArray()));
            statement.executeUpdate();
        }
        if (change.startsWith("birth_date")) {
            refreshBirths();
        }
    }

    private void delete() throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> some = some();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("delete from cadre where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", some.toArray()));
            statement.executeUpdate();
        }
        refreshBirths();
    }

    private void fold() {
        QuarkusTransaction.requiringNew().run(() -> repository.fold());
    }

    private long pendingChanges() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from cadre_tally_change")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void refreshBirths() throws SQLException {
        ids.clear();
        births.clear();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select id, birth_date from cadre where community_code = any(?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", communities.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                    births.add(rows.getObject(2, LocalDate.class));
                }
            }
        }
    }

    private List<UUID> some() {
        List<UUID> some = new ArrayList<>();
        int count = 1 + random.nextInt(Math.min(40, ids.size()));
        for (int i = 0; i < count; i++) {
            some.add(ids.get(random.nextInt(ids.size())));
        }
        return some;
    }

    /** 1925 to 1975, with month ends and leap days more often than chance would give them. */
    private LocalDate randomBirth() {
        LocalDate day = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(50 * 365));
        return switch (random.nextInt(6)) {
            case 0 -> day.withDayOfMonth(day.lengthOfMonth());
            case 1 -> LocalDate.of(1928 + 4 * random.nextInt(12), 2, 29);
            case 2 -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private LocalDate randomEnd(LocalDate birth) {
        return birth.plusYears(55 + random.nextInt(45)).plusDays(random.nextInt(365));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
