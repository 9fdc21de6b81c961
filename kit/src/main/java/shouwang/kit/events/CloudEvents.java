package shouwang.kit.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka binary-mode header names and the Shouwang type naming rule. */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Where the data's JSON Schema is: the contract's schema file under the configured base address. */
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private static final String TYPE_PREFIX = "shouwang.";
    private static final String TYPE_SUFFIX = ".v1";

    private CloudEvents() {
    }

    /** {@code CadreRegistered} → {@code shouwang.CadreRegistered.v1}. */
    public static String typeOf(String eventName) {
        return TYPE_PREFIX + eventName + TYPE_SUFFIX;
    }

    /** The event name of a typed event: its {@link EventName}, or else its class's simple name. */
    public static String nameOf(Class<?> eventType) {
        EventName name = eventType.getAnnotation(EventName.class);
        return name != null ? name.value() : eventType.getSimpleName();
    }

    /**
     * The schema file of a typed event's data: its {@link EventSchema} (or that of an interface it implements), else
     * its event name in kebab case ({@code MustVisitRequired} → {@code must-visit-required.json}).
     */
    public static String schemaOf(Class<?> eventType) {
        EventSchema schema = eventType.getAnnotation(EventSchema.class);
        if (schema != null) {
            return schema.value();
        }
        for (Class<?> contract : eventType.getInterfaces()) {
            EventSchema inherited = contract.getAnnotation(EventSchema.class);
            if (inherited != null) {
                return inherited.value();
            }
        }
        return nameOf(eventType).replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase(java.util.Locale.ROOT) + ".json";
    }

    /**
     * {@code shouwang.CadreRegistered.v1} → {@code CadreRegistered}; any other shape is returned unchanged. Only
     * {@code .v1}: a {@code .v2} is a breaking change (docs/events.md), so it must not reach a v1 handler by name.
     */
    public static String eventNameOf(String type) {
        if (type != null && type.startsWith(TYPE_PREFIX) && type.endsWith(TYPE_SUFFIX)
                && type.length() > TYPE_PREFIX.length() + TYPE_SUFFIX.length()) {
            return type.substring(TYPE_PREFIX.length(), type.length() - TYPE_SUFFIX.length());
        }
        return type;
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
