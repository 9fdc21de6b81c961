import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** token.sh's fallback where curl is missing: java Token.java TOKEN_URL CLIENT_ID USER PASSWORD */
public class Token {
    public static void main(String[] args) throws Exception {
        String form = "grant_type=password&client_id=" + enc(args[1]) + "&username=" + enc(args[2]) + "&password=" + enc(args[3]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("ERROR: cannot reach Keycloak at " + args[0] + " (" + e + "). Is the stack up? deploy/local/up.sh");
            System.exit(1);
            return;
        }
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            Matcher reason = Pattern.compile("\"error_description\":\"([^\"]*)\"").matcher(response.body());
            System.err.println("ERROR: no token for '" + args[2] + "' (HTTP " + response.statusCode()
                    + (reason.find() ? ": " + reason.group(1) : "") + ")");
            System.exit(1);
        }
        System.out.println(token.group(1));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
