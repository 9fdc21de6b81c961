package shouwang.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls over loopback (java.net.http), closed-loop load from a fixed thread pool, and percentiles. */
final class Load {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Load(String token) {
        this.token = token;
    }

    /** An answer: status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + (body.length() > 600 ? body.substring(0, 600) : body));
        }
    }

    Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Answer post(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    Answer post(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** One unit of closed-loop work; returns true when it succeeded. {@code n} counts calls from 0. */
    interface Call {
        boolean run(int n) throws Exception;
    }

    /** What a closed-loop run did. */
    record Throughput(long ok, long failed, double seconds, String firstFailure) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /**
     * {@code clients} threads call in a closed loop until {@code duration} has passed or {@code maxCalls} calls have
     * been made, whichever comes first.
     */
    static Throughput closedLoop(int clients, Duration duration, int maxCalls, Call call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int n = issued.getAndIncrement();
                    if (n >= maxCalls) {
                        return;
                    }
                    try {
                        if (call.run(n)) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (failures.size() < 3) {
                            failures.add(e.toString());
                        }
                    }
                }
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(ok.get(), failed.get(), seconds, failures.isEmpty() ? null : failures.get(0));
    }

    /** p-th percentile (nearest rank) of nanosecond samples, in milliseconds. */
    static double percentileMillis(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    /** Sequential samples of one call, after {@code warmUp} unmeasured ones, in nanoseconds. */
    static List<Long> samples(int warmUp, int count, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run(i);
        }
        List<Long> nanos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (!call.run(i)) {
                throw new IllegalStateException("a measured call failed");
            }
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }
}
