package shouwang.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU seconds spent by each process of the run (a service JVM, PostgreSQL with all its backends, Kafka, this client)
 * between two snapshots, from Linux's {@code /proc}: where a scenario's time went when two cores are shared by
 * everything it starts. A tree's figure is its root's and live descendants' {@code utime + stime} plus the root's
 * {@code cutime + cstime} (children it has reaped, e.g. PostgreSQL's ended backends and autovacuum workers); a
 * root's descendants stop at another root (the services are this client's children, counted as themselves).
 */
final class CpuTime {

    /** USER_HZ: the unit of /proc's times; 100 on every Linux architecture this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> roots;

    /** @param roots a name for each process tree to account, by its root's pid, in print order */
    CpuTime(Map<String, Long> roots) {
        this.roots = new LinkedHashMap<>(roots);
    }

    /** The CPU ticks of each tree so far, plus {@code machine} (every CPU's busy time, from /proc/stat). */
    Map<String, Long> snapshot() {
        Map<Long, long[]> processes = new HashMap<>(); // pid -> {ppid, own ticks, reaped children's ticks}
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                long[] stat = stat(dir.resolve("stat"));
                if (stat != null) {
                    processes.put(Long.parseLong(dir.getFileName().toString()), stat);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> root : roots.entrySet()) {
            long[] own = processes.get(root.getValue());
            if (own == null) {
                continue;
            }
            long sum = own[1] + own[2];
            for (Map.Entry<Long, long[]> process : processes.entrySet()) {
                if (!process.getKey().equals(root.getValue()) && descends(process.getKey(), root.getValue(), processes)
                        && !roots.containsValue(process.getKey())) {
                    sum += process.getValue()[1];
                    String database = backendDatabase(process.getKey());
                    if (database != null) {
                        ticks.merge(root.getKey() + "/" + database, process.getValue()[1], Long::sum);
                    }
                }
            }
            ticks.put(root.getKey(), sum);
        }
        ticks.put("machine", machineBusy());
        return ticks;
    }

    /** One line: each tree's CPU seconds between {@code before} and now, then the machine's and its capacity. */
    String since(Map<String, Long> before, double wallSeconds) {
        Map<String, Long> now = snapshot();
        StringJoiner line = new StringJoiner(", ");
        long accounted = 0;
        for (String name : roots.keySet()) {
            if (now.containsKey(name) && before.containsKey(name)) {
                long used = now.get(name) - before.get(name);
                accounted += used;
                StringJoiner databases = new StringJoiner(", ", " (", ")").setEmptyValue("");
                for (Map.Entry<String, Long> part : now.entrySet()) {
                    if (part.getKey().startsWith(name + "/")) {
                        // a backend that ended since "before" is in neither: its time is in the root's reaped figure
                        long partUsed = part.getValue() - before.getOrDefault(part.getKey(), 0L);
                        databases.add(String.format(Locale.ROOT, "%s %.1f", part.getKey().substring(name.length() + 1),
                                partUsed / TICKS_PER_SECOND));
                    }
                }
                line.add(String.format(Locale.ROOT, "%s %.1f%s", name, used / TICKS_PER_SECOND, databases));
            }
        }
        if (now.containsKey("machine") && before.containsKey("machine")) {
            long machine = now.get("machine") - before.get("machine");
            line.add(String.format(Locale.ROOT, "anything else %.1f", Math.max(0, machine - accounted) / TICKS_PER_SECOND));
            line.add(String.format(Locale.ROOT, "machine %.1f of %.1f", machine / TICKS_PER_SECOND,
                    wallSeconds * Runtime.getRuntime().availableProcessors()));
        }
        return line + " CPU-s";
    }

    /**
     * The CPU ticks of one process's threads so far, by thread name without its trailing number
     * ({@code executor-thread-}, {@code GC Thread#}; {@code C1 CompilerThre} and {@code C2 CompilerThre} stay apart:
     * Linux keeps 15 characters), so a JVM's time splits into request and consumer work, the JIT compilers and the
     * garbage collector.
     */
    static Map<String, Long> threads(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                long[] stat = stat(task.resolve("stat"));
                if (stat != null) {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "");
                    ticks.merge(name, stat[1], Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return ticks;
        }
        return ticks;
    }

    /** The {@code top} thread groups of {@code pid} by CPU seconds since {@code before} (threads that ended are not counted). */
    static String threadsSince(Map<String, Long> before, long pid, int top) {
        StringJoiner line = new StringJoiner(", ");
        threads(pid).entrySet().stream()
                .map(group -> Map.entry(group.getKey(), group.getValue() - before.getOrDefault(group.getKey(), 0L)))
                .filter(group -> group.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(group -> line.add(String.format(Locale.ROOT, "%s %.1f", group.getKey(),
                        group.getValue() / TICKS_PER_SECOND)));
        return line.toString();
    }

    /** Whether {@code pid} descends from {@code root} without passing another root (the services are this client's children). */
    private boolean descends(long pid, long root, Map<Long, long[]> processes) {
        for (int depth = 0; depth < 16; depth++) {
            long[] stat = processes.get(pid);
            if (stat == null || stat[0] <= 1) {
                return false;
            }
            if (stat[0] == root) {
                return true;
            }
            if (roots.containsValue(stat[0])) {
                return false;
            }
            pid = stat[0];
        }
        return false;
    }

    /**
     * The database of a PostgreSQL backend, from the title it sets ("postgres: user database host(port) state"), or
     * null for the server's own processes (checkpointer, WAL writer, autovacuum: "postgres: checkpointer ").
     */
    private static String backendDatabase(long pid) {
        try {
            String[] title = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ').trim()
                    .split("\\s+");
            return title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(") ? title[2] : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {ppid, utime + stime, cutime + cstime} of one /proc/<pid>/stat, or null if the process has gone. */
    private static long[] stat(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3): ppid is field 4, utime..cstime are fields 14..17
        return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14]) };
    }

    private static long machineBusy() {
        try {
            List<String> cpu = new ArrayList<>(List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+")));
            cpu.remove(0);
            long busy = 0;
            for (int i = 0; i < Math.min(cpu.size(), 8); i++) {
                if (i != 3 && i != 4) { // idle and iowait
                    busy += Long.parseLong(cpu.get(i));
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
