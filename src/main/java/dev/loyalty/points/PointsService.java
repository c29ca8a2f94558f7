package dev.loyalty.points;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.persistence.CachedValue;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.persistence.SharedCaches;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.points.internal.PointsAccount;
import dev.loyalty.points.internal.PointsAccountMapper;
import dev.loyalty.points.internal.PointsBook;
import dev.loyalty.points.internal.PointsEntry;
import dev.loyalty.points.internal.PointsEntryMapper;
import dev.loyalty.points.internal.PointsLot;
import dev.loyalty.points.internal.PointsLotMapper;
import dev.loyalty.points.internal.PointsPosting;
import dev.loyalty.points.internal.PointsRule;
import dev.loyalty.points.internal.PointsRuleMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of points. Every command takes an idempotency key: a repeat answers the first result
 * and changes nothing, also when repeats race (the unique key decides). All writes of one member queue
 * on that member's account row, on one app instance or many.
 *
 * <p>Called inside a caller's transaction, a command joins it, so the caller's change and the points
 * commit together. There the caller's own natural key (a sign-in date, an order number) must stop a
 * repeat first: a points key used twice fails the caller's transaction with a duplicate key.
 */
@Service
public class PointsService {

    private static final Duration EXPIRING_WINDOW = Duration.ofDays(30);
    private static final String RULE_CACHE = "points-rule";
    private static final Duration RULE_CACHE_TTL = Duration.ofMinutes(1);

    private final PointsBook book;
    private final PointsAccountMapper accounts;
    private final PointsEntryMapper entries;
    private final PointsLotMapper lots;
    private final PointsRuleMapper rules;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SharedCaches caches;
    private final CachedValue<PointsRuleView> ruleCache;

    PointsService(PointsBook book, PointsAccountMapper accounts, PointsEntryMapper entries, PointsLotMapper lots,
            PointsRuleMapper rules, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
            SharedCaches caches) {
        this.book = book;
        this.accounts = accounts;
        this.entries = entries;
        this.lots = lots;
        this.rules = rules;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.caches = caches;
        this.ruleCache = caches.value(RULE_CACHE, RULE_CACHE_TTL, () -> {
            PointsRule rule = rules.selectById(PointsRule.ID);
            return viewOf(rule);
        });
    }

    /** Earns points into a new lot that expires {@code expiryDays} after today, at the end of that day. */
    public PointsResult earn(PointsMovement earn) {
        return once(earn.idempotencyKey(), same(earn.memberId(), PointsEntryType.EARN, earn.source(), earn.amount()), () -> {
            Instant now = clock.instant();
            PointsAccount account = book.lock(earn.memberId(), now);
            return book.credit(account, posting(earn, PointsEntryType.EARN), expiryOfPointsEarnedAt(now), earn.amount(), 0, now);
        });
    }

    /** Spends points from the lots that expire first; refuses with {@link PointsInsufficientException} beyond the balance. */
    public PointsResult spend(PointsMovement spend) {
        return once(spend.idempotencyKey(), same(spend.memberId(), PointsEntryType.SPEND, spend.source(), spend.amount()), () -> {
            Instant now = clock.instant();
            PointsAccount account = book.lock(spend.memberId(), now);
            return book.debit(account, posting(spend, PointsEntryType.SPEND), false, null, 0, spend.amount(), now);
        });
    }

    /**
     * Reverses an earlier EARN, SPEND or ADJUST, wholly ({@code amount} null) or in part; several partial
     * reversals never add up to more than the original. Reversing an earning takes the points back even if
     * they were spent: the balance may go below zero, and later earnings pay that debt first; points of it
     * that expired unspent are not taken back again. Reversing a spend gives the points back in a lot that
     * expires when the latest lot the spend drew from does, and not before the end of today.
     */
    public PointsResult reverse(long entryId, Long amount, String idempotencyKey, String remark) {
        PointsEntry original = entries.selectById(entryId);
        if (original == null) {
            throw new NotFoundException("Points entry", entryId);
        }
        Predicate<PointsEntry> sameReversal = e -> entryIdEquals(e.getReversesId(), entryId);
        return once(idempotencyKey, sameReversal, () -> {
            Instant now = clock.instant();
            PointsAccount account = book.lock(original.getMemberId(), now);
            long take = reversalAmount(original, amount);
            PointsPosting reversal = new PointsPosting(take, PointsEntryType.REVERSE, original.getSource(), idempotencyKey,
                    "reverses:" + entryId, entryId, remark);
            if (original.getDelta() > 0) {
                return book.debit(account, reversal, true, entryId, -take, 0, now);
            }
            Instant endOfToday = now.atZone(clock.getZone()).toLocalDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            Instant drawnExpiry = Optional.ofNullable(lots.latestExpiryDrawnBy(entryId)).orElse(expiryOfPointsEarnedAt(now));
            Instant expiresAt = drawnExpiry.isAfter(endOfToday) ? drawnExpiry : endOfToday;
            return book.credit(account, reversal, expiresAt, 0, -take, now);
        });
    }

    /** An operator's correction, up or down, with a reason; recorded in the audit log in the same transaction. */
    public PointsResult adjust(long memberId, long delta, String reason, String idempotencyKey) {
        if (delta == 0) {
            throw new IllegalArgumentException("delta must not be zero");
        }
        Predicate<PointsEntry> sameAdjustment = e -> e.getMemberId() == memberId && e.getType() == PointsEntryType.ADJUST
                && e.getDelta() == delta;
        return once(idempotencyKey, sameAdjustment, () -> {
            Instant now = clock.instant();
            PointsAccount account = book.lock(memberId, now);
            long before = account.getBalance();
            PointsPosting adjustment = new PointsPosting(Math.abs(delta), PointsEntryType.ADJUST, PointsSource.ADMIN,
                    idempotencyKey, null, null, reason);
            PointsEntry entry = delta > 0
                    ? book.credit(account, adjustment, expiryOfPointsEarnedAt(now), delta, 0, now)
                    : book.debit(account, adjustment, false, null, 0, -delta, now);
            audit.record("POINTS_ADJUSTED", "member:" + memberId, Map.of("balance", before),
                    adjustmentAudit(entry, delta, reason));
            return entry;
        });
    }

    /** Writes the EXPIRE rows of one member's lots that are past their expiry; answers how many. */
    public int expireDue(long memberId) {
        List<?> written = tx.execute(status -> {
            Instant now = clock.instant();
            PointsAccount account = accounts.lock(memberId);
            return account == null ? List.of() : book.expireDue(account, now);
        });
        return written == null ? 0 : written.size();
    }

    /** Members who hold lots past their expiry that no EXPIRE row has written off yet. */
    @Transactional(readOnly = true)
    public List<Long> membersWithExpiredLots(int limit) {
        return lots.membersWithDueLots(clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    public PointsSummary summary(long memberId) {
        Instant now = clock.instant();
        PointsAccount account = Optional.ofNullable(accounts.selectById(memberId))
                .orElseGet(() -> PointsAccount.empty(memberId, now));
        long expiredNotWritten = lots.expiredNotYetWritten(memberId, now);
        Map<LocalDate, Long> byDate = new TreeMap<>();
        for (PointsLot lot : lots.expiringBetween(memberId, now, now.plus(EXPIRING_WINDOW))) {
            LocalDate lastDay = lot.getExpiresAt().minusNanos(1).atZone(clock.getZone()).toLocalDate();
            byDate.merge(lastDay, lot.getRemaining(), Long::sum);
        }
        List<PointsSummary.Expiring> expiring = byDate.entrySet().stream()
                .map(e -> new PointsSummary.Expiring(e.getKey(), e.getValue())).toList();
        return new PointsSummary(account.getBalance() - expiredNotWritten, account.getTotalEarned(),
                account.getTotalSpent(), account.getTotalExpired() + expiredNotWritten, expiring);
    }

    /**
     * Points issued, redeemed and expired by the ledger rows written in [from, to). Issued less redeemed
     * less expired is the change of the points outstanding over the window, so the figures add up.
     */
    @Transactional(readOnly = true)
    public PointsFlows flows(Instant from, Instant to) {
        Map<String, Number> row = entries.flows(from, to);
        long net = row.get("net").longValue();
        long expired = row.get("expired").longValue();
        long redeemed = row.get("redeemed").longValue();
        return new PointsFlows(net + redeemed + expired, redeemed, expired);
    }

    /**
     * Points outstanding at {@code at}: the sum of every ledger row written before it, read as the
     * accounts' balances less what was written since (one snapshot, so both agree).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long outstandingAt(Instant at) {
        return accounts.totalBalance() - entries.netSince(at);
    }

    /** The balance a member can spend now. */
    @Transactional(readOnly = true)
    public long balance(long memberId) {
        PointsAccount account = accounts.selectById(memberId);
        return account == null ? 0 : account.getBalance() - lots.expiredNotYetWritten(memberId, clock.instant());
    }

    /** The ledger rows written under these idempotency keys (at most one each: the key is unique), by key. */
    @Transactional(readOnly = true)
    public Map<String, KeyedPoints> entriesByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, KeyedPoints> found = new LinkedHashMap<>();
        entries.selectList(new LambdaQueryWrapper<PointsEntry>().in(PointsEntry::getIdempotencyKey, keys))
                .forEach(e -> found.put(e.getIdempotencyKey(), new KeyedPoints(e.getIdempotencyKey(), e.getMemberId(), e.getDelta())));
        return found;
    }

    /** The members with the highest balances, highest first: {@code [memberId, balance]} pairs. */
    @Transactional(readOnly = true)
    public List<Map.Entry<Long, Long>> topBalances(int limit) {
        return accounts.selectList(new LambdaQueryWrapper<PointsAccount>()
                        .gt(PointsAccount::getBalance, 0)
                        .orderByDesc(PointsAccount::getBalance)
                        .orderByAsc(PointsAccount::getMemberId)
                        .last("LIMIT " + limit))
                .stream().map(a -> Map.entry(a.getMemberId(), a.getBalance())).toList();
    }

    /** 1-based rank of the member by balance, or null without points. */
    @Transactional(readOnly = true)
    public Integer balanceRank(long memberId) {
        PointsAccount mine = accounts.selectById(memberId);
        if (mine == null || mine.getBalance() <= 0) {
            return null;
        }
        return Math.toIntExact(accounts.selectCount(new LambdaQueryWrapper<PointsAccount>()
                .gt(PointsAccount::getBalance, mine.getBalance())) + 1);
    }

    @Transactional(readOnly = true)
    public PageResponse<PointsLedgerLine> ledger(long memberId, Page<PointsEntry> page) {
        return PageResponse.from(entries.selectPage(page, new LambdaQueryWrapper<PointsEntry>()
                .eq(PointsEntry::getMemberId, memberId)
                .orderByDesc(PointsEntry::getId)), PointsService::toLine);
    }

    /** The member's ledger rows after {@code afterId}, oldest first, at most {@code limit}: for paging through all of them. */
    @Transactional(readOnly = true)
    public List<PointsLedgerLine> ledgerAfter(long memberId, long afterId, int limit) {
        return entries.selectList(new LambdaQueryWrapper<PointsEntry>()
                        .eq(PointsEntry::getMemberId, memberId).gt(PointsEntry::getId, afterId)
                        .orderByAsc(PointsEntry::getId).last("LIMIT " + limit))
                .stream().map(PointsService::toLine).toList();
    }

    /** The member's lots after {@code afterId}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PointsLotLine> lotsAfter(long memberId, long afterId, int limit) {
        return lots.selectList(new LambdaQueryWrapper<PointsLot>()
                        .eq(PointsLot::getMemberId, memberId).gt(PointsLot::getId, afterId)
                        .orderByAsc(PointsLot::getId).last("LIMIT " + limit))
                .stream().map(l -> new PointsLotLine(l.getId(), l.getEntryId(), l.getAmount(), l.getRemaining(),
                        l.getEarnedAt(), l.getExpiresAt())).toList();
    }

    /**
     * For a member being deleted, inside the deletion's transaction: writes the balance off with one WRITE_OFF
     * row (points in lots are taken from them, a debt is forgiven), and closes the account, so a sign-in or a
     * purchase that reaches it later is refused ({@link PointsAccountClosedException}) instead of crediting a
     * deleted member. Answers the points written off (negative for a forgiven debt; 0 for none).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long writeOffAndClose(long memberId) {
        PointsEntry entry = book.writeOffAndClose(memberId, clock.instant());
        return entry == null ? 0 : -entry.getDelta();
    }

    /** The rule in force; read through a cache that other instances see change within seconds. */
    public PointsRuleView rule() {
        return ruleCache.get();
    }

    /** Changes the rule; points already earned keep the expiry they were given. */
    @Transactional
    public PointsRuleView changeRule(PointsRuleView change) {
        PointsRule rule = rules.selectById(PointsRule.ID);
        PointsRuleView before = viewOf(rule);
        rule.setPointsPerYuan(change.pointsPerYuan());
        rule.setExpiryDays(change.expiryDays());
        rule.setPointsPerYuanRedeem(change.pointsPerYuanRedeem());
        rule.setMaxPointsPercent(change.maxPointsPercent());
        rule.setUpdatedAt(clock.instant());
        if (rules.updateById(rule) != 1) {
            throw new IllegalStateException("The points rule changed concurrently; try again");
        }
        audit.record("POINTS_RULE_CHANGED", "points-rule", before, change);
        caches.changed(RULE_CACHE);
        return change;
    }

    /**
     * Locks the member's points account until the caller's transaction ends and answers the balance they can
     * spend now (never below zero): a caller that sizes a spend by the balance (a checkout's points payment)
     * reads it here, so concurrent spends of one member queue and none is sized by a stale balance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockSpendable(long memberId) {
        return Math.max(0, book.lock(memberId, clock.instant()).getBalance());
    }

    private static PointsRuleView viewOf(PointsRule rule) {
        return new PointsRuleView(rule.getPointsPerYuan(), rule.getExpiryDays(), rule.getPointsPerYuanRedeem(),
                rule.getMaxPointsPercent());
    }

    /**
     * Runs {@code write} once per key: a repeat, or the loser of a race, answers the first row. On its own
     * it does not look the key up first: the unique key refuses a repeat and the transaction rolls back,
     * which keeps the common case (a new key) at one transaction.
     */
    private PointsResult once(String key, Predicate<PointsEntry> samePayload, Supplier<PointsEntry> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return toResult(write.get(), false);
        }
        try {
            return RaceRetry.onRace("points movement", () -> toResult(tx.execute(status -> write.get()), false),
                    raceLost -> raceLost instanceof DuplicateKeyException
                            ? entries.findByKey(key).map(winner -> replay(winner, samePayload, key))
                            : Optional.empty());
        } catch (LoyaltyException refused) {
            // a repeat of a command that already succeeded can fail its checks the second time
            // (the points are spent, the entry is reversed): the first result is the answer
            Optional<PointsEntry> first = entries.findByKey(key);
            if (first.isPresent()) {
                return replay(first.get(), samePayload, key);
            }
            throw refused;
        }
    }

    private static PointsPosting posting(PointsMovement movement, PointsEntryType type) {
        return new PointsPosting(movement.amount(), type, movement.source(), movement.idempotencyKey(),
                movement.reference(), null, movement.remark());
    }

    private static PointsResult replay(PointsEntry entry, Predicate<PointsEntry> samePayload, String key) {
        if (!samePayload.test(entry)) {
            throw new IdempotencyConflictException(key);
        }
        return toResult(entry, true);
    }

    private static Predicate<PointsEntry> same(long memberId, PointsEntryType type, PointsSource source, long amount) {
        return e -> e.getMemberId() == memberId && e.getType() == type && e.getSource() == source
                && Math.abs(e.getDelta()) == amount;
    }

    /**
     * How much a reversal of {@code requested} points (null: all) takes. Never more than is left
     * unreversed; and points of an earning that expired unspent are not taken back again, since that
     * would charge the member twice for the same points.
     */
    private long reversalAmount(PointsEntry original, Long requested) {
        if (original.getType() == PointsEntryType.REVERSE || original.getType() == PointsEntryType.EXPIRE) {
            throw new NotReversibleException(original.getId(), original.getType() + " rows are not reversible");
        }
        long left = Math.abs(original.getDelta()) - entries.reversedOf(original.getId());
        if (requested != null && (requested <= 0 || requested > left)) {
            throw new NotReversibleException(original.getId(), "at most " + left + " points are left to reverse");
        }
        long expired = original.getDelta() > 0 ? entries.expiredFromLotOf(original.getId()) : 0;
        long take = Math.min(requested == null ? left : requested, Math.max(0, left - expired));
        if (take == 0) {
            throw new NotReversibleException(original.getId(), left == 0 ? "it is already fully reversed"
                    : "its points have expired");
        }
        return take;
    }

    private Instant expiryOfPointsEarnedAt(Instant now) {
        int expiryDays = ruleCache.get().expiryDays();
        LocalDate earned = now.atZone(clock.getZone()).toLocalDate();
        return earned.plusDays(expiryDays + 1L).atStartOfDay(clock.getZone()).toInstant();
    }

    private static Map<String, Object> adjustmentAudit(PointsEntry entry, long delta, String reason) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("balance", entry.getBalanceAfter());
        after.put("delta", delta);
        after.put("reason", reason);
        after.put("entryId", entry.getId());
        return after;
    }

    private static boolean entryIdEquals(Long a, long b) {
        return a != null && a == b;
    }

    private static PointsResult toResult(PointsEntry entry, boolean replayed) {
        return new PointsResult(entry.getId(), entry.getMemberId(), entry.getDelta(), entry.getBalanceAfter(),
                entry.getType(), entry.getSource(), entry.getIdempotencyKey(), entry.getCreatedAt(), replayed);
    }

    private static PointsLedgerLine toLine(PointsEntry entry) {
        return new PointsLedgerLine(entry.getId(), entry.getDelta(), entry.getBalanceAfter(), entry.getType(),
                entry.getSource(), entry.getRemark(), entry.getCreatedAt());
    }
}
