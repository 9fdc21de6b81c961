package shouwang.kit.events;

import java.time.OffsetDateTime;

/**
 * What a handler may want to know about a received event besides its data: who sent it, when, and its id.
 * {@link #name()} is the event name without prefix and version ({@code MustVisitRequired}).
 */
public record Envelope(String id, String type, String source, OffsetDateTime time, String subject, String key) {

    public String name() {
        return CloudEvents.eventNameOf(type);
    }
}
