package dev.loyalty.counter;

import dev.loyalty.counter.internal.MemberCodeUseMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member code shown as a QR code at the counter, like a payment code: 18 digits that say nothing
 * about the member. Inside is member id (10 digits), a random nonce (3) and an HMAC tag (5) of both and
 * the 30-second time step; the 18 digits are that plaintext encrypted with a keyed Feistel cipher over
 * two 9-digit halves, tweaked by the step, so every code looks random and a changed digit decrypts to
 * garbage (a forged code must hit an existing member and the tag at once).
 *
 * <p>A code is accepted during its own step and the next, so it lives at most 60 seconds, and it pays
 * for one order only: the first purchase, top-up or wallet payment {@link #spend spends} it.
 */
@Component
public class MemberCodes {

    static final long STEP_SECONDS = 30;
    /** A code the app already shows is kept while it has this long left; after that a new one is drawn. */
    private static final Duration KEEP_WHILE_LEFT = Duration.ofSeconds(20);
    private static final long HALF = 1_000_000_000L;
    private static final long MAX_MEMBER_ID = 9_999_999_999L;
    private static final int NONCES = 1000;
    private static final int TAGS = 100_000;
    private static final int ROUNDS = 8;
    private static final byte TAG_DOMAIN = 'T';
    private static final byte ROUND_DOMAIN = 'R';

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final SecureRandom random = new SecureRandom();
    private final MemberCodeUseMapper uses;
    private final Clock clock;

    MemberCodes(@Value("${loyalty.member-code.secret}") String secret, MemberCodeUseMapper uses, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.uses = uses;
        this.clock = clock;
    }

    /**
     * The code a member's app should show: {@code current} (the one it shows now) while it is theirs,
     * unspent and not about to expire; otherwise a new one that was never spent.
     */
    public MemberCode show(long memberId, String current) {
        long step = currentStep();
        if (current != null) {
            Optional<Decoded> shown = decode(current, step);
            if (shown.isPresent() && shown.get().memberId() == memberId
                    && expiry(shown.get().step()).minus(KEEP_WHILE_LEFT).isAfter(clock.instant())
                    && uses.count(current) == 0) {
                return new MemberCode(current, expiry(shown.get().step()));
            }
        }
        if (memberId < 1 || memberId > MAX_MEMBER_ID) {
            throw new IllegalStateException("Member id " + memberId + " does not fit a member code");
        }
        for (int draw = 0; ; draw++) {
            long nonce = random.nextInt(NONCES);
            long plain = (memberId * NONCES + nonce) * TAGS + tag(memberId, nonce, step);
            String code = String.format("%018d", encrypt(plain, step));
            if (draw == 3 || uses.count(code) == 0) {
                return new MemberCode(code, expiry(step));
            }
        }
    }

    /** The member a code names, if it was issued in this step or the one before; else {@link MemberCodeInvalidException}. */
    public long resolve(String code) {
        return decode(code, currentStep()).orElseThrow(MemberCodeInvalidException::new).memberId();
    }

    /**
     * Spends a code for one value movement, in the caller's transaction: a second movement with the same
     * code, concurrent or later, is {@link MemberCodeUsedException} (the unique key waits for the first
     * transaction and refuses the second once it commits).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spend(String code, long memberId, String usedFor) {
        try {
            uses.insert(code, memberId, usedFor, clock.instant());
        } catch (DuplicateKeyException alreadySpent) {
            throw new MemberCodeUsedException();
        }
    }

    /** Forgets codes spent before {@code before}: they expired long ago. */
    public int purgeSpentBefore(Instant before) {
        return uses.purge(before);
    }

    private Optional<Decoded> decode(String code, long step) {
        if (code == null || code.length() != 18 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long cipher = Long.parseLong(code);
        for (long candidate : new long[] {step, step - 1}) {
            long plain = decrypt(cipher, candidate);
            long memberId = plain / TAGS / NONCES;
            long nonce = plain / TAGS % NONCES;
            if (memberId > 0 && plain % TAGS == tag(memberId, nonce, candidate)) {
                return Optional.of(new Decoded(memberId, candidate));
            }
        }
        return Optional.empty();
    }

    private long encrypt(long plain, long step) {
        long left = plain / HALF;
        long right = plain % HALF;
        for (int round = 0; round < ROUNDS; round++) {
            long next = Math.floorMod(left + roundValue(step, round, right), HALF);
            left = right;
            right = next;
        }
        return left * HALF + right;
    }

    private long decrypt(long cipher, long step) {
        long left = cipher / HALF;
        long right = cipher % HALF;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = Math.floorMod(right - roundValue(step, round, left), HALF);
            right = left;
            left = previous;
        }
        return left * HALF + right;
    }

    private long roundValue(long step, int round, long half) {
        return prf(ByteBuffer.allocate(18).put(ROUND_DOMAIN).put((byte) round).putLong(step).putLong(half).array(), HALF);
    }

    private long tag(long memberId, long nonce, long step) {
        return prf(ByteBuffer.allocate(25).put(TAG_DOMAIN).putLong(memberId).putLong(nonce).putLong(step).array(), TAGS);
    }

    private long prf(byte[] input, long modulus) {
        byte[] digest = macs.get().doFinal(input);
        return (ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE) % modulus;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private long currentStep() {
        return clock.instant().getEpochSecond() / STEP_SECONDS;
    }

    private static Instant expiry(long step) {
        return Instant.ofEpochSecond((step + 2) * STEP_SECONDS);
    }

    private record Decoded(long memberId, long step) {
    }

    public record MemberCode(String code, Instant expiresAt) {
    }
}
