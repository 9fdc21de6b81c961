package shouwang.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class PoisonReasonsTest {

    record Profile(UUID id, java.time.LocalDate birthDate) {
    }

    @Test
    void aMappingFailureNamesTheFieldAndNotTheValue() {
        Exception failure = catchFrom("{\"id\":\"13812345678\"}");
        assertThat(PoisonReasons.of(failure)).isEqualTo("field id is not a valid UUID").doesNotContain("138");
        Exception date = catchFrom("{\"birthDate\":\"110101195001011234\"}");
        assertThat(PoisonReasons.of(date)).startsWith("field birthDate").doesNotContain("1101011950");
    }

    @Test
    void aDatabaseMessageLosesItsQuotedValuesAndKeyDetails() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"uq_phone\"\n"
                + "  Detail: Key (phone)=(13812345678) already exists.");
        String reason = PoisonReasons.of(new RuntimeException("apply failed", sql));
        assertThat(reason).startsWith("SQLException: ERROR: duplicate key").contains("Key (phone)=(…)")
                .doesNotContain("13812345678").doesNotContain("\n");
        assertThat(PoisonReasons.withoutValues("id 110101195001011234 and 11010119500101123X, event "
                + "123e4567-e89b-12d3-a456-426614174000")).isEqualTo("id … and …, event "
                        + "123e4567-e89b-12d3-a456-426614174000");
    }

    private static Exception catchFrom(String json) {
        try {
            new ObjectMapper().findAndRegisterModules().readValue(json, Profile.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a mapping failure for " + json);
    }
}
