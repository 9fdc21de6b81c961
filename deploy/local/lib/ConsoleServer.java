import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the built web workbench (console/dist) as static files: java ConsoleServer.java DIR PORT.
 * Only the JDK is needed, like the stack's other tools; the services are called cross-origin (CORS, kit config).
 */
public class ConsoleServer {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(root, exchange);
            }
        });
        server.start();
        System.out.println("console: serving " + root + " on http://localhost:" + port + "/");
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) {
            // The console routes by #fragment: any other path is a mistyped address, answered with the app itself.
            file = root.resolve("index.html");
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Hashed assets never change; index.html and config.js must be re-read so a new build is picked up.
        boolean hashed = file.getParent().getFileName().toString().equals("assets");
        exchange.getResponseHeaders().set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
        if (method.equals("GET")) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
