package shouwang.e2e.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart as helm renders it (deploy/kubernetes/tools/helm.sh: the real helm binary, never a template engine of our
 * own), split into its objects. A duplicated key in an object fails here: Kubernetes would keep one silently.
 */
final class RenderedChart {

    static final Path ROOT = projectRoot();
    static final Path CHART = ROOT.resolve("deploy/kubernetes/helm/shouwang");
    static final String NAMESPACE = "shouwang";

    final String text;
    final List<Manifest> objects;

    private RenderedChart(String text, List<Manifest> objects) {
        this.text = text;
        this.objects = objects;
    }

    /** helm template with the chart's defaults plus the given values files (relative to the chart). */
    static RenderedChart render(String... valuesFiles) {
        List<String> args = new ArrayList<>();
        for (String file : valuesFiles) {
            args.add("-f");
            args.add(CHART.resolve(file).toString());
        }
        return template(args);
    }

    /** helm template with the chart's defaults and --set overrides ("key=value"). */
    static RenderedChart renderWith(String... sets) {
        List<String> args = new ArrayList<>();
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return template(args);
    }

    private static RenderedChart template(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("template", "shouwang", CHART.toString(), "--namespace", NAMESPACE));
        args.addAll(extra);
        String text = helm(args.toArray(String[]::new));
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Manifest> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                objects.add(new Manifest(map));
            }
        }
        return new RenderedChart(text, List.copyOf(objects));
    }

    /** Runs deploy/kubernetes/tools/helm.sh; a non-zero exit fails with helm's own message. */
    static String helm(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/kubernetes/tools/helm.sh").toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("helm", ".out");
            Path err = Files.createTempFile("helm", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("helm " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new HelmFailed(process.exitValue(), stdout + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("could not run helm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static final class HelmFailed extends AssertionError {
        final String output;

        HelmFailed(int exit, String output) {
            super("helm exited " + exit + ":\n" + output);
            this.output = output;
        }
    }

    Stream<Manifest> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind));
    }

    Manifest one(String kind, String name) {
        return ofKind(kind).filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered chart"));
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the project (no deploy/kubernetes above " + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
