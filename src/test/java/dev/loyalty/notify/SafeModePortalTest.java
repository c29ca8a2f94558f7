package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hutool.crypto.SecureUtil;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The portal in safe mode (安全模式): pushes, the follower links a bind QR code makes, and replies. Every envelope here is built by WeChat's published algorithm, not by
 * the library the app decrypts with: AES-256-CBC with key = Base64(aesKey + "=") and the key's first 16
 * bytes as IV, over random(16) + length(4, big-endian) + XML + appid, PKCS#7-padded to 32 bytes; and
 * msg_signature = SHA-1 of token, timestamp, nonce and the Encrypt text, sorted and joined.
 */
class SafeModePortalTest extends IntegrationTest {

    /** The suite's official account is in safe mode (IntegrationTest); plain-text pushes are not affected. */
    static final String AES_KEY = IntegrationTest.MP_AES_KEY;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Value("${wx.mp.token}")
    String token;

    @Value("${wx.mp.appid}")
    String appid;

    @Test
    void anEncryptedSubscribeEventRecordsTheFollower() {
        String openid = "mp-" + unique("safe");

        Api.Response response = pushEncrypted(subscribe(openid), appid, true);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("success");
        assertThat(subscribedFollowers(openid)).isOne();
    }

    @Test
    void anEnvelopeWhoseMsgSignatureDoesNotMatchIsRefusedAndRecordsNothing() {
        String openid = "mp-" + unique("tampered");

        Api.Response response = pushEncrypted(subscribe(openid), appid, false);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
        assertThat(subscribedFollowers(openid)).isZero();
    }

    @Test
    void anEnvelopeSealedForAnotherAppIsRefused() {
        String openid = "mp-" + unique("other-app");

        Api.Response response = pushEncrypted(subscribe(openid), "wx-someone-else", true);

        assertThat(response.status()).isEqualTo(403);
        assertThat(subscribedFollowers(openid)).isZero();
    }

    @Test
    void plainTextPushesStillWorkBesideSafeMode() {
        String openid = "mp-" + unique("plain-beside");
        String timestamp = now();
        String nonce = nonce();

        Api.Response response = api.send("POST", "/wx/mp/portal?" + signature(timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce, subscribe(openid));

        assertThat(response.text()).isEqualTo("success");
        assertThat(subscribedFollowers(openid)).isOne();
    }

    @Test
    void anEncryptedFollowThroughAMembersBindCodeLinksThemAndTheNextChangeReachesThatFollower() {
        String code = unique("binder");
        long memberId = memberId(code);
        Api member = api.as(loginMember(code));
        assertThat(member.get("/api/app/official-account").json().path("linked").asBoolean()).isFalse();
        Api.Response bindCode = member.post("/api/app/official-account/bind-qrcode", null);
        String scene = bindCode.json().path("ticket").asString().substring("ticket-".length());
        String openid = "mp-" + unique("scanner");

        Api.Response followed = pushEncrypted(event(openid, "subscribe", "qrscene_" + scene), appid, true);
        api.as(loginAdmin()).post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 88, "reason", "gift"));

        assertThat(followed.status()).isEqualTo(200);
        assertThat(open(followed.text())).contains("<Content><![CDATA[绑定成功");
        assertThat(member.get("/api/app/official-account").json().path("linked").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> FakeWeChat.server().verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                        .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                        .withRequestBody(matchingJsonPath("$.template_id", equalTo("tpl-points")))
                        .withRequestBody(matchingJsonPath("$.miniprogram.pagepath", equalTo("pages/points/index")))
                        .withRequestBody(matchingJsonPath("$.data.character_string2.value", equalTo("+88")))
                        .withRequestBody(matchingJsonPath("$.data.number3.value", equalTo("88")))));
    }

    @Test
    void aBindCodeWorksOnceAScanOfAUsedOneLinksNobody() {
        String code = unique("once");
        memberId(code);
        Api member = api.as(loginMember(code));
        String scene = member.post("/api/app/official-account/bind-qrcode", null).json().path("ticket").asString()
                .substring("ticket-".length());
        String first = "mp-" + unique("first");
        String second = "mp-" + unique("second");

        assertThat(open(pushEncrypted(event(first, "SCAN", scene), appid, true).text())).contains("绑定成功");
        assertThat(open(pushEncrypted(event(second, "SCAN", scene), appid, true).text())).contains("已失效");

        assertThat(jdbc.queryForList("SELECT mp_openid FROM notify_follower WHERE member_id = ?", String.class,
                memberId(code))).containsExactly(first);
    }

    @Test
    void theKeyword积分GetsAnEncryptedReplyWithTheBalancesAndAStrangerIsToldHowToLink() {
        String code = unique("asker");
        long memberId = memberId(code);
        String openid = "mp-" + unique("asker-mp");
        jdbc.update("INSERT INTO notify_follower (mp_openid, subscribed, updated_at, member_id) VALUES (?, TRUE, CURRENT_TIMESTAMP(6), ?)",
                openid, memberId);
        api.as(loginAdmin()).post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 42, "reason", "gift"));

        String reply = open(pushEncrypted(text(openid, "积分"), appid, true).text());
        String stranger = open(pushEncrypted(text("mp-" + unique("stranger"), "余额"), appid, true).text());

        assertThat(reply).contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>")
                .contains("积分：42").contains("储值余额：¥0.00").contains("可用优惠券：0 张");
        assertThat(stranger).contains("还没有绑定会员");
    }

    /** The XML inside a sealed reply, after checking its MsgSignature, by the same published algorithm. */
    private String open(String sealed) {
        String encrypted = between(sealed, "<Encrypt><![CDATA[", "]]></Encrypt>");
        String timestamp = between(sealed, "<TimeStamp>", "</TimeStamp>");
        String nonce = between(sealed, "<Nonce><![CDATA[", "]]></Nonce>");
        assertThat(between(sealed, "<MsgSignature><![CDATA[", "]]></MsgSignature>"))
                .isEqualTo(sha1Sorted(token, timestamp, nonce, encrypted));
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            int pad = plain[plain.length - 1];
            assertThat(new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8)).isEqualTo(appid);
            return new String(plain, 20, length, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in %s", start, text).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static String event(String openid, String event, String eventKey) {
        return "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
                + event + "]]></Event><EventKey><![CDATA[" + eventKey + "]]></EventKey></xml>";
    }

    private static String text(String openid, String content) {
        return "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + content + "]]></Content><MsgId>1</MsgId></xml>";
    }

    private Api.Response pushEncrypted(String xml, String sealedFor, boolean signedRightly) {
        String timestamp = now();
        String nonce = nonce();
        String encrypted = encrypt(xml, sealedFor);
        String msgSignature = sha1Sorted(token, timestamp, nonce, signedRightly ? encrypted : encrypt(xml, sealedFor));
        String envelope = "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        return api.send("POST", "/wx/mp/portal?" + signature(timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + msgSignature, envelope);
    }

    private static String encrypt(String xml, String appId) {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        plain.writeBytes(random);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        plain.writeBytes(body);
        plain.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signature(String timestamp, String nonce) {
        return "signature=" + sha1Sorted(token, timestamp, nonce);
    }

    private static String sha1Sorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return SecureUtil.sha1(String.join("", sorted));
    }

    private long subscribedFollowers(String openid) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid = ? AND subscribed",
                Long.class, openid);
    }

    private String now() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String subscribe(String openid) {
        return "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
                + "subscribe]]></Event></xml>";
    }
}
