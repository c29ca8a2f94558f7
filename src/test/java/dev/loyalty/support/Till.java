package dev.loyalty.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A till calling the open API: signs each request by the README's recipe, written here on its own (not with the
 * app's code), so a test fails when the two disagree. {@link #request} gives a signed request a test may tamper
 * with before sending.
 */
public final class Till {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String keyId;
    private final String secret;
    private final Clock clock;
    private final String clientIp;

    public Till(int port, String keyId, String secret, Clock clock, String clientIp) {
        this.port = port;
        this.keyId = keyId;
        this.secret = secret;
        this.clock = clock;
        this.clientIp = clientIp;
    }

    public String keyId() {
        return keyId;
    }

    /** Signs and sends a POST with a JSON body (null: no body). */
    public Api.Response post(String pathAndQuery, String json) {
        return request("POST", pathAndQuery, json).send();
    }

    /** A signed request, now, with a fresh nonce. */
    public Signed request(String method, String pathAndQuery, String body) {
        Signed signed = new Signed(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        signed.headers.put("X-Loyalty-Key", keyId);
        signed.headers.put("X-Loyalty-Timestamp", Long.toString(clock.instant().getEpochSecond()));
        signed.headers.put("X-Loyalty-Nonce", UUID.randomUUID().toString());
        signed.headers.put("X-Loyalty-Signature", signature(secret, method, pathAndQuery,
                signed.headers.get("X-Loyalty-Timestamp"), signed.headers.get("X-Loyalty-Nonce"), signed.body));
        return signed;
    }

    /** hex(HMAC-SHA256(secret, METHOD \n path?query \n timestamp \n nonce \n hex(SHA-256(body)))). */
    public static String signature(String secret, String method, String pathAndQuery, String timestamp, String nonce,
            byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
            String text = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One signed request: its headers and body may be changed after signing, to see the app refuse it. */
    public final class Signed {

        public final String method;
        public String pathAndQuery;
        public byte[] body;
        public final Map<String, String> headers = new LinkedHashMap<>();

        Signed(String method, String pathAndQuery, byte[] body) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.body = body;
        }

        public Signed header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Api.Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", clientIp);
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Api.Response(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
