package org.supportplans.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One HTTP client for every simulated staff member (connections kept alive, HTTP/1.1 as a browser on a
 * plain connection), timing each request and handing it to {@link LoadResults} under its kind.
 */
final class LoadClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private volatile LoadResults results;

    LoadClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Where the following requests are counted (the seeding's, the ramp-up's and the run's apart). */
    void countIn(LoadResults results) {
        this.results = results;
    }

    /** Where requests are counted now. */
    LoadResults results() {
        return results;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** An answer; {@code status} 0 when the request failed without one (the exception says why). */
    record Reply(int status, String body, Exception failure) {

        boolean is(int... expected) {
            for (int status : expected) {
                if (this.status == status) {
                    return true;
                }
            }
            return false;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String summary() {
            if (failure != null) {
                return failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    Reply get(String kind, String user, String path) {
        return send(kind, request(user, path).GET());
    }

    Reply post(String kind, String user, String path, Object body) {
        return send(
                kind,
                request(user, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    Reply put(String kind, String user, String path, Object body) {
        return send(
                kind,
                request(user, path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** A file upload, e.g. a roster's zip: a bulk import, given 5 minutes rather than one. */
    Reply postBytes(String kind, String user, String path, byte[] body, String contentType) {
        return send(
                kind,
                request(user, path)
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Every user of the load signs in with HTTP Basic, password = user id (the demo staff's, and the load's own). */
    private HttpRequest.Builder request(String user, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + token);
    }

    private Reply send(String kind, HttpRequest.Builder request) {
        long start = System.nanoTime();
        Reply reply;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            reply = new Reply(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            reply = new Reply(0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new Reply(0, null, e);
        }
        results.took(kind, System.nanoTime() - start);
        return reply;
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
