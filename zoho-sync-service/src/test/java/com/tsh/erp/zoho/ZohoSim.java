package com.tsh.erp.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Zoho simulator's test controls ({@code /sim/...}, see zoho-simulator/README.md): limits, faults,
 * token expiry, the log of calls received and the records it holds. Plain HTTP, not REST Assured, so
 * the service's own OpenAPI contract filter does not look at these calls.
 */
public final class ZohoSim {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ZohoSim(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode state() {
        return call("GET", "/sim/state", null);
    }

    public void limits(int perMinute, int perDay, int concurrent) {
        call("PUT", "/sim/limits", Map.of("calls_per_minute", perMinute, "calls_per_day", perDay, "max_concurrent", concurrent));
    }

    public void faults(Map<String, Object> faults) {
        call("PUT", "/sim/faults", faults);
    }

    public void clearFaults() {
        call("DELETE", "/sim/faults", null);
    }

    public void reset() {
        call("POST", "/sim/reset", null);
    }

    public void expireTokens() {
        call("POST", "/sim/tokens/expire", null);
    }

    public void seed(int items, int contacts) {
        call("POST", "/sim/seed", Map.of("items", items, "contacts", contacts));
    }

    /** Zoho's token refreshes so far. */
    public long refreshes() {
        return state().path("oauth").path("refreshes").asLong();
    }

    /** Every stored record of a kind (items, contacts, salesorders, invoices). */
    public List<JsonNode> records(String kind) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = call("GET", "/sim/records/" + kind + "?page=" + page + "&per_page=1000", null);
            JsonNode records = answer.path(kind);
            records.forEach(all::add);
            if (records.size() < 1000 || !answer.path("page_context").path("has_more_page").asBoolean(true)) {
                return all;
            }
        }
    }

    /** The records of a kind whose field has this value. */
    public List<JsonNode> records(String kind, String field, String value) {
        return records(kind).stream().filter(r -> value.equals(r.path(field).asText())).toList();
    }

    public record Call(long seq, Instant at, String method, String path, int status, String outcome) {
    }

    /** Every API call received after {@code seq}. */
    public List<Call> calls(long after) {
        List<Call> calls = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode answer = call("GET", "/sim/calls?after=" + next + "&limit=1000", null);
            JsonNode page = answer.path("calls");
            for (JsonNode c : page) {
                calls.add(new Call(c.path("seq").asLong(), Instant.parse(c.path("at").asText()), c.path("method").asText(),
                        c.path("path").asText(), c.path("status").asInt(), c.path("outcome").asText()));
                next = Math.max(next, c.path("seq").asLong());
            }
            if (page.size() < 1000) {
                return calls;
            }
        }
    }

    public long lastSeq() {
        return state().path("calls").path("last_seq").asLong();
    }

    /** The most API calls Zoho admitted (not refused by a limit; token refreshes do not count) in any 60 s window. */
    public static int busiestMinute(List<Call> calls) {
        List<Instant> admitted = calls.stream().filter(c -> !"limited".equals(c.outcome()) && !c.path().startsWith("/oauth/"))
                .map(Call::at).sorted().toList();
        int most = 0;
        int start = 0;
        for (int end = 0; end < admitted.size(); end++) {
            while (!admitted.get(start).plusSeconds(60).isAfter(admitted.get(end))) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
            if (body != null) {
                r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
