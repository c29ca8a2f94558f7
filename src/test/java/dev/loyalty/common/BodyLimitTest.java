package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** No endpoint reads a body over {@code loyalty.http.max-body-bytes} (1 MB by default). */
class BodyLimitTest extends IntegrationTest {

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() {
        RawHttp.Response response = new RawHttp(port).exchange("""
                POST /api/app/auth/login HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                Content-Length: 5000000""", null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(response.json().path("requestId").asString()).isNotBlank();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        RawHttp.Response response = new RawHttp(port).exchange("""
                POST /api/app/auth/login HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                Transfer-Encoding: chunked""", RawHttp.chunked(1_100_000, ' '));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyUnderTheLimitStillWorks() {
        String json = "{\"code\":\"" + unique("chunky") + "\"," + " ".repeat(200_000) + "\"nickname\":\"Chunky\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String chunk = Integer.toHexString(body.length) + "\r\n" + json + "\r\n0\r\n\r\n";

        RawHttp.Response response = new RawHttp(port).exchange("""
                POST /api/app/auth/login HTTP/1.1\r
                Host: localhost\r
                Connection: close\r
                Content-Type: application/json\r
                Transfer-Encoding: chunked""", chunk.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("member").path("nickname").asString()).isEqualTo("Chunky");
    }
}
