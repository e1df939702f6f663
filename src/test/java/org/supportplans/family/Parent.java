package org.supportplans.family;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A parent on the family's page without a browser: keeps the cookies the page sets (session, CSRF, language) and
 * sends forms as a browser would, with the CSRF token of the last page read.
 */
final class Parent {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final HttpClient client;
    private final String base;
    private String csrf = "";

    Parent(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    record Page(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Opens a link or a path of the page. */
    Page open(String urlOrPath) {
        String url = urlOrPath.startsWith("http") ? urlOrPath : base + urlOrPath;
        return remember(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    Page signIn(String url, String letterCode, LocalDate birthDate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("letterCode", letterCode);
        form.put("birthMonth", String.valueOf(birthDate.getMonthValue()));
        form.put("birthDay", String.valueOf(birthDate.getDayOfMonth()));
        form.put("birthYear", String.valueOf(birthDate.getYear()));
        return post(url, form);
    }

    /** Posts a form with the CSRF token of the last page read (or none, when {@code withCsrf} is false). */
    Page post(String urlOrPath, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        return postRaw(urlOrPath, fields);
    }

    Page postRaw(String urlOrPath, Map<String, String> fields) {
        String url = urlOrPath.startsWith("http") ? urlOrPath : base + urlOrPath;
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "ParentTest/1.0 (phone)")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Gives or refuses: the answer with the typed name, then the confirmation. Returns the confirmation's answer. */
    Page answer(String decision, String name) {
        Page review = post("/family/request/review", Map.of("decision", decision, "signedName", name));
        if (review.status() != 200) {
            return review;
        }
        return post("/family/request/confirm", Map.of("decision", decision, "signedName", name));
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page remember(Page page) {
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
