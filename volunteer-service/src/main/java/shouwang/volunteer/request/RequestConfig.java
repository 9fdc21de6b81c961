package shouwang.volunteer.request;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code shouwang.volunteer.service-requests.*}: how long a request may wait for each step before it escalates. */
@ConfigMapping(prefix = "shouwang.volunteer.service-requests")
public interface RequestConfig {

    /** REQUESTED longer than this (since created, or since the last decline): a HelpRequested on care-signals. */
    @WithDefault("PT2H")
    Duration dispatchWithin();

    /** DISPATCHED longer than this without an acceptance: a HelpRequested on care-signals. */
    @WithDefault("PT2H")
    Duration acceptWithin();

    /** How often the scanner looks (the @Scheduled interval reads the same key). */
    @WithDefault("60s")
    Duration scanEvery();

    /** Requests escalated per transaction. */
    @WithDefault("500")
    int batchSize();
}
