package dev.loyalty.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: unnormalised paths,
 * oversized headers, bodies that lie about their length or never end.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line), then {@code body}; reads the whole answer. */
    public Response exchange(String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            Thread sender = new Thread(() -> send(socket, head, body), "raw-http-sender");
            sender.setDaemon(true);
            sender.start();
            InputStream in = socket.getInputStream();
            Response response = readHead(in);
            byte[] content = response.header("Transfer-Encoding") != null ? dechunk(in) : readRest(in, response);
            return new Response(response.status(), response.headers(), new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code head} and only the first part of a body, then reads the status line and headers the app answers
     * while the rest of the body is still to come. An app that read the body first would not answer at all.
     */
    public Response answerBeforeTheBodyEnds(String head, byte[] bodyStart) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            send(socket, head, bodyStart);
            return readHead(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body of {@code size} bytes of {@code filler}, with its last chunk. */
    public static byte[] chunked(int size, char filler) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + size / 8192 * 8 + 16);
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) filler);
        for (int left = size; left > 0; left -= chunk.length) {
            int n = Math.min(left, chunk.length);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void send(Socket socket, String head, byte[] body) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                for (int off = 0; off < body.length; off += 16_384) {
                    out.write(body, off, Math.min(16_384, body.length - off));
                }
            }
            out.flush();
        } catch (IOException e) {
            // the app may answer and close before it has all of the body: that is what some tests want
        }
    }

    private static Response readHead(InputStream in) throws IOException {
        String[] lines = new String(readUntilBlankLine(in), StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }

    private static byte[] readUntilBlankLine(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the end of the headers: " + head);
            }
            head.write(b);
            if ((b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)) {
                matched++;
            } else {
                matched = b == '\r' ? 1 : 0;
            }
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }

    private static byte[] readRest(InputStream in, Response response) throws IOException {
        String length = response.header("Content-Length");
        return length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = new String(readLine(in), StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toByteArray();
    }

    /** An answer: header names in lower case. */
    public record Response(int status, Map<String, String> headers, String text) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text;
        }
    }
}
