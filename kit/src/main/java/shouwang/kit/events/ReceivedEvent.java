package shouwang.kit.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent as a consumer sees it: the headers it relies on and the JSON data.
 * {@link #name()} is the event name without prefix and version ({@code MustVisitRequired}).
 */
public record ReceivedEvent(String id, String type, String source, OffsetDateTime time, String subject, String key,
        JsonNode data) {

    public String name() {
        return CloudEvents.eventNameOf(type);
    }

    public boolean is(String eventName) {
        return CloudEvents.typeOf(eventName).equals(type);
    }
}
