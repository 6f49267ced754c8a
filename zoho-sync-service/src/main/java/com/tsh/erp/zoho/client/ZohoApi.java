package com.tsh.erp.zoho.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.zoho.config.ZohoConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every call this system makes to Zoho goes through here: it takes a permit from the shared budget,
 * carries the shared access token and {@code organization_id}, and sorts the answer into success,
 * {@link ZohoException.Refused} (Zoho's {code, message}: the data is wrong) or
 * {@link ZohoException.Transient} (429, 5xx, timeouts: try again later, honouring Retry-After).
 * A 401 drops the token and tries once more with a fresh one. Retrying later is the caller's
 * business (the task's next attempt, stored in the database), so nothing waits in memory that a
 * restart could lose.
 */
@ApplicationScoped
public class ZohoApi {

    public enum Product {
        INVENTORY("/inventory/v1"), BOOKS("/books/v3");

        final String base;

        Product(String base) {
            this.base = base;
        }
    }

    @Inject
    ZohoConfig config;
    @Inject
    ZohoBudget budget;
    @Inject
    ZohoToken token;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    public JsonNode get(Product product, String path, Map<String, String> query) throws InterruptedException {
        return call("GET", product, path, query, null);
    }

    public JsonNode post(Product product, String path, Map<String, String> query, ObjectNode body) throws InterruptedException {
        return call("POST", product, path, query, body);
    }

    public JsonNode put(Product product, String path, ObjectNode body) throws InterruptedException {
        return call("PUT", product, path, Map.of(), body);
    }

    /** One Zoho call (two when the token was refused); the answer's JSON on 2xx. */
    public JsonNode call(String method, Product product, String path, Map<String, String> query, ObjectNode body)
            throws InterruptedException {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("organization_id", config.organizationId());
        URI uri = URI.create(config.apiUrl() + product.base + path + "?" + q.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
        for (int attempt = 1; ; attempt++) {
            String accessToken = token.current();
            HttpResponse<String> answer = send(method, uri, body, accessToken);
            if (answer.statusCode() == 401 && attempt == 1) {
                count("unauthorized");
                token.refused(accessToken);
                continue;
            }
            return read(method, path, answer);
        }
    }

    private HttpResponse<String> send(String method, URI uri, ObjectNode body, String accessToken) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.callTimeout())
                .header("Authorization", "Zoho-oauthtoken " + accessToken)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        boolean writes = !"GET".equals(method);
        try (ZohoBudget.Permit permit = budget.acquire()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            count("timeout");
            throw new ZohoException.Transient(0, "Zoho did not answer " + method + " " + uri.getPath() + " within "
                    + config.callTimeout().toSeconds() + " s", null, writes);
        } catch (IOException e) {
            count("io");
            throw new ZohoException.Transient(0, "Zoho call " + method + " " + uri.getPath() + " failed: " + e, null, writes);
        }
    }

    private JsonNode read(String method, String path, HttpResponse<String> answer) {
        int status = answer.statusCode();
        JsonNode body;
        try {
            body = answer.body() == null || answer.body().isBlank() ? json.createObjectNode() : json.readTree(answer.body());
        } catch (IOException e) {
            body = json.createObjectNode();
        }
        if (status >= 200 && status < 300 && body.path("code").asInt(0) == 0) {
            count("ok");
            return body;
        }
        int code = body.path("code").asInt(-1);
        String message = body.path("message").asText("HTTP " + status);
        if (status == 429) {
            count("throttled");
            Duration retryAfter = answer.headers().firstValue("Retry-After").map(ZohoApi::seconds).orElse(null);
            throw new ZohoException.Transient(status, "Zoho limited us (" + code + "): " + message, retryAfter, false);
        }
        if (status >= 500 || status == 401) {
            count("server_error");
            throw new ZohoException.Transient(status, "Zoho answered " + status + " to " + method + " " + path + ": " + message,
                    null, !"GET".equals(method));
        }
        count("refused");
        throw new ZohoException.Refused(status, code, message);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void count(String outcome) {
        metrics.counter("tsh_zoho_calls_total", "outcome", outcome).increment();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
