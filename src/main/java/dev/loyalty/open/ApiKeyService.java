package dev.loyalty.open;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.counter.CounterService;
import dev.loyalty.open.internal.ApiKey;
import dev.loyalty.open.internal.ApiKeyMapper;
import dev.loyalty.open.internal.NonceMapper;
import dev.loyalty.open.internal.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of stores, and the check of every signed request to the open API: a known, unrevoked key, a
 * timestamp within {@link #CLOCK_SKEW} of now, the right HMAC (compared in constant time) and a nonce the key has
 * not used within {@link #NONCE_LIFETIME}, which the database's primary key decides across every app instance.
 */
@Service
public class ApiKeyService {

    /** How far a request's timestamp may be from the server's clock, either way. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(300);
    /** How long a nonce stays used: longer than any timestamp that is still accepted with it. */
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(10);
    /** {@code lastUsedAt} is written at most this often per key. */
    static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    private static final Pattern KEY_ID = Pattern.compile("lk_[0-9a-f]{32}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    /** Printable ASCII, no spaces: a UUID, a counter, base64 all fit. */
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private final ApiKeyMapper keys;
    private final NonceMapper nonces;
    private final SecretSealer sealer;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyMapper keys, NonceMapper nonces, SecretSealer sealer, CounterService counter, AuditTrail audit,
            Clock clock) {
        this.keys = keys;
        this.nonces = nonces;
        this.sealer = sealer;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key for a store's till or ERP: {@code lk_} and 16 random bytes, a secret of 32 random bytes (hex). */
    @Transactional
    public IssuedApiKey create(long storeId, String name) {
        requireStore(storeId);
        String keyId = "lk_" + randomHex(16);
        String secret = randomHex(32);
        ApiKey key = ApiKey.of(keyId, storeId, name, sealer.seal(keyId, secret), clock.instant());
        keys.insert(key);
        audit.record("API_KEY_CREATED", "api-key:" + keyId, null, Map.of("id", key.getId(), "keyId", keyId,
                "name", name, "storeId", storeId));
        return new IssuedApiKey(key.getId(), keyId, secret, name, storeId, key.getCreatedAt());
    }

    /** A store's keys, revoked ones included, oldest first; never their secrets. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> keys(long storeId) {
        requireStore(storeId);
        return keys.ofStore(storeId).stream().map(ApiKeyService::toView).toList();
    }

    /** Revokes a store's key: requests signed with it are refused from now on. Revoking it again changes nothing. */
    @Transactional
    public void revoke(long storeId, String keyId) {
        ApiKey key = keys.findByKeyId(keyId);
        if (key == null || key.getStoreId() != storeId || !key.getKeyId().equals(keyId)) {
            throw new NotFoundException("API key", keyId + " of store " + storeId);
        }
        if (keys.revoke(key.getId(), clock.instant()) == 1) {
            audit.record("API_KEY_REVOKED", "api-key:" + keyId, Map.of("revoked", false),
                    Map.of("revoked", true, "storeId", storeId));
        }
    }

    /**
     * The key a request was signed with, once it is sure the request is genuine and new: else
     * {@link SignatureInvalidException}, or {@link ReplayedException} for a nonce the key already used.
     * Runs outside any transaction: the nonce is spent at once, whatever becomes of the request.
     */
    public TillKey authenticate(SignedRequest request) {
        if (request.keyId() == null || request.timestamp() == null || request.nonce() == null || request.signature() == null) {
            throw new SignatureInvalidException("Sign the request: send X-Loyalty-Key, X-Loyalty-Timestamp, "
                    + "X-Loyalty-Nonce and X-Loyalty-Signature (README, \"Open API\")");
        }
        if (!TIMESTAMP.matcher(request.timestamp()).matches()) {
            throw new SignatureInvalidException("X-Loyalty-Timestamp must be the time in whole seconds since 1970");
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(request.timestamp()));
        if (skew > CLOCK_SKEW.toSeconds()) {
            throw new SignatureInvalidException("X-Loyalty-Timestamp is " + skew + " s away from the server's time "
                    + now.getEpochSecond() + "; at most " + CLOCK_SKEW.toSeconds() + " s are allowed");
        }
        if (!NONCE.matcher(request.nonce()).matches()) {
            throw new SignatureInvalidException("X-Loyalty-Nonce must be 1 to 64 printable ASCII characters without spaces");
        }
        if (!KEY_ID.matcher(request.keyId()).matches() || !SIGNATURE.matcher(request.signature()).matches()) {
            throw invalidSignature();
        }
        ApiKey key = keys.findByKeyId(request.keyId());
        if (key == null || key.revoked() || !key.getKeyId().equals(request.keyId())) {
            throw invalidSignature();
        }
        String expected = RequestSignature.sign(sealer.open(key.getKeyId(), key.getSecretSealed()),
                RequestSignature.canonical(request.method(), request.pathAndQuery(), request.timestamp(), request.nonce(),
                        request.body()));
        if (!RequestSignature.matches(expected, request.signature())) {
            throw invalidSignature();
        }
        spendNonce(key, request.nonce().getBytes(StandardCharsets.US_ASCII), now);
        if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USED_GRAIN))) {
            keys.touch(key.getId(), now, now.minus(LAST_USED_GRAIN));
        }
        return new TillKey(key.getId(), key.getKeyId(), key.getStoreId());
    }

    /**
     * Inserts (key, nonce); a duplicate is a replay, unless the row is older than the nonce's lifetime and the
     * purge has not come by yet: then that row goes and the insert is tried once more (of two such requests at
     * once, one wins the insert).
     */
    private void spendNonce(ApiKey key, byte[] nonce, Instant now) {
        try {
            nonces.insert(key.getId(), nonce, now);
        } catch (DuplicateKeyException used) {
            if (nonces.deleteIfBefore(key.getId(), nonce, now.minus(NONCE_LIFETIME)) == 0) {
                throw new ReplayedException(key.getKeyId());
            }
            try {
                nonces.insert(key.getId(), nonce, now);
            } catch (DuplicateKeyException usedMeanwhile) {
                throw new ReplayedException(key.getKeyId());
            }
        }
    }

    private static SignatureInvalidException invalidSignature() {
        return new SignatureInvalidException("The signature does not match, or the key is unknown or revoked "
                + "(README, \"Open API\", has the recipe)");
    }

    private void requireStore(long storeId) {
        if (counter.store(storeId).isEmpty()) {
            throw new NotFoundException("Store", storeId);
        }
    }

    private String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        this.random.nextBytes(random);
        return HEX.formatHex(random);
    }

    private static ApiKeyView toView(ApiKey key) {
        return new ApiKeyView(key.getId(), key.getKeyId(), key.getName(), key.getStoreId(), key.getCreatedAt(),
                key.getRevokedAt(), key.getLastUsedAt());
    }
}
