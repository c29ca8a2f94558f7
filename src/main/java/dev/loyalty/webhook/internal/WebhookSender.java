package dev.loyalty.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery: the stored body, byte for byte, signed with the webhook's secret. Addresses come only from
 * {@link Destinations}, redirects are not followed, nothing is retried here (the job retries), no proxy is used,
 * and the answer's body is not read: only its status counts.
 */
@Component
class WebhookSender implements DisposableBean {

    private final CloseableHttpClient https;
    private final CloseableHttpClient http;

    @Autowired
    WebhookSender(Destinations destinations,
            @Value("${loyalty.webhooks.connect-timeout:2s}") Duration connectTimeout,
            @Value("${loyalty.webhooks.read-timeout:5s}") Duration readTimeout) {
        this.https = client(destinations, connectTimeout, readTimeout);
        this.http = client(destinations.forHttp(), connectTimeout, readTimeout);
    }

    private static CloseableHttpClient client(DnsResolver resolver, Duration connectTimeout, Duration readTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("loyalty-webhooks/1")
                .build();
    }

    /** How one attempt went: the receiver's status code (null when there was no answer) and what went wrong. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Outcome send(String url, String secret, String eventId, String type, String payload) {
        URI uri;
        try {
            uri = Destinations.uri(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        CloseableHttpClient client = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        if (client == null) {
            return new Outcome(null, "refused: not an http(s) URL");
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpPost post = new HttpPost(uri);
        post.setHeader("X-Loyalty-Event", type);
        post.setHeader("X-Loyalty-Delivery", eventId);
        post.setHeader("X-Loyalty-Signature", signature(secret, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.create("application/json")));
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int code = response.getCode();
            return new Outcome(code, code >= 200 && code < 300 ? null : "HTTP " + code);
        } catch (Destinations.Refused e) {
            return new Outcome(null, "refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Lowercase hex of HMAC-SHA256 over the body's bytes, keyed with the secret's UTF-8 bytes. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void destroy() throws IOException {
        https.close();
        http.close();
    }
}
