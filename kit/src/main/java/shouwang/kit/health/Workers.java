package shouwang.kit.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The background workers of a service (outbox relay, scanners, sweeps), each beating as it goes. A worker that died
 * (an Error such as OutOfMemoryError ended its thread) or fell silent for longer than it may takes liveness and
 * readiness down, so the orchestrator restarts the service instead of leaving it UP with nothing relayed or scanned.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class);

    /** One worker's pulse. */
    public static final class Worker {

        private final String name;
        private final long maxSilenceNanos;
        private volatile long lastBeat = System.nanoTime();
        private volatile String death;

        Worker(String name, Duration maxSilence) {
            this.name = name;
            this.maxSilenceNanos = maxSilence.toNanos();
        }

        /** Called at least once per cycle of the worker's loop (or per completed run of a scheduled job). */
        public void beat() {
            lastBeat = System.nanoTime();
        }

        /** The worker's thread is ending on a failure it cannot survive. */
        public void died(Throwable cause) {
            death = cause.getClass().getName() + ": " + cause.getMessage();
            LOG.errorf("Background worker %s died: %s", name, death);
        }

        public String name() {
            return name;
        }

        /** Null while alive; else why not. */
        public String problem() {
            if (death != null) {
                return "died: " + death;
            }
            long silent = System.nanoTime() - lastBeat;
            return silent > maxSilenceNanos ? "silent for " + Duration.ofNanos(silent).toSeconds() + " s" : null;
        }
    }

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    /** Registers (or re-registers, after a restart of the worker) a worker that beats at least every maxSilence. */
    public Worker register(String name, Duration maxSilence) {
        Worker worker = new Worker(name, maxSilence);
        workers.put(name, worker);
        return worker;
    }

    /** The worker no longer runs by design (shut down, disabled): it stops counting. */
    public void retire(String name) {
        workers.remove(name);
    }

    Map<String, Worker> all() {
        return workers;
    }

    /**
     * Runs one cycle of a worker's loop body; an Error (OutOfMemoryError, StackOverflowError) marks the worker dead
     * before it ends the thread, so health reports it rather than the thread vanishing quietly.
     */
    public static void guard(Worker worker, Runnable body) {
        try {
            body.run();
        } catch (Error e) {
            worker.died(e);
            throw e;
        }
    }
}
