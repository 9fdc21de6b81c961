package shouwang.kit.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent as the kit's receiver parsed it: the headers and the JSON data, before the data becomes the handler's
 * typed record. Domain code sees {@link Envelope} and its own record, never this.
 * {@link #name()} is the event name without prefix and version ({@code MustVisitRequired}).
 */
public record ReceivedEvent(String id, String type, String source, OffsetDateTime time, String subject, String key,
        JsonNode data) {

    public String name() {
        return CloudEvents.eventNameOf(type);
    }

    public Envelope envelope() {
        return new Envelope(id, type, source, time, subject, key);
    }

    public boolean is(String eventName) {
        return CloudEvents.typeOf(eventName).equals(type);
    }
}
