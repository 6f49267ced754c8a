package com.tsh.erp.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Requests refused before any resource runs still get problem+json with the request id (issue 8,
 * class 8). Sent over a raw socket: HTTP clients refuse to send most of these.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class HttpEdgeTest {

    @TestHTTPResource("/")
    URL base;

    private record Answer(int status, Map<String, String> headers, String body) {
        JsonNode problem() throws Exception {
            assertEquals("application/problem+json", headers.get("content-type"), "content type of a " + status);
            JsonNode node = new ObjectMapper().readTree(body);
            assertEquals(status, node.get("status").asInt());
            assertEquals(headers.get("x-request-id"), node.get("request_id").asText(), "the id in the body is the one echoed");
            return node;
        }
    }

    private Answer send(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                try {
                    out.write(body);
                } catch (java.io.IOException closedEarly) {
                    // the server may answer and close before the whole body is sent: that is the point
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        String text;
        while (true) {
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            raw.write(buffer, 0, n);
            text = raw.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end > 0) {
                Map<String, String> headers = headers(text.substring(0, end));
                String length = headers.get("content-length");
                if (length != null && raw.size() >= end + 4 + Integer.parseInt(length)) {
                    break;
                }
            }
        }
        text = raw.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String statusLine = text.substring(0, text.indexOf("\r\n"));
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers(text.substring(0, end)), text.substring(end + 4));
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new TreeMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return headers;
    }

    private static String get(String target, String... extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", extraHeaders) + "Connection: close\r\n\r\n";
    }

    @Test
    void aUrlTooLongIs414ProblemWithTheRequestId() throws Exception {
        Answer answer = send(get("/demo/page?q=" + "a".repeat(5000)), null);
        assertEquals(414, answer.status());
        assertTrue(answer.problem().get("detail").asText().contains("at most 4096"));
    }

    @Test
    void headersTooLargeAre431ProblemAndTheCallersRequestIdIsKept() throws Exception {
        Answer answer = send(get("/demo/page", "X-Request-Id: edge-431\r\n", "X-Junk: " + "b".repeat(25_000) + "\r\n"), null);
        assertEquals(431, answer.status());
        assertEquals("edge-431", answer.problem().get("request_id").asText());
    }

    @Test
    void aBodyTooLargeIs413ProblemBeforeItIsRead() throws Exception {
        byte[] body = new byte[64 * 1024];
        Answer answer = send("POST /demo/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (11L * 1024 * 1024) + "\r\n\r\n", body);
        assertEquals(413, answer.status());
        assertEquals("close", answer.headers().get("connection"));
        answer.problem();
    }

    /**
     * The one refusal the application never sees: Netty's decoder rejects a request line whose
     * percent-encoding is broken, and Vert.x answers 400 with an empty body and closes the connection
     * (Quarkus offers no hook for it; see HttpEdge). Pinned here so a change of that behaviour is noticed.
     */
    @Test
    void aBrokenPercentEncodingIsRefusedByTheDecoderBeforeTheApplication() throws Exception {
        for (String target : new String[] {"/demo/items/%zz", "/demo/page?per_page=%zz", "/demo/items/%E0%A4%A"}) {
            Answer answer = send(get(target), null);
            assertEquals(400, answer.status(), target);
            assertEquals("close", answer.headers().get("connection"), target);
        }
    }

    @Test
    void anOrdinaryRequestIsUntouched() throws Exception {
        Answer answer = send(get("/demo/page?per_page=5", "X-Request-Id: edge-ok\r\n"), null);
        assertEquals(200, answer.status());
        assertEquals("edge-ok", answer.headers().get("x-request-id"));
    }
}
