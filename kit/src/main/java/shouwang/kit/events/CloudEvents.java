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
