package shouwang.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import shouwang.kit.testing.EventContract;

/** An event that names its schema is held to it; the schema of an event is named after it unless it says otherwise. */
class EventContractTest {

    @EventSchema("cadre-profile.json")
    interface ProfileLike {
    }

    record CadreRegistered(String id) implements ProfileLike {
    }

    record MustVisitRequired(String id) {
    }

    @Test
    void aSchemaIsNamedAfterItsEventUnlessTheEventOrItsContractNamesOne() {
        assertThat(CloudEvents.schemaOf(MustVisitRequired.class)).isEqualTo("must-visit-required.json");
        assertThat(CloudEvents.schemaOf(CadreRegistered.class)).isEqualTo("cadre-profile.json");
    }

    @Test
    void dataThatBreaksItsSchemaFailsAndDataThatKeepsItPasses() {
        EventContract.check(record("{\"noteId\":\"7d3c1a40-0b4e-4b8e-9a55-2f4c8f1d2e01\",\"body\":\"入院探视\"}"));
        assertThatThrownBy(() -> EventContract.check(record("{\"body\":\"入院探视\",\"phone\":\"13800138000\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("note-written.json")
                .hasMessageContaining("noteId");
    }

    @Test
    void anEventNamingASchemaTheContractLacksFails() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kit-test-notes", 0, 0, "k", "{}");
        record.headers().add(CloudEvents.DATASCHEMA,
                "http://localhost:8080/asyncapi/schemas/no-such-event.json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventContract.check(record)).hasMessageContaining("no-such-event.json");
    }

    private static ConsumerRecord<String, String> record(String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kit-test-notes", 0, 0, "k", value);
        record.headers().add(CloudEvents.TYPE, "shouwang.NoteWritten.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.DATASCHEMA,
                "http://localhost:8080/asyncapi/schemas/note-written.json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
