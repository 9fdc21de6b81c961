package shouwang.kit.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import shouwang.kit.clock.Clock;

/**
 * How fresh each consumer's read model is: the newest event time ({@code ce_time}) it has applied, when, and how many
 * events since start. Operators see it in readiness ({@code read-models}) and as metrics
 * ({@code shouwang_consumer_applied_total}, {@code shouwang_consumer_newest_event_age_seconds}: how old the newest
 * applied event is, which grows while a backlog is worked off after a bulk load and falls to the age of the last
 * change once caught up).
 */
@ApplicationScoped
public class ConsumerProgress {

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private final Map<String, Progress> byConsumer = new ConcurrentHashMap<>();

    /** What one consumer has applied, as readiness shows it. */
    public record Snapshot(Instant newestEvent, Instant lastApplied, long appliedSinceStart) {
    }

    private final class Progress {
        final AtomicLong newestEventMillis = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong lastAppliedMillis = new AtomicLong(Long.MIN_VALUE);
        final Counter applied;

        Progress(String consumer) {
            applied = Counter.builder("shouwang.consumer.applied").tag("consumer", consumer)
                    .description("Events applied by this consumer (first deliveries)").register(meters);
            Gauge.builder("shouwang.consumer.newest.event.age", this, p -> p.ageSeconds()).tag("consumer", consumer)
                    .baseUnit("seconds").description("Age of the newest event this consumer has applied")
                    .register(meters);
        }

        double ageSeconds() {
            long newest = newestEventMillis.get();
            return newest == Long.MIN_VALUE ? Double.NaN : (clock.now().toEpochMilli() - newest) / 1000.0;
        }
    }

    /** {@code count} events applied by {@code consumer}, the newest of them from {@code newestEventTime}. */
    void applied(String consumer, OffsetDateTime newestEventTime, int count) {
        if (count <= 0) {
            return;
        }
        Progress progress = byConsumer.computeIfAbsent(consumer, Progress::new);
        progress.applied.increment(count);
        progress.lastAppliedMillis.set(clock.now().toEpochMilli());
        if (newestEventTime != null) {
            long millis = newestEventTime.toInstant().toEpochMilli();
            progress.newestEventMillis.accumulateAndGet(millis, Math::max);
        }
    }

    /** Every consumer that has applied something since start, by name. */
    public Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> all = new TreeMap<>();
        byConsumer.forEach((consumer, p) -> all.put(consumer, new Snapshot(instant(p.newestEventMillis.get()),
                instant(p.lastAppliedMillis.get()), (long) p.applied.count())));
        return all;
    }

    private static Instant instant(long millis) {
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }
}
