package dev.loyalty.points.internal;

import dev.loyalty.points.PointsAccountClosedException;
import dev.loyalty.points.PointsChanged;
import dev.loyalty.points.PointsEntryType;
import dev.loyalty.points.PointsInsufficientException;
import dev.loyalty.points.PointsSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookkeeping under {@code PointsService}: every method runs inside the caller's transaction on an
 * account locked with {@link #lock}. Each write moves the account with a guarded update, appends one
 * ledger row with the balance after it, and keeps the lots in step: the points in unexpired lots always
 * equal the balance when it is positive, and are zero when the member is in debt.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class PointsBook {

    /** A floor no balance reaches: used where the balance may go below zero. */
    private static final long NO_FLOOR = Long.MIN_VALUE / 4;

    private final PointsAccountMapper accounts;
    private final PointsEntryMapper entries;
    private final PointsLotMapper lots;
    private final PointsLotDrawMapper draws;
    private final ApplicationEventPublisher events;

    PointsBook(PointsAccountMapper accounts, PointsEntryMapper entries, PointsLotMapper lots,
            PointsLotDrawMapper draws, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.entries = entries;
        this.lots = lots;
        this.draws = draws;
        this.events = events;
    }

    /**
     * Locks the member's account (creating it on first use) and writes off any lots already past expiry. A
     * closed account (a deleted member's) is refused here, on the row every movement locks anyway.
     */
    public PointsAccount lock(long memberId, Instant now) {
        PointsAccount account = accounts.lock(memberId);
        if (account != null && account.getClosedAt() != null) {
            throw new PointsAccountClosedException(memberId);
        }
        if (account == null) {
            PointsAccount created = PointsAccount.empty(memberId, now);
            try {
                accounts.insert(created);
                return created;
            } catch (DuplicateKeyException createdConcurrently) {
                account = accounts.lock(memberId);
            }
        }
        expireDue(account, now);
        return account;
    }

    /** One EXPIRE row per lot past its expiry with points left; nothing to read before the account's next expiry. */
    public List<PointsEntry> expireDue(PointsAccount account, Instant now) {
        if (account.getNextExpiryAt() == null || now.isBefore(account.getNextExpiryAt())) {
            return List.of();
        }
        List<PointsEntry> written = new ArrayList<>();
        for (PointsLot lot : lots.due(account.getMemberId(), now)) {
            long left = lot.getRemaining();
            takeFromLot(lot.getId(), left);
            move(account, -left, 0, 0, left, NO_FLOOR, null, now);
            written.add(append(account, -left, new PointsPosting(left, PointsEntryType.EXPIRE, PointsSource.EXPIRY,
                    "expire:lot:" + lot.getId(), "lot:" + lot.getId(), null, null), now));
        }
        accounts.recomputeNextExpiry(account.getMemberId());
        return written;
    }

    /**
     * Adds points: debt is paid first, the rest becomes a lot that expires at {@code expiresAt}.
     * {@code earned}/{@code spent} say how the running totals move.
     */
    public PointsEntry credit(PointsAccount account, PointsPosting posting, Instant expiresAt, long earned, long spent,
            Instant now) {
        long amount = posting.amount();
        long debtPaid = Math.min(amount, Math.max(0, -account.getBalance()));
        boolean newLot = amount > debtPaid;
        move(account, amount, earned, spent, 0, NO_FLOOR, newLot ? expiresAt : null, now);
        PointsEntry entry = append(account, amount, posting, now);
        if (newLot) {
            lots.add(PointsLot.of(account.getMemberId(), entry.getId(), amount - debtPaid, now, expiresAt));
        }
        return entry;
    }

    /**
     * Takes points: from {@code firstLotOf}'s lot first when given, then first-to-expire-first.
     * Without {@code allowDebt} a debit beyond the balance throws {@link PointsInsufficientException} and changes nothing.
     */
    public PointsEntry debit(PointsAccount account, PointsPosting posting, boolean allowDebt, Long firstLotOf,
            long earned, long spent, Instant now) {
        long amount = posting.amount();
        long inLots = Math.max(0, account.getBalance());
        if (!allowDebt && inLots < amount) {
            throw new PointsInsufficientException(account.getMemberId(), amount, account.getBalance());
        }
        move(account, -amount, earned, spent, 0, allowDebt ? NO_FLOOR : 0, null, now);
        PointsEntry entry = append(account, -amount, posting, now);
        long toTake = Math.min(amount, inLots);
        for (PointsLot lot : spendableOrder(account.getMemberId(), firstLotOf, now)) {
            if (toTake == 0) {
                break;
            }
            long take = Math.min(lot.getRemaining(), toTake);
            takeFromLot(lot.getId(), take);
            draws.insert(PointsLotDraw.of(entry.getId(), lot.getId(), take));
            toTake -= take;
        }
        if (toTake != 0) {
            throw new IllegalStateException("Lots of member " + account.getMemberId() + " hold fewer points than the balance");
        }
        return entry;
    }

    /**
     * Brings a deleted member's balance to zero with one WRITE_OFF row and closes the account: what is in the
     * lots is taken from them (so no lot keeps points), a debt is forgiven without a lot. Answers the row, or
     * null when the balance was already zero. The account stays closed from then on.
     */
    public PointsEntry writeOffAndClose(long memberId, Instant now) {
        PointsAccount account = lock(memberId, now);
        long balance = account.getBalance();
        PointsEntry entry = null;
        if (balance != 0) {
            PointsPosting writeOff = new PointsPosting(Math.abs(balance), PointsEntryType.WRITE_OFF, PointsSource.DELETION,
                    "write-off:member:" + memberId, "member:" + memberId, null, "注销账户");
            entry = balance > 0
                    ? debit(account, writeOff, false, null, 0, 0, now)
                    : credit(account, writeOff, null, 0, 0, now);
            // totals keep earned - spent - expired = balance: a write-off counts with what was written off
            accounts.move(memberId, 0, 0, 0, balance, NO_FLOOR, null, now);
        }
        accounts.close(memberId, now);
        accounts.recomputeNextExpiry(memberId);
        // an operator's reason for an adjustment is free text, and may name the person: erased with them
        entries.eraseOperatorRemarks(memberId);
        return entry;
    }

    private List<PointsLot> spendableOrder(long memberId, Long firstLotOf, Instant now) {
        List<PointsLot> ordered = new ArrayList<>(lots.spendable(memberId, now));
        if (firstLotOf != null) {
            ordered.stream().filter(lot -> lot.getEntryId().equals(firstLotOf)).findFirst().ifPresent(lot -> {
                ordered.remove(lot);
                ordered.add(0, lot);
            });
        }
        return ordered;
    }

    private void move(PointsAccount account, long delta, long earned, long spent, long expired, long floor,
            Instant lotExpiry, Instant now) {
        if (accounts.move(account.getMemberId(), delta, earned, spent, expired, floor, lotExpiry, now) != 1) {
            throw new PointsInsufficientException(account.getMemberId(), -delta, account.getBalance());
        }
        account.setBalance(account.getBalance() + delta);
        account.setTotalEarned(account.getTotalEarned() + earned);
        account.setTotalSpent(account.getTotalSpent() + spent);
        account.setTotalExpired(account.getTotalExpired() + expired);
    }

    private void takeFromLot(long lotId, long take) {
        if (lots.take(lotId, take) != 1) {
            throw new IllegalStateException("Lot " + lotId + " does not hold " + take + " points");
        }
    }

    private PointsEntry append(PointsAccount account, long delta, PointsPosting posting, Instant now) {
        PointsEntry entry = PointsEntry.of(account.getMemberId(), delta, account.getBalance(), posting, now);
        entries.append(entry);
        events.publishEvent(new PointsChanged(account.getMemberId(), entry.getId(), delta, account.getBalance(),
                posting.type(), posting.source()));
        return entry;
    }
}
