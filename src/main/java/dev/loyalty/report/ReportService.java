package dev.loyalty.report;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.counter.CounterService;
import dev.loyalty.coupon.CouponTemplates;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsFlows;
import dev.loyalty.points.PointsService;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.signin.SignInCount;
import dev.loyalty.signin.SignInService;
import dev.loyalty.wallet.WalletFlows;
import dev.loyalty.wallet.WalletService;
import dev.loyalty.wallet.WalletTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reports read the ledgers directly, over indexes that cover each sum (see V14): a window costs what
 * its own rows cost, and the liabilities are the accounts' balances less what was written after the
 * window, so neither grows with the length of the history before it.
 */
@Service
public class ReportService {

    /** The longest window a report answers, in days. */
    static final int MAX_DAYS = 366;

    private final MemberService members;
    private final PointsService points;
    private final WalletService wallets;
    private final CouponTemplates coupons;
    private final SignInService signIns;
    private final CounterService counter;
    private final RebateService rebates;
    private final Clock clock;

    ReportService(MemberService members, PointsService points, WalletService wallets, CouponTemplates coupons,
            SignInService signIns, CounterService counter, RebateService rebates, Clock clock) {
        this.members = members;
        this.points = points;
        this.wallets = wallets;
        this.coupons = coupons;
        this.signIns = signIns;
        this.counter = counter;
        this.rebates = rebates;
        this.clock = clock;
    }

    public Overview overview(LocalDate from, LocalDate to) {
        checkWindow(from, to);
        Instant start = startOf(from);
        Instant end = startOf(to.plusDays(1));
        Set<Long> active = new HashSet<>(signIns.membersActiveBetween(start, end));
        active.addAll(counter.membersBuyingBetween(start, end));
        SignInCount signedIn = signIns.signInsBetween(from, to);
        PointsFlows flows = points.flows(start, end);
        WalletTotals wallet = wallets.totalsAt(end);
        WalletFlows walletFlows = wallets.flows(start, end);
        return new Overview(from, to,
                members.countJoinedBefore(end),
                active.size(),
                signedIn.signIns(),
                signedIn.members(),
                rate(signedIn.members(), active.size()),
                flows.issued(),
                flows.redeemed(),
                flows.expired(),
                points.outstandingAt(end),
                rate(flows.expired(), flows.issued()),
                rate(flows.redeemed(), flows.issued()),
                coupons.countIssuedBetween(start, end),
                coupons.countUsedBetween(start, end),
                wallet.totalCents(),
                wallet.principalCents(),
                wallet.bonusCents(),
                walletFlows.topUpCents(),
                walletFlows.paidCents(),
                rebates.creditedCentsBetween(start, end));
    }

    public List<DailyRow> daily(LocalDate from, LocalDate to) {
        checkWindow(from, to);
        Map<LocalDate, Long> signInsPerDay = signIns.signInsPerDay(from, to);
        List<DailyRow> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant start = startOf(day);
            Instant end = startOf(day.plusDays(1));
            PointsFlows flows = points.flows(start, end);
            WalletFlows walletFlows = wallets.flows(start, end);
            rows.add(new DailyRow(day, signInsPerDay.getOrDefault(day, 0L), flows.issued(), flows.redeemed(),
                    flows.expired(), coupons.countIssuedBetween(start, end), coupons.countUsedBetween(start, end),
                    walletFlows.topUpCents(), walletFlows.paidCents()));
        }
        return rows;
    }

    /** The window a request names, or the 30 days ending today for what it leaves out. */
    Window window(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        return new Window(from != null ? from : end.minusDays(29), end);
    }

    record Window(LocalDate from, LocalDate to) {
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private static void checkWindow(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRequestException("to", "a report covers at most " + MAX_DAYS + " days");
        }
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
