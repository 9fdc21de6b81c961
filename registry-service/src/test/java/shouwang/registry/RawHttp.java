package shouwang.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 on a plain socket, for what client libraries decide for themselves: whether a body is sent after
 * {@code Expect: 100-continue}, with a length or chunked, and what arrives once the body is written.
 */
public final class RawHttp {

    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    public record Response(int status, Map<String, String> headers, String body, boolean continued) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body + (continued ? " (after 100 Continue)" : "");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, ending with an empty line), then {@code body} if any. */
    public static Response exchange(String head, Body body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (body != null) {
                body.write(out);
                out.flush();
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            boolean continued = false;
            while (true) {
                String statusLine = line(in);
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header; !(header = line(in)).isEmpty();) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
                if (status == 100) {
                    continued = true;
                    continue;
                }
                return new Response(status, headers, body(in, headers), continued);
            }
        }
    }

    /** Writes {@code content} as chunks of 64 KB and the last, empty chunk. */
    public static void chunked(InputStream content, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) > 0;) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(buffer, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String body(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0;) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return body.toString(StandardCharsets.UTF_8);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
