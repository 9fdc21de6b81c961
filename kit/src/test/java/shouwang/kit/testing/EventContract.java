package shouwang.kit.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import shouwang.kit.events.CloudEvents;

/**
 * The partner contract, held against what the services really publish: every event a test reads ({@link TopicProbe})
 * that names its schema ({@code ce_dataschema}, set by the relay for every outbox event) must validate against that
 * file of {@code docs/asyncapi/schemas}, so the document cannot drift from the code.
 */
public final class EventContract {

    /** Where the schemas are looked up by the validator; a ref such as {@code common.json#/...} resolves beside them. */
    private static final String CONTRACT = "https://contract.shouwang/schemas/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            registry -> registry.schemas(EventContract::read));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Fails with the schema's complaints when the record names a schema its data does not satisfy. */
    public static void check(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEvents.DATASCHEMA);
        // a dead letter keeps the headers of a record that was refused: it need not fit its schema
        if (header == null || header.value() == null || record.value() == null || record.topic().endsWith(".dlq")) {
            return;
        }
        String address = new String(header.value(), StandardCharsets.UTF_8);
        String file = address.substring(address.lastIndexOf('/') + 1);
        // as text: the validator may sit in another class loader than a Quarkus test's Jackson
        List<Error> errors = schema(file).validate(record.value(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event " + type(record) + " on " + record.topic() + " does not match "
                    + file + " of the partner contract: " + errors.stream().map(Error::toString).toList()
                    + "\n  data: " + record.value());
        }
    }

    /**
     * The contract's schema file, from the repository's docs/asyncapi/schemas (found above the working directory);
     * a test application's own events (not the contract's) have theirs on the test classpath under event-schemas/.
     */
    static Schema schema(String file) {
        return LOADED.computeIfAbsent(file, name -> {
            if (read(CONTRACT + name) == null) {
                throw new AssertionError("An event names schema " + name + ", which the partner contract ("
                        + schemasDirectory() + ") does not have");
            }
            return SCHEMAS.getSchema(SchemaLocation.of(CONTRACT + name));
        });
    }

    /** A schema's text: the test classpath's event-schemas/ first, then the contract's directory; null if neither. */
    private static String read(String iri) {
        if (!iri.startsWith(CONTRACT)) {
            return null;
        }
        String name = iri.substring(CONTRACT.length());
        try (var own = EventContract.class.getClassLoader().getResourceAsStream("event-schemas/" + name)) {
            if (own != null) {
                return new String(own.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path path = schemasDirectory().resolve(name);
            return Files.isRegularFile(path) ? Files.readString(path) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path schemasDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path schemas = dir.resolve("docs").resolve("asyncapi").resolve("schemas");
            if (Files.isDirectory(schemas)) {
                return schemas;
            }
        }
        throw new AssertionError("docs/asyncapi/schemas not found above " + Path.of("").toAbsolutePath());
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEvents.TYPE);
        return type == null ? "(no type)" : new String(type.value(), StandardCharsets.UTF_8);
    }
}
