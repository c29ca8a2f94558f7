package dev.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hutool.crypto.SecureUtil;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in safe mode (安全模式). Every envelope here is built by WeChat's published algorithm, not by
 * the library the app decrypts with: AES-256-CBC with key = Base64(aesKey + "=") and the key's first 16
 * bytes as IV, over random(16) + length(4, big-endian) + XML + appid, PKCS#7-padded to 32 bytes; and
 * msg_signature = SHA-1 of token, timestamp, nonce and the Encrypt text, sorted and joined.
 */
@TestPropertySource(properties = "wx.mp.aes-key=" + SafeModePortalTest.AES_KEY)
class SafeModePortalTest extends IntegrationTest {

    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
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
