package dev.loyalty.notify.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the Encrypt element of an official-account push in safe (or compatible) mode, and seals a passive
 * reply, by WeChat's
 * published algorithm: msg_signature = SHA-1 of token, timestamp, nonce and the Encrypt text, sorted and
 * joined; the text is AES-256-CBC (key = Base64(aesKey + "="), IV = its first 16 bytes) over random(16) +
 * length(4, big-endian) + XML + appid, PKCS#7-padded to 32 bytes. Written here rather than taken from
 * WxJava because WxJava's decryption does not check that the push was sealed for our appid.
 */
public final class SafeModeEnvelope {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final String appid;
    private final byte[] key;

    /** {@link IllegalArgumentException} when {@code aesKey} is not WeChat's 43 characters of Base64. */
    public SafeModeEnvelope(String token, String aesKey, String appid) {
        this.token = token;
        this.appid = appid;
        this.key = Base64.getDecoder().decode(aesKey + "=");
        if (key.length != 32) {
            throw new IllegalArgumentException("wx.mp.aes-key must be 43 characters of Base64 (32 bytes)");
        }
    }

    /** The XML inside, or {@link SecurityException} when the signature, the padding or the appid is wrong. */
    public String open(String encrypted, String timestamp, String nonce, String msgSignature) {
        if (encrypted == null || !MessageDigest.isEqual(sign(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(msgSignature).getBytes(StandardCharsets.US_ASCII))) {
            throw new SecurityException("msg_signature does not match");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(encrypted));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecurityException("the Encrypt text does not decrypt with wx.mp.aes-key");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1];
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new SecurityException("the padding is wrong");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        int appidStart = 20 + length;
        if (length < 0 || appidStart > plain.length - pad) {
            throw new SecurityException("the length is wrong");
        }
        String sealedFor = new String(plain, appidStart, plain.length - pad - appidStart, StandardCharsets.UTF_8);
        if (!sealedFor.equals(appid)) {
            throw new SecurityException("the push was sealed for another app");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /**
     * A passive reply sealed the same way: the XML WeChat expects back in safe mode, with the Encrypt text,
     * its MsgSignature, and the timestamp and nonce it was signed with.
     */
    public String seal(String xml, String timestamp, String nonce) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appid.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        int unpadded = 20 + body.length + app.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random).putInt(body.length).put(body).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        String encrypted;
        try {
            encrypted = Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><MsgSignature><![CDATA["
                + sign(timestamp, nonce, encrypted) + "]]></MsgSignature><TimeStamp>" + timestamp
                + "</TimeStamp><Nonce><![CDATA[" + nonce + "]]></Nonce></xml>";
    }

    private String sign(String... parts) {
        String[] sorted = new String[parts.length + 1];
        sorted[0] = token;
        System.arraycopy(parts, 0, sorted, 1, parts.length);
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return cipher;
    }
}
