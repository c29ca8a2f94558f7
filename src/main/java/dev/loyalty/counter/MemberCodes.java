package dev.loyalty.counter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The member code shown as a QR code at the counter, like a payment code: 18 digits, the member id
 * (10 digits) then an 8-digit HMAC-SHA256 of member and 30-second time step. A code is accepted during
 * its own step and the next, so it lives at most 60 seconds; a screenshot is useless a minute later,
 * and a changed digit fails the HMAC.
 */
@Component
public class MemberCodes {

    static final long STEP_SECONDS = 30;
    private static final int ID_DIGITS = 10;
    private static final int MAC_DIGITS = 8;

    private final SecretKeySpec key;
    private final Clock clock;

    MemberCodes(@Value("${loyalty.member-code.secret}") String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    public MemberCode issue(long memberId) {
        long step = clock.instant().getEpochSecond() / STEP_SECONDS;
        String code = String.format("%0" + ID_DIGITS + "d", memberId) + mac(memberId, step);
        return new MemberCode(code, Instant.ofEpochSecond((step + 2) * STEP_SECONDS));
    }

    /** The member a code names, if it was issued in this step or the one before; else {@link MemberCodeInvalidException}. */
    public long resolve(String code) {
        if (code == null || !code.matches("\\d{" + (ID_DIGITS + MAC_DIGITS) + "}")) {
            throw new MemberCodeInvalidException();
        }
        long memberId = Long.parseLong(code.substring(0, ID_DIGITS));
        byte[] given = code.substring(ID_DIGITS).getBytes(StandardCharsets.US_ASCII);
        long step = clock.instant().getEpochSecond() / STEP_SECONDS;
        for (long candidate : new long[] {step, step - 1}) {
            if (MessageDigest.isEqual(given, mac(memberId, candidate).getBytes(StandardCharsets.US_ASCII))) {
                return memberId;
            }
        }
        throw new MemberCodeInvalidException();
    }

    private String mac(long memberId, long step) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] digest = hmac.doFinal(ByteBuffer.allocate(16).putLong(memberId).putLong(step).array());
            long value = ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
            return String.format("%0" + MAC_DIGITS + "d", value % 100_000_000L);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public record MemberCode(String code, Instant expiresAt) {
    }
}
