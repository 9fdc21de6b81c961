package shouwang.visit;

import java.util.Set;

import shouwang.kit.events.ReceivedEvent;
import shouwang.kit.inbox.PoisonRecordException;

/**
 * A consumed record whose type the topic's contract does not list goes to the dead-letter topic with that reason: a
 * producer ahead of this service, or a forged record, is seen there instead of vanishing (or, on cadre-profiles,
 * being applied as a profile because every type carries one).
 */
public final class KnownEvents {

    private KnownEvents() {
    }

    public static void require(Set<String> known, ReceivedEvent event, String topic) {
        if (!known.contains(event.name())) {
            throw new PoisonRecordException("unknown event type " + event.type() + " on " + topic);
        }
    }
}
