package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hutool.crypto.SecureUtil;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The official account portal checks who is calling before it reads anything they send. */
class OfficialAccountPortalTest extends IntegrationTest {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Value("${wx.mp.token}")
    String token;

    @Test
    void anUnsignedChunkedPostIsRefusedBeforeItsBodyIsRead() {
        long started = System.nanoTime();

        RawHttp.Response response = new RawHttp(port).answerBeforeTheBodyEnds("""
                POST /wx/mp/portal?signature=forged&timestamp=1&nonce=1 HTTP/1.1\r
                Host: localhost\r
                Content-Type: text/xml\r
                Transfer-Encoding: chunked""", "10000\r\n<xml>".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anUnsignedTenMegabytePostIsRefusedAtOnce() {
        long started = System.nanoTime();

        RawHttp.Response response = new RawHttp(port).answerBeforeTheBodyEnds("""
                POST /wx/mp/portal HTTP/1.1\r
                Host: localhost\r
                Content-Type: text/xml\r
                Content-Length: %d""".formatted(TEN_MEGABYTES), "<xml>".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isIn(403, 413);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aSignedBodyOverTheLimitIs413() {
        String padding = " ".repeat(64 * 1024);

        Api.Response response = push(subscribe("mp-" + unique("big")) + padding);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aSignedChunkedBodyOverTheLimitIs413() {
        RawHttp.Response response = new RawHttp(port).exchange("POST /wx/mp/portal?" + signedQuery(now(), nonce())
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked",
                RawHttp.chunked(100_000, ' '));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aReplayedNonceIs403AndRecordsNothing() {
        String openid = "mp-" + unique("replay");
        String query = signedQuery(now(), nonce());
        assertThat(api.send("POST", "/wx/mp/portal?" + query, unsubscribe(openid)).text()).isEqualTo("success");

        Api.Response replayed = api.send("POST", "/wx/mp/portal?" + query, subscribe(openid));

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.code()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid = ? AND subscribed",
                Long.class, openid)).isZero();
    }

    @Test
    void aPushSignedSixMinutesAgoIs403() {
        String sixMinutesAgo = now();
        clock.advance(Duration.ofMinutes(6));

        Api.Response response = api.send("POST", "/wx/mp/portal?" + signedQuery(sixMinutesAgo, nonce()),
                subscribe("mp-" + unique("late")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aServerCheckSignedSixMinutesAgoIs403ButARepeatedNonceIsFine() {
        String query = signedQuery(now(), "check") + "&echostr=hello";
        assertThat(api.get("/wx/mp/portal?" + query).text()).isEqualTo("hello");
        assertThat(api.get("/wx/mp/portal?" + query).text()).isEqualTo("hello");

        clock.advance(Duration.ofMinutes(6));

        assertThat(api.get("/wx/mp/portal?" + query).status()).isEqualTo(403);
    }

    @Test
    void badXmlIs400ValidationFailed() {
        Api.Response response = push("<xml><MsgType>event</MsgType>");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anEmptyPushIs400() {
        assertThat(push("").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anExternalEntityIsRefusedWithoutBeingFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY from SYSTEM \"" + FakeWeChat.url() + "/xxe\">]>"
                + "<xml><FromUserName>&from;</FromUserName><MsgType>event</MsgType><Event>subscribe</Event></xml>";

        Api.Response response = push(xxe);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        FakeWeChat.server().verify(0, anyRequestedFor(urlPathEqualTo("/xxe")));
    }

    @Test
    void aWrongSignatureIs403ProblemWhateverTheCallerAccepts() {
        Api.Response response = api.with("Accept", "application/json")
                .send("POST", "/wx/mp/portal?signature=wrong&timestamp=" + now() + "&nonce=" + nonce(), subscribe("mp-x"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aSignedPushIsAnsweredSuccessInPlainTextWhateverTheCallerAccepts() {
        Api.Response response = api.with("Accept", "application/json")
                .send("POST", "/wx/mp/portal?" + signedQuery(now(), nonce()), unsubscribe("mp-" + unique("plain")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.text()).isEqualTo("success");
    }

    private Api.Response push(String xml) {
        return api.send("POST", "/wx/mp/portal?" + signedQuery(now(), nonce()), xml);
    }

    private String signedQuery(String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        return "signature=" + SecureUtil.sha1(String.join("", parts)) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    private String now() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String subscribe(String openid) {
        return event("subscribe", openid);
    }

    private static String unsubscribe(String openid) {
        return event("unsubscribe", openid);
    }

    private static String event(String event, String openid) {
        return "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
                + event + "]]></Event></xml>";
    }
}
