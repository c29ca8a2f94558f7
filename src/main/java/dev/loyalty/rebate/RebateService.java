package dev.loyalty.rebate;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.CounterService;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.rebate.internal.Rebate;
import dev.loyalty.rebate.internal.RebateMapper;
import dev.loyalty.rebate.internal.RebatePolicyVersion;
import dev.loyalty.rebate.internal.RebatePolicyVersionMapper;
import dev.loyalty.wallet.WalletEntryType;
import dev.loyalty.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebate settlement. One row per member and period (unique) is written first, as PENDING; crediting it
 * (wallet bonus or points, keyed by the rebate's id) then marks it CREDITED. Settling a period again
 * writes nothing new and only finishes credits a crash interrupted, so it is exact however often it runs.
 */
@Service
public class RebateService implements Job {

    private static final Logger log = LoggerFactory.getLogger(RebateService.class);

    private final RebateMapper rebates;
    private final RebatePolicyVersionMapper policies;
    private final CounterService counter;
    private final WalletService wallets;
    private final PointsService points;
    private final AuditTrail audit;
    private final JobLock jobLock;
    private final JsonMapper json;
    private final Clock clock;
    private final JobSwitch jobSwitch;
    private final TransactionTemplate tx;

    private final MemberService members;

    RebateService(RebateMapper rebates, RebatePolicyVersionMapper policies, CounterService counter, WalletService wallets,
            PointsService points, AuditTrail audit, JobLock jobLock, JsonMapper json, Clock clock,
            JobSwitch jobSwitch, PlatformTransactionManager transactions, MemberService members) {
        this.members = members;
        this.rebates = rebates;
        this.policies = policies;
        this.counter = counter;
        this.wallets = wallets;
        this.points = points;
        this.audit = audit;
        this.jobLock = jobLock;
        this.json = json;
        this.clock = clock;
        this.jobSwitch = jobSwitch;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The policy as operators last set it (the newest version). */
    @Transactional(readOnly = true)
    public RebatePolicyView policy() {
        return toView(policies.current());
    }

    /** Every version of the policy, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<RebatePolicyView> policyVersions(Page<RebatePolicyVersion> page) {
        return PageResponse.from(policies.selectPage(page, new LambdaQueryWrapper<RebatePolicyVersion>()
                .orderByDesc(RebatePolicyVersion::getVersion)), this::toView);
    }

    /** The version in force at the end of {@code period}: the one its settlement applies, whatever changed later. */
    RebatePolicyView policyAtEndOf(Period period) {
        RebatePolicyVersion version = policies.inForceAt(period.to(clock.getZone()));
        if (version == null) {
            throw new InvalidRequestException("period", "no rebate policy was in force when " + period.name() + " ended");
        }
        return toView(version);
    }

    /**
     * Writes the change as a new version, in force from now: periods that end later are settled with it, those
     * that ended before keep the version they ended under. Two changes at once get consecutive versions.
     */
    public RebatePolicyView changePolicy(RebatePolicyView change) {
        check(change);
        String tiers = json.writeValueAsString(change.tiers().stream()
                .sorted(Comparator.comparingLong(RebatePolicyView.Tier::thresholdCents)).toList());
        return RaceRetry.onRace("rebate policy change", () -> tx.execute(status -> {
            RebatePolicyVersion current = policies.current();
            RebatePolicyVersion next = new RebatePolicyVersion();
            next.setVersion(current == null ? 1 : current.getVersion() + 1);
            next.setPeriodType(change.periodType().name());
            next.setCreditAs(change.creditAs().name());
            next.setAutoApprove(change.autoApprove());
            next.setTiers(tiers);
            next.setMaxCents(change.maxCents());
            next.setExpiresDays(change.expiresDays());
            next.setRemindWithinCents(change.remindWithinCents());
            next.setRemindDaysBefore(change.remindDaysBefore());
            next.setEffectiveFrom(clock.instant());
            next.setCreatedAt(clock.instant());
            policies.add(next);
            RebatePolicyView after = toView(next);
            audit.record("REBATE_POLICY_CHANGED", "rebate-policy", current == null ? null : toView(current), after);
            return after;
        }));
    }

    private static void check(RebatePolicyView change) {
        Set<Long> thresholds = new HashSet<>();
        for (RebatePolicyView.Tier tier : change.tiers()) {
            if (!thresholds.add(tier.thresholdCents())) {
                throw new InvalidRequestException("tiers", "two tiers start at " + tier.thresholdCents() + " cents");
            }
        }
        if (change.maxCents() != null && change.maxCents() < 1) {
            throw new InvalidRequestException("maxCents", "must be at least 1 (or absent: no cap)");
        }
        if (change.expiresDays() != null && (change.expiresDays() < 1 || change.expiresDays() > 3650)) {
            throw new InvalidRequestException("expiresDays", "must be between 1 and 3650 (or absent: never)");
        }
        if (change.remindWithinCents() != null && change.remindWithinCents() < 1) {
            throw new InvalidRequestException("remindWithinCents", "must be at least 1 (or absent: no reminders)");
        }
        if (change.remindDaysBefore() != null && (change.remindDaysBefore() < 1 || change.remindDaysBefore() > 90)) {
            throw new InvalidRequestException("remindDaysBefore", "must be between 1 and 90 (or absent: no reminders)");
        }
        if ((change.remindWithinCents() == null) != (change.remindDaysBefore() == null)) {
            throw new InvalidRequestException(change.remindWithinCents() == null ? "remindWithinCents" : "remindDaysBefore",
                    "reminders need both remindWithinCents and remindDaysBefore (or neither)");
        }
    }

    /**
     * Settles a period that has ended with the policy version in force at its end (its period type, tiers,
     * cap, crediting and auto-approval): answers how many rebates this run wrote, and the period's total.
     */
    public Settlement settle(String periodName) {
        Period period = Period.parse(periodName);
        if (LocalDate.now(clock).isBefore(period.afterLast())) {
            throw new InvalidRequestException("period", periodName + " has not ended yet");
        }
        RebatePolicyView policy = policyAtEndOf(period);
        if (period.isMonth() != (policy.periodType() == RebatePolicyView.PeriodType.MONTH)) {
            throw new InvalidRequestException("period", "the policy in force when " + period.name()
                    + " ended (version " + policy.version() + ") settles by " + policy.periodType());
        }
        Map<Long, Long> spend = counter.netSpendBetween(period.from(clock.getZone()), period.to(clock.getZone()));
        Set<Long> deleted = members.deletedAmong(spend.keySet());
        int written = 0;
        for (Map.Entry<Long, Long> member : spend.entrySet()) {
            var tier = policy.tierFor(member.getValue());
            if (tier.isEmpty()) {
                continue;
            }
            long uncapped = RebatePolicyView.uncapped(member.getValue(), tier.get());
            long cents = policy.capped(uncapped);
            if (cents <= 0) {
                continue;
            }
            Rebate rebate = new Rebate();
            rebate.setMemberId(member.getKey());
            rebate.setPeriod(period.name());
            rebate.setSpentCents(member.getValue());
            rebate.setRatePercent(tier.get().ratePercent());
            rebate.setRebateCents(cents);
            rebate.setCreditAs(policy.creditAs().name());
            rebate.setStatus("PENDING");
            if (deleted.contains(member.getKey())) {
                rebate.setStatus("REJECTED");
                rebate.setRejectReason(MEMBER_DELETED);
                rebate.setRejectedAt(clock.instant());
            }
            rebate.setPolicyVersion(policy.version());
            rebate.setCapped(cents < uncapped);
            rebate.setCreatedAt(clock.instant());
            try {
                rebates.insert(rebate);
                written++;
            } catch (DuplicateKeyException settledBefore) {
                continue;
            }
        }
        if (policy.autoApprove()) {
            for (Rebate pending : rebates.selectList(new LambdaQueryWrapper<Rebate>()
                    .eq(Rebate::getPeriod, period.name()).eq(Rebate::getStatus, "PENDING"))) {
                try {
                    tx.executeWithoutResult(status -> credit(locked(pending.getId())));
                } catch (RuntimeException e) {
                    log.warn("Rebate {} stays PENDING, crediting failed: {}", pending.getId(), e.toString());
                }
            }
        }
        Settlement settlement = new Settlement(period.name(), written, rebates.totalOf(period.name()));
        if (written > 0) {
            tx.executeWithoutResult(status -> audit.record("REBATE_SETTLED", "rebate-period:" + period.name(), null, settlement));
        }
        return settlement;
    }

    /** The reason on the rebates of a member who deleted their account. */
    public static final String MEMBER_DELETED = "member deleted";

    /**
     * Inside a member's deletion: their PENDING rebates become REJECTED ("member deleted"), so nothing is
     * credited to a deleted account. Answers how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int rejectPendingOfDeletedMember(long memberId) {
        int rejected = 0;
        for (Rebate pending : rebates.selectList(new LambdaQueryWrapper<Rebate>().eq(Rebate::getMemberId, memberId)
                .eq(Rebate::getStatus, "PENDING"))) {
            rejected += rebates.markRejected(pending.getId(), MEMBER_DELETED, clock.instant());
        }
        return rejected;
    }

    /** Every rebate settled for the member, oldest first. */
    @Transactional(readOnly = true)
    public List<RebateView> rebatesOf(long memberId) {
        return rebates.selectList(new LambdaQueryWrapper<Rebate>().eq(Rebate::getMemberId, memberId)
                .orderByAsc(Rebate::getId)).stream().map(RebateService::toView).toList();
    }

    /** An operator approves a pending rebate: it is credited now; approving it again answers it as it is. */
    public RebateView approve(long rebateId) {
        tx.executeWithoutResult(status -> {
            Rebate rebate = locked(rebateId);
            if ("REJECTED".equals(rebate.getStatus())) {
                throw new RebateNotPendingException(rebateId, rebate.getStatus());
            }
            if (credit(rebate)) {
                audit.record("REBATE_APPROVED", "rebate:" + rebateId, Map.of("status", "PENDING"),
                        Map.of("status", "CREDITED", "rebateCents", rebate.getRebateCents()));
            }
        });
        return toView(rebates.selectById(rebateId));
    }

    /**
     * An operator rejects a pending rebate, with a reason: nothing is credited. A credited rebate cannot be
     * rejected ({@code REBATE_NOT_PENDING}); rejecting a rejected one again answers it as it is.
     */
    public RebateView reject(long rebateId, String reason) {
        tx.executeWithoutResult(status -> {
            Rebate rebate = locked(rebateId);
            if ("CREDITED".equals(rebate.getStatus())) {
                throw new RebateNotPendingException(rebateId, rebate.getStatus());
            }
            if (rebates.markRejected(rebateId, reason, clock.instant()) == 1) {
                audit.record("REBATE_REJECTED", "rebate:" + rebateId, Map.of("status", "PENDING"),
                        Map.of("status", "REJECTED", "reason", reason));
            }
        });
        return toView(rebates.selectById(rebateId));
    }

    private Rebate locked(long rebateId) {
        Rebate rebate = rebates.lock(rebateId);
        if (rebate == null) {
            throw new NotFoundException("Rebate", rebateId);
        }
        return rebate;
    }

    /** Rebates newest first, by status (PENDING, CREDITED) and period when given. */
    @Transactional(readOnly = true)
    public PageResponse<RebateView> rebates(String status, String period, Page<Rebate> page) {
        return PageResponse.from(rebates.selectPage(page, new LambdaQueryWrapper<Rebate>()
                .eq(status != null, Rebate::getStatus, status)
                .eq(period != null, Rebate::getPeriod, period)
                .orderByDesc(Rebate::getId)), RebateService::toView);
    }

    /** What was settled (in one period, or in all): counts and sums, pending and credited apart. */
    @Transactional(readOnly = true)
    public Totals totals(String period) {
        long count = 0, spent = 0, rebate = 0, pendingCount = 0, pending = 0, credited = 0;
        for (Map<String, Object> row : rebates.selectMaps(new QueryWrapper<Rebate>()
                .select("status", "COUNT(*) AS n", "COALESCE(SUM(spent_cents), 0) AS spent",
                        "COALESCE(SUM(rebate_cents), 0) AS rebate")
                .eq(period != null, "period", period)
                .groupBy("status"))) {
            long n = number(row, "n");
            long cents = number(row, "rebate");
            count += n;
            spent += number(row, "spent");
            rebate += cents;
            String status = String.valueOf(value(row, "status"));
            if ("PENDING".equals(status)) {
                pendingCount += n;
                pending += cents;
            } else if ("CREDITED".equals(status)) {
                credited += cents;
            }
        }
        return new Totals(period, count, spent, rebate, pendingCount, pending, credited);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static long number(Map<String, Object> row, String column) {
        Object v = value(row, column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Rebates credited to members in [from, to), in cents. */
    @Transactional(readOnly = true)
    public long creditedCentsBetween(Instant from, Instant to) {
        return rebates.selectList(new LambdaQueryWrapper<Rebate>().select(Rebate::getRebateCents)
                        .eq(Rebate::getStatus, "CREDITED").ge(Rebate::getCreditedAt, from).lt(Rebate::getCreditedAt, to))
                .stream().mapToLong(Rebate::getRebateCents).sum();
    }

    @Transactional(readOnly = true)
    public MemberRebates forMember(long memberId) {
        RebatePolicyView policy = policy();
        Period current = Period.containing(LocalDate.now(clock), policy.periodType());
        long spent = counter.netSpendOf(memberId, current.from(clock.getZone()), current.to(clock.getZone()));
        int rate = policy.tierFor(spent).map(RebatePolicyView.Tier::ratePercent).orElse(0);
        MemberRebates.NextTier next = policy.nextTierAfter(spent)
                .map(t -> new MemberRebates.NextTier(t.thresholdCents(), t.ratePercent(), t.thresholdCents() - spent))
                .orElse(null);
        List<MemberRebates.History> history = new ArrayList<>();
        for (Rebate r : rebates.selectList(new LambdaQueryWrapper<Rebate>().eq(Rebate::getMemberId, memberId)
                .orderByDesc(Rebate::getId))) {
            history.add(new MemberRebates.History(r.getPeriod(), r.getSpentCents(), r.getRebateCents(), r.getStatus(),
                    RebatePolicyView.CreditAs.valueOf(r.getCreditAs())));
        }
        return new MemberRebates(current.name(), spent, rate, next, history);
    }

    @Override
    public String name() {
        return "rebate-settlement";
    }

    /** Settles the period before the current one (safe to run on every instance, and again). */
    @Override
    public long run() {
        return jobLock.runAlone(name(), () -> {
            RebatePolicyView policy = policy();
            Period current = Period.containing(LocalDate.now(clock), policy.periodType());
            return settle(Period.containing(current.first().minusDays(1), policy.periodType()).name()).settled();
        });
    }

    @Scheduled(cron = "${loyalty.rebates.settlement-cron:0 0 1 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    /** Credits a pending rebate (the caller holds its row lock); false when it was not pending. */
    private boolean credit(Rebate rebate) {
        if (!"PENDING".equals(rebate.getStatus())) {
            return false;
        }
        String key = "rebate:" + rebate.getId();
        if (RebatePolicyView.CreditAs.valueOf(rebate.getCreditAs()) == RebatePolicyView.CreditAs.WALLET) {
            wallets.creditBonus(rebate.getMemberId(), rebate.getRebateCents(), WalletEntryType.REBATE, key,
                    expiryOf(rebate));
        } else {
            long earned = rebate.getRebateCents() * points.rule().pointsPerYuan() / 100;
            if (earned > 0) {
                points.earn(new PointsMovement(rebate.getMemberId(), earned, PointsSource.REBATE, key,
                        "rebate:" + rebate.getPeriod(), "返点 " + rebate.getPeriod()));
            }
        }
        return rebates.markCredited(rebate.getId(), clock.instant()) == 1;
    }

    /** When a wallet credit of this rebate lapses: {@code expiresDays} of its policy version after now, or never. */
    private Instant expiryOf(Rebate rebate) {
        if (rebate.getPolicyVersion() == null) {
            return null;
        }
        RebatePolicyVersion version = policies.selectById(rebate.getPolicyVersion());
        return version == null || version.getExpiresDays() == null ? null
                : clock.instant().plus(Duration.ofDays(version.getExpiresDays()));
    }

    private static RebateView toView(Rebate r) {
        return new RebateView(r.getId(), r.getMemberId(), r.getPeriod(), r.getSpentCents(), r.getRatePercent(),
                r.getRebateCents(), r.getStatus(), RebatePolicyView.CreditAs.valueOf(r.getCreditAs()), r.getRejectReason(),
                r.getPolicyVersion(), Boolean.TRUE.equals(r.getCapped()));
    }

    private RebatePolicyView toView(RebatePolicyVersion v) {
        List<RebatePolicyView.Tier> tiers = json.readValue(v.getTiers(), new TypeReference<List<RebatePolicyView.Tier>>() { });
        return new RebatePolicyView(RebatePolicyView.PeriodType.valueOf(v.getPeriodType()),
                RebatePolicyView.CreditAs.valueOf(v.getCreditAs()), v.getAutoApprove(), tiers, v.getMaxCents(),
                v.getExpiresDays(), v.getRemindWithinCents(), v.getRemindDaysBefore(), v.getVersion(), v.getEffectiveFrom());
    }

    /**
     * A period's rebates by tier of the policy version in force at its end (each row counted under the tier its
     * spend reaches), by status, their total and how many the cap cut. Periods not settled report zeros.
     */
    @Transactional(readOnly = true)
    public RebateReport report(String periodName) {
        Period period = Period.parse(periodName);
        RebatePolicyView policy = policyAtEndOf(period);
        List<RebatePolicyView.Tier> tiers = policy.tiers().stream()
                .sorted(Comparator.comparingLong(RebatePolicyView.Tier::thresholdCents)).toList();
        long[][] byTier = new long[tiers.size()][3];
        Map<String, long[]> byStatus = new LinkedHashMap<>();
        for (String status : List.of("PENDING", "CREDITED", "REJECTED")) {
            byStatus.put(status, new long[2]);
        }
        long total = 0;
        long capped = 0;
        for (Rebate r : rebates.selectList(new LambdaQueryWrapper<Rebate>()
                .select(Rebate::getSpentCents, Rebate::getRebateCents, Rebate::getStatus, Rebate::getCapped)
                .eq(Rebate::getPeriod, period.name()))) {
            total += r.getRebateCents();
            capped += Boolean.TRUE.equals(r.getCapped()) ? 1 : 0;
            long[] status = byStatus.computeIfAbsent(r.getStatus(), s -> new long[2]);
            status[0]++;
            status[1] += r.getRebateCents();
            policy.tierFor(r.getSpentCents()).ifPresent(tier -> {
                long[] line = byTier[tiers.indexOf(tier)];
                line[0]++;
                line[1] += r.getSpentCents();
                line[2] += r.getRebateCents();
            });
        }
        List<RebateReport.TierLine> tierLines = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            tierLines.add(new RebateReport.TierLine(tiers.get(i).thresholdCents(), tiers.get(i).ratePercent(),
                    byTier[i][0], byTier[i][1], byTier[i][2]));
        }
        List<RebateReport.StatusLine> statusLines = byStatus.entrySet().stream()
                .map(e -> new RebateReport.StatusLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new RebateReport(period.name(), policy.version(), tierLines, statusLines, total, capped);
    }

    /** Settled rebates: all of them, and the pending and credited parts. */
    public record Totals(String period, long count, long spentCents, long rebateCents, long pendingCount,
            long pendingCents, long creditedCents) {
    }

    public record Settlement(String period, long settled, long totalRebateCents) {
    }
}
