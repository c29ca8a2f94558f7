package dev.loyalty.admin;

import dev.loyalty.admin.internal.AdminAccount;
import dev.loyalty.admin.internal.AdminAccountMapper;
import dev.loyalty.admin.internal.LoginLockout;
import dev.loyalty.common.security.ActiveAdmins;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.common.security.OperatorRole;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Admin login with BCrypt-hashed passwords; creates the first admin, an owner, from configuration. A username
 * is locked for a while after repeated failures; a disabled or removed account's tokens stop working, and so do
 * tokens issued before the account's password last changed.
 */
@Service
public class AdminAuthService implements ActiveAdmins {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthService.class);
    /** Compared against when the username is unknown, so a wrong name costs as long as a wrong password. */
    private final String noSuchAdminHash;

    private final AdminAccountMapper accounts;
    private final LoginLockout lockout;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final Clock clock;
    private final String firstUsername;
    private final String firstPassword;

    AdminAuthService(AdminAccountMapper accounts, LoginLockout lockout, PasswordEncoder passwordEncoder,
            TokenService tokens, Clock clock,
            @Value("${loyalty.admin.username}") String firstUsername,
            @Value("${loyalty.admin.password}") String firstPassword) {
        this.accounts = accounts;
        this.lockout = lockout;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.clock = clock;
        this.firstUsername = firstUsername;
        this.firstPassword = firstPassword;
        this.noSuchAdminHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
    }

    public TokenService.IssuedToken login(String username, String password) {
        lockout.check(username);
        AdminAccount account = accounts.findByUsername(username).orElse(null);
        String hash = account == null ? noSuchAdminHash : account.getPasswordHash();
        if (!passwordEncoder.matches(password, hash) || account == null || !account.getEnabled()) {
            lockout.failed(username);
            throw new BadCredentialsException();
        }
        lockout.succeeded(username);
        return tokens.issue(new Actor(Actor.Type.ADMIN, account.getId()));
    }

    @Override
    public Optional<Actor> standing(long adminId, Instant issuedAt) {
        AdminAccount account = accounts.standing(adminId);
        if (account == null || !account.getEnabled() || issuedBefore(issuedAt, account.getPasswordChangedAt())) {
            return Optional.empty();
        }
        return Optional.of(Actor.operator(adminId, OperatorRole.valueOf(account.getRole()), account.getStoreId()));
    }

    /** A token's issue time has whole seconds, so the password change is compared at the same precision. */
    private static boolean issuedBefore(Instant issuedAt, Instant passwordChangedAt) {
        return passwordChangedAt != null && issuedAt.isBefore(passwordChangedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdmin() {
        if (firstUsername == null || firstUsername.isBlank() || accounts.findByUsername(firstUsername).isPresent()) {
            return;
        }
        try {
            accounts.insert(AdminAccount.of(firstUsername, passwordEncoder.encode(firstPassword), OperatorRole.OWNER.name(),
                    null, clock.instant()));
            log.info("Created the first admin '{}' from loyalty.admin.username", firstUsername);
        } catch (DuplicateKeyException anotherInstanceWon) {
            log.debug("First admin was created by another instance");
        }
    }
}
