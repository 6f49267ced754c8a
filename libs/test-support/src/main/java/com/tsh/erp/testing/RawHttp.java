package com.tsh.erp.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection a request, for requests no well-behaved client would
 * send: a request target with bad percent-encoding or a raw {@code ;}, header values of any length,
 * bodies that are not JSON. The request goes out byte for byte as given (no OpenAPI check, no
 * encoding, no normalisation), so {@link ApiFuzzer} sees the service's own answer to it.
 */
final class RawHttp {

    /** An answer: its status, its headers (names in lower case) and its body as UTF-8 text. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request and reads its answer. {@code target} is the request target as it goes on the
     * wire (path and query, already percent-encoded as wanted; its characters are sent as ISO-8859-1
     * bytes); header values likewise.
     */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            boolean accept = false;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                accept |= h.getKey().equalsIgnoreCase("Accept");
            }
            if (!accept) {
                head.append("Accept: application/json\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer (413, 431, 414) and close before the whole request is written:
                // its answer is still there to read
            }
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the connection closed without an answer");
        }
        String[] parts = status.split(" ", 3);
        int code = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (String size = line(in); size != null; size = line(in)) {
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    break;
                }
                b.write(in.readNBytes(n));
                line(in);
            }
            body = b.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(code, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
