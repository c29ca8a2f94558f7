package dev.loyalty.admin;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.admin.internal.AdminAccount;
import dev.loyalty.admin.internal.AdminAccountMapper;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.OperatorRole;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StoreView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' accounts, managed by owners: create, change role, store or standing, reset a password. Every
 * change is audited. The last enabled owner can be neither demoted nor disabled, so someone can always
 * manage operators. A password change refuses the account's older tokens.
 */
@Service
public class OperatorService {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final AdminAccountMapper accounts;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorService(AdminAccountMapper accounts, PasswordEncoder passwordEncoder, TokenService tokens,
            CounterService counter, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<OperatorView> operators(Page<AdminAccount> page) {
        return PageResponse.from(accounts.selectPage(page, new LambdaQueryWrapper<AdminAccount>()
                .orderByAsc(AdminAccount::getId)), OperatorService::toView);
    }

    @Transactional(readOnly = true)
    public OperatorView operator(long id) {
        AdminAccount account = accounts.selectById(id);
        if (account == null) {
            throw new NotFoundException("Operator", id);
        }
        return toView(account);
    }

    @Transactional
    public OperatorView create(String username, String password, OperatorRole role, Long storeId) {
        AdminAccount account = AdminAccount.of(username, hash("password", password), role.name(),
                storeOf(role, storeId), clock.instant());
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw new UsernameTakenException(username);
        }
        OperatorView created = toView(account);
        audit.record("OPERATOR_CREATED", target(account.getId()), null, created);
        return created;
    }

    /** Changes role, store and standing; the operator's next request sees the change. */
    @Transactional
    public OperatorView update(long id, OperatorRole role, Long storeId, boolean enabled) {
        AdminAccount account = locked(id);
        OperatorView before = toView(account);
        boolean staysOwner = role == OperatorRole.OWNER && enabled;
        if (OperatorRole.OWNER.name().equals(account.getRole()) && account.getEnabled() && !staysOwner
                && accounts.lockEnabledOwners().size() <= 1) {
            throw new LastOwnerException(id);
        }
        account.setRole(role.name());
        account.setStoreId(storeOf(role, storeId));
        account.setEnabled(enabled);
        accounts.updateById(account);
        OperatorView after = toView(account);
        audit.record("OPERATOR_CHANGED", target(id), before, after);
        return after;
    }

    /** An owner sets a new password for an operator; the operator's tokens stop working. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        locked(id);
        accounts.changePassword(id, hash("password", newPassword), clock.instant());
        audit.record("OPERATOR_PASSWORD_RESET", target(id), null, null);
    }

    /**
     * The caller changes their own password, proving the old one. Their other tokens stop working; the
     * answer is a fresh token for this session.
     */
    @Transactional
    public TokenService.IssuedToken changeOwnPassword(long id, String oldPassword, String newPassword) {
        AdminAccount account = locked(id);
        if (!passwordEncoder.matches(oldPassword, account.getPasswordHash())) {
            throw new InvalidRequestException("oldPassword", "is not your current password");
        }
        if (oldPassword.equals(newPassword)) {
            throw new InvalidRequestException("newPassword", "must differ from the current password");
        }
        Instant now = clock.instant();
        accounts.changePassword(id, hash("newPassword", newPassword), now);
        audit.record("PASSWORD_CHANGED", target(id), null, null);
        return tokens.issue(new Actor(Actor.Type.ADMIN, id));
    }

    /** Who the caller is, as the console needs it to show what their role may use. */
    @Transactional(readOnly = true)
    public Me me(long id) {
        OperatorView me = operator(id);
        String storeName = me.storeId() == null ? null : counter.store(me.storeId()).map(StoreView::name).orElse(null);
        return new Me(me.id(), me.username(), me.role(), me.storeId(), storeName);
    }

    /** BCrypt reads only the first 72 bytes of a password, so a longer one is refused rather than cut short. */
    private String hash(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw new InvalidRequestException(field, "must be at most " + BCRYPT_MAX_BYTES + " bytes in UTF-8");
        }
        return passwordEncoder.encode(password);
    }

    private AdminAccount locked(long id) {
        AdminAccount account = accounts.lock(id);
        if (account == null) {
            throw new NotFoundException("Operator", id);
        }
        return account;
    }

    /** A store manager needs a store that exists; every other role has none. */
    private Long storeOf(OperatorRole role, Long storeId) {
        if (role != OperatorRole.STORE_MANAGER) {
            if (storeId != null) {
                throw new InvalidRequestException("storeId", "only a STORE_MANAGER has a store");
            }
            return null;
        }
        if (storeId == null) {
            throw new InvalidRequestException("storeId", "a STORE_MANAGER needs the store they manage");
        }
        if (counter.store(storeId).isEmpty()) {
            throw new InvalidRequestException("storeId", "store " + storeId + " does not exist");
        }
        return storeId;
    }

    private static String target(long id) {
        return "operator:" + id;
    }

    private static OperatorView toView(AdminAccount a) {
        return new OperatorView(a.getId(), a.getUsername(), OperatorRole.valueOf(a.getRole()), a.getStoreId(),
                a.getEnabled(), a.getCreatedAt());
    }

    public record Me(long id, String username, OperatorRole role, Long storeId, String storeName) {
    }
}
