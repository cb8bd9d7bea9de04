package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests a stranger sends to break the site: undecodable parameters and paths, over-long addresses, tampered CSRF
 * tokens, bodies of the wrong type or content type, a forged Host header. Each must get a 4xx in the one error
 * format (API JSON with {@code error} and {@code parameter}, the site's error page elsewhere), carry the site's
 * headers, and leave one WARN line and no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SiteErrorsTests extends SiteTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AccountService accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerUndecodableParametersWith400InTheErrorFormatAndNoStackTrace(CapturedOutput output) {
        for (String bad : List.of("%ff", "%c0%af", "%ed%a0%80")) {
            HttpResponse<String> api = get("/api/daily_papers?date=" + bad, "application/json");
            assertThat(api.statusCode()).as(bad).isEqualTo(400);
            assertThat(error(api.body())).contains("UTF-8");

            HttpResponse<String> page = get("/search?q=" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("class=\"problem\"").contains("UTF-8");
        }
        // in a form body, read by Spring Security's filters before any controller
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("email=%ff&password=x&_csrf=x"))
                .build());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("class=\"problem\"").contains("UTF-8");
        assertThat(output.getOut() + output.getErr())
                .doesNotContain("\tat org.apache")
                .doesNotContain("Exception:");
    }

    @Test
    void shouldAnswerPathsTomcatRejectsInTheErrorFormatWithTheSiteHeaders(CapturedOutput output) throws IOException {
        for (String path : List.of("/papers/a%2fb", "/papers/a%00b", "/papers/a%5cb", "/papers/%ff")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("class=\"problem\"").doesNotContain("HTTP Status 400");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

            HttpResponse<String> api = get("/api" + path, "application/json");
            assertThat(api.statusCode()).as(path).isEqualTo(400);
            assertThat(error(api.body())).contains("%2F");
        }
        // a request line over Tomcat's 8 KB limit never reaches the application
        String longLine =
                raw("GET /?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(longLine)
                .startsWith("HTTP/1.1 400")
                .contains("Content-Security-Policy")
                .contains("8 KB");
        assertThat(longLine).doesNotContain("HTTP Status 400");
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("answered 400").doesNotContain("\tat org.apache");
    }

    @Test
    void shouldLogAClientErrorOnceAtWarn(CapturedOutput output) {
        String marker = "/no-such-page-" + UUID.randomUUID();
        assertThat(get(marker).statusCode()).isEqualTo(404);
        List<String> lines =
                output.getOut().lines().filter(l -> l.contains(marker)).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("WARN").contains("404");
    }

    @Test
    void shouldRefuseATamperedCsrfTokenWith403NotA500(CapturedOutput output) {
        Session s = session();
        assertThat(s.csrf()).isNotEmpty();
        // Well-formed Base64 of the right length whose unmasked bytes are not UTF-8: Spring Security's XOR handler
        // failed on it with "IllegalArgumentException: Decoding failed", a 500 with a stack trace.
        byte[] masked = java.util.Base64.getUrlDecoder().decode(s.csrf());
        masked[masked.length / 2] ^= (byte) 0x80;
        String tampered = java.util.Base64.getUrlEncoder().encodeToString(masked);
        // a form field, the htmx header, and an anonymous log-in
        HttpResponse<String> form = post("/papers/2512.22525/upvote", s.cookie(), Map.of("_csrf", tampered), null);
        HttpResponse<String> header = post("/papers/2512.22525/upvote", s.cookie(), Map.of(), tampered);
        HttpResponse<String> login =
                post("/login", s.cookie(), Map.of("email", "a@example.org", "password", "x", "_csrf", tampered), null);
        for (HttpResponse<String> r : List.of(form, header, login)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("CSRF");
        }
        // and not Base64 at all
        assertThat(post("/papers/2512.22525/upvote", s.cookie(), Map.of("_csrf", "!!not-base64!!"), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(output.getOut() + output.getErr())
                .doesNotContain("Decoding failed")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldNameTheFieldAndTheTypeOfAJsonValueOfTheWrongType() {
        String token = token();
        HttpResponse<String> wrongType = api(
                "POST",
                "/api/papers/2512.22525/comments",
                token,
                "application/json",
                "{\"body\":\"hi\",\"parentId\":\"x\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(wrongType.body());
        assertThat(body.get("parameter").asString()).isEqualTo("parentId");
        assertThat(body.get("error").asString()).contains("'parentId'").contains("whole number");

        HttpResponse<String> object =
                api("POST", "/api/papers/2512.22525/comments", token, "application/json", "{\"body\":{\"text\":1}}");
        assertThat(object.statusCode()).isEqualTo(400);
        assertThat(error(object.body())).contains("'body'").contains("a string");

        HttpResponse<String> notJson =
                api("POST", "/api/papers/2512.22525/comments", token, "application/json", "{\"body\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson.body())).contains("not valid JSON");
    }

    @Test
    void shouldSayWhatIsWrongWithAContentTypeOrAnIdUnderApiComments() {
        String token = token();
        HttpResponse<String> unsupported = api("POST", "/api/papers/2512.22525/comments", token, "text/plain", "hello");
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(error(unsupported.body())).contains("text/plain").contains("application/json");

        HttpResponse<String> badId = api("PATCH", "/api/comments/abc", token, "application/json", "{\"body\":\"x\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(badId.body());
        assertThat(body.get("parameter").asString()).isEqualTo("commentId");
        assertThat(body.get("error").asString()).contains("'abc'").contains("whole number");

        HttpResponse<String> unknown =
                api("PATCH", "/api/comments/12345", token, "application/json", "{\"body\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown.body())).isNotBlank();

        HttpResponse<String> method = get("/api/comments/12345", "application/json");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(error(method.body())).contains("GET").contains("PATCH");
    }

    @Test
    void shouldTreatAnEmptyMonthAsAbsent() {
        HttpResponse<String> r = get("/api/daily_papers?month=&limit=1", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("[");
    }

    @Test
    void shouldBuildTheOpenApiServerFromTheBaseUrlNotTheHostHeader() throws IOException {
        String answer = raw("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).doesNotContain("evil.example").contains("\"url\":\"https://papers.example.org\"");
    }

    @Test
    void shouldSendHstsAndSecureCookiesWhenTheBaseUrlIsHttps() {
        HttpResponse<String> page = get("/login");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        // a proxy's X-Forwarded-Proto is not needed for it, and not trusted by default
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));
    }

    @Test
    void shouldAnswerGetForEveryLinkOfTheLayout() {
        String home = get("/").body();
        Matcher m = Pattern.compile("<footer.*?</footer>", Pattern.DOTALL).matcher(home);
        assertThat(m.find()).isTrue();
        Matcher link = Pattern.compile("href=\"(/[^\"]*)\"").matcher(m.group());
        int links = 0;
        while (link.find()) {
            links++;
            int status = get(link.group(1).replace("&amp;", "&")).statusCode();
            assertThat(status).as(link.group(1)).isLessThan(400);
        }
        assertThat(links).isPositive();
    }

    @Test
    void shouldServeFeedsForQueriesAndNamesWithXmlIllegalCharacters() {
        for (String path : List.of(
                "/feeds/search.atom?q=%00",
                "/feeds/search.atom?q=diffusion%01%0B%EF%BF%BF",
                "/feeds/authors/a%01b.atom",
                "/feeds/organizations/Byte%01Dance.atom")) {
            HttpResponse<String> r = get(path, "application/atom+xml");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body())
                    .as(path)
                    .startsWith("<?xml")
                    .doesNotContain("\u0001")
                    .doesNotContain("\u0000");
        }
    }

    // --- helpers

    private record Session(String cookie, String csrf) {}

    /** A session with its CSRF token, as a browser gets them from the log-in page. */
    private Session session() {
        HttpResponse<String> page = get("/login");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        return new Session(cookie, m.find() ? m.group(1) : "");
    }

    private String token() {
        String email = "hardening-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Account a = accounts.createUser(email, "a long enough password", false);
        return accounts.createToken(a.id(), "test").token();
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form, String csrfHeader) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (csrfHeader != null) {
            b.header("X-CSRF-TOKEN", csrfHeader);
        }
        return send(b.build());
    }

    private HttpResponse<String> api(String method, String path, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as bytes on a socket: the HTTP client refuses to send what a stranger can. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                answer.append(line).append('\n');
            }
            return answer.toString();
        }
    }

    private static String error(String json) {
        JsonNode node = JSON.readTree(json);
        assertThat(node.has("error")).as(json).isTrue();
        return node.get("error").asString();
    }
}
