package dev.loyalty.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs and reads the bearer tokens of members and admins (HS256 with {@code loyalty.jwt.secret}). A token
 * verified once is remembered until it expires, so a member's requests pay for parsing and the HMAC once.
 */
@Service
public class TokenService {

    private static final String ISSUER = "loyalty";

    private final SecretKey key;
    private final JwtParser parser;
    private final Clock clock;
    private final Duration memberTtl;
    private final Duration adminTtl;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(15))
            .build();

    TokenService(@Value("${loyalty.jwt.secret}") String secret,
            @Value("${loyalty.jwt.member-ttl:P7D}") Duration memberTtl,
            @Value("${loyalty.jwt.admin-ttl:PT12H}") Duration adminTtl,
            Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("loyalty.jwt.secret must be at least 32 bytes long");
        }
        this.key = Keys.hmacShaKeyFor(bytes);
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant()))
                .build();
        this.clock = clock;
        this.memberTtl = memberTtl;
        this.adminTtl = adminTtl;
    }

    public IssuedToken issue(Actor actor) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(actor.type() == Actor.Type.ADMIN ? adminTtl : memberTtl);
        String token = Jwts.builder()
                .issuer(ISSUER)
                .subject(Long.toString(actor.id()))
                .claim("typ", actor.type().name())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    /** The actor a token names, or empty when it is forged, expired, without an expiry or malformed. */
    public Optional<Actor> read(String token) {
        return verified(token).map(Verified::actor);
    }

    /** A token that verifies and has not expired: whom it names and when it was issued. */
    public Optional<Verified> verified(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = verify(token).orElse(null);
            if (known == null) {
                return Optional.empty();
            }
            verified.put(token, known);
        }
        return clock.instant().isBefore(known.expiresAt()) ? Optional.of(known) : Optional.empty();
    }

    private Optional<Verified> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null || claims.getIssuedAt() == null) {
                return Optional.empty();
            }
            Actor.Type type = Actor.Type.valueOf(claims.get("typ", String.class));
            if (type != Actor.Type.MEMBER && type != Actor.Type.ADMIN) {
                return Optional.empty();
            }
            return Optional.of(new Verified(new Actor(type, Long.parseLong(claims.getSubject())),
                    claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public record Verified(Actor actor, Instant issuedAt, Instant expiresAt) {
    }
}
