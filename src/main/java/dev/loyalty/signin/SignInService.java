package dev.loyalty.signin;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.persistence.CachedValue;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.persistence.SharedCaches;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsResult;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.signin.internal.SignInRecord;
import dev.loyalty.signin.internal.SignInRecordMapper;
import dev.loyalty.signin.internal.SignInRule;
import dev.loyalty.signin.internal.SignInRuleMapper;
import dev.loyalty.signin.internal.SignInState;
import dev.loyalty.signin.internal.SignInStateMapper;
import dev.loyalty.signin.internal.StreakLeaderboard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily sign-in. MySQL is the system of record: one row per member and date (unique), and a state row per
 * member whose lock queues that member's sign-ins, so twenty taps at once give one sign-in and one award.
 * Redis only mirrors streaks for the leaderboard.
 */
@Service
public class SignInService {

    private static final int BOARD_SIZE = 50;
    private static final String RULE_CACHE = "sign-in-rule";
    private static final Duration RULE_CACHE_TTL = Duration.ofMinutes(1);

    private final SignInRecordMapper records;
    private final SignInStateMapper states;
    private final SignInRuleMapper rules;
    private final StreakLeaderboard board;
    private final PointsService points;
    private final MemberService members;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SharedCaches caches;
    private final CachedValue<SignInRuleView> ruleCache;

    SignInService(SignInRecordMapper records, SignInStateMapper states, SignInRuleMapper rules, StreakLeaderboard board,
            PointsService points, MemberService members, AuditTrail audit, ApplicationEventPublisher events,
            JsonMapper json, Clock clock, PlatformTransactionManager transactions, SharedCaches caches) {
        this.records = records;
        this.states = states;
        this.rules = rules;
        this.board = board;
        this.points = points;
        this.members = members;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.caches = caches;
        this.ruleCache = caches.value(RULE_CACHE, RULE_CACHE_TTL, () -> toView(rules.selectById(SignInRule.ID)));
    }

    /** Sign-ins on days from..to (makeups are not visits and are not counted), and how many members made them. */
    @Transactional(readOnly = true)
    public SignInCount signInsBetween(LocalDate from, LocalDate to) {
        Map<String, Number> row = records.countBetween(from, to);
        return new SignInCount(longOf(row, "sign_ins"), longOf(row, "members"));
    }

    /** Sign-ins per day from..to, makeups not counted; days without any are absent. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> signInsPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        records.countPerDay(from, to).forEach(d -> perDay.put(d.getSignDate(), d.getSignIns()));
        return perDay;
    }

    /** Members who signed in or made up a day in [from, to). */
    @Transactional(readOnly = true)
    public Set<Long> membersActiveBetween(Instant from, Instant to) {
        return new HashSet<>(records.membersWritingBetween(from, to));
    }

    /**
     * When each of these members wrote a sign-in in [from, to), makeups too (opening the app to make one up is
     * a visit); members who wrote none are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Instant>> visitsBetween(Collection<Long> memberIds, Instant from, Instant to) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Instant>> visits = new HashMap<>();
        records.selectList(new LambdaQueryWrapper<SignInRecord>()
                        .select(SignInRecord::getMemberId, SignInRecord::getCreatedAt)
                        .in(SignInRecord::getMemberId, memberIds)
                        .ge(SignInRecord::getCreatedAt, from).lt(SignInRecord::getCreatedAt, to))
                .forEach(r -> visits.computeIfAbsent(r.getMemberId(), m -> new ArrayList<>()).add(r.getCreatedAt()));
        return visits;
    }

    /** The last day each of these members signed in; members who never did are absent. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastSignInDates(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate> last = new HashMap<>();
        states.selectList(new LambdaQueryWrapper<SignInState>().in(SignInState::getMemberId, memberIds)
                        .isNotNull(SignInState::getLastDate))
                .forEach(state -> last.put(state.getMemberId(), state.getLastDate()));
        return last;
    }

    private static long longOf(Map<String, Number> row, String column) {
        Number value = row == null ? null : row.get(column);
        return value == null ? 0 : value.longValue();
    }

    /**
     * Signs the member in for today; every later call today answers the first result. The state row's
     * lock queues a member's taps, and the state tells whether today is done (no read before the lock: a
     * first sign-in of the day is the common call); the unique (member, date) key decides if two first
     * taps race.
     */
    public SignInResult signIn(long memberId) {
        LocalDate today = LocalDate.now(clock);
        return RaceRetry.onRace("sign-in", () -> tx.execute(status -> signInLocked(memberId, today)),
                raceLost -> records.find(memberId, today).map(SignInService::already));
    }

    /**
     * Locks the member's state row until the transaction ends, creating it on first use (the new row is
     * locked by its insert). A first use that races another fails with a duplicate key.
     */
    private SignInState lockState(long memberId) {
        SignInState state = states.selectForUpdate(memberId);
        if (state != null) {
            return state;
        }
        SignInState fresh = SignInState.fresh(memberId);
        states.add(fresh);
        return fresh;
    }

    private SignInResult signInLocked(long memberId, LocalDate today) {
        SignInState state = lockState(memberId);
        if (today.equals(state.getLastDate())) {
            return already(records.find(memberId, today).orElseThrow());
        }
        int streak = today.minusDays(1).equals(state.getLastDate()) ? state.getStreak() + 1 : 1;
        MemberService.AwardProfile awardee = members.awardProfile(memberId);
        Reward reward = reward(ruleCache.get(), awardee.multiplierPercent(), streak, false);
        SignInRecord record = SignInRecord.of(memberId, today, streak, reward.points(), reward.bonus(), false, 0,
                clock.instant());
        record.setPointsEntryId(award(memberId, today, reward.points(), "签到第" + streak + "天"));
        records.add(record);
        giveBirthdayGift(memberId, awardee.birthday(), today);
        members.addGrowth(memberId, 1);
        if (state.getLastDate() == null || today.isAfter(state.getLastDate())) {
            states.advance(memberId, today, streak);
        }
        events.publishEvent(new SignedIn(memberId, today, streak, reward.points(), false));
        afterCommit(() -> board.record(memberId, today, streak));
        return new SignInResult(today, streak, reward.points(), reward.bonus(), false);
    }

    /**
     * Makes up a missed date of this month within the window, paying {@code costPoints} in the same
     * transaction. It earns the base points only, and joins the runs on either side into one streak.
     */
    public SignInResult makeup(long memberId, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        SignInRuleView rule = ruleCache.get();
        SignInRuleView.Makeup makeup = rule.makeup();
        if (!makeup.enabled()) {
            throw new MakeupNotAllowedException("Makeup sign-in is switched off");
        }
        if (!date.isBefore(today)) {
            throw new MakeupNotAllowedException("Only a past date can be made up; sign in for today instead");
        }
        if (date.isBefore(today.minusDays(makeup.windowDays()))) {
            throw new MakeupNotAllowedException("Only the last " + makeup.windowDays() + " days can be made up");
        }
        if (!YearMonth.from(date).equals(YearMonth.from(today))) {
            throw new MakeupNotAllowedException("Only dates of the current month can be made up");
        }
        return RaceRetry.onRace("makeup sign-in",
                () -> Objects.requireNonNull(tx.execute(status -> makeupLocked(memberId, date, today, rule))));
    }

    private SignInResult makeupLocked(long memberId, LocalDate date, LocalDate today, SignInRuleView rule) {
        SignInRuleView.Makeup makeup = rule.makeup();
        Set<LocalDate> renumbered = new HashSet<>();
        SignInState state = lockState(memberId);
        Optional<SignInRecord> existing = records.find(memberId, date);
        if (existing.isPresent()) {
            if (Boolean.TRUE.equals(existing.get().getMakeup())) {
                return already(existing.get());
            }
            throw new MakeupNotAllowedException(date + " is already signed in");
        }
        YearMonth month = YearMonth.from(today);
        if (records.makeupsBetween(memberId, month.atDay(1), month.atEndOfMonth()) >= makeup.monthlyLimit()) {
            throw new MakeupLimitReachedException(makeup.monthlyLimit());
        }
        if (makeup.costPoints() > 0) {
            points.spend(new PointsMovement(memberId, makeup.costPoints(), PointsSource.MAKEUP_SIGN_IN,
                    "signin-makeup-cost:" + memberId + ":" + date, "signin:" + date, "补签 " + date));
        }
        int streak = records.find(memberId, date.minusDays(1)).map(r -> r.getStreak() + 1).orElse(1);
        Reward reward = reward(rule, members.pointsMultiplierPercent(memberId), streak, true);
        SignInRecord record = SignInRecord.of(memberId, date, streak, reward.points(), 0, true, makeup.costPoints(),
                clock.instant());
        record.setPointsEntryId(award(memberId, date, reward.points(), "补签 " + date));
        records.add(record);
        members.addGrowth(memberId, 1);
        int lastStreak = renumberRunAfter(memberId, date, streak, today, renumbered);
        LocalDate runEnd = date.plusDays(renumbered.size());
        LocalDate lastDate = state.getLastDate();
        int streakAtLast = state.getStreak();
        if (lastDate == null || !runEnd.isBefore(lastDate)) {
            lastDate = runEnd;
            streakAtLast = lastStreak;
            states.advance(memberId, lastDate, streakAtLast);
        }
        events.publishEvent(new SignedIn(memberId, date, streak, reward.points(), true));
        afterCommit(() -> board.forget(List.of(today, today.minusDays(1))));
        return new SignInResult(date, currentStreak(lastDate, streakAtLast, today), reward.points(), 0, false);
    }

    /** The member's sign-ins after {@code afterId}, oldest first, at most {@code limit}: for paging through all. */
    @Transactional(readOnly = true)
    public List<SignInLine> signInsAfter(long memberId, long afterId, int limit) {
        return records.selectList(new LambdaQueryWrapper<SignInRecord>()
                        .eq(SignInRecord::getMemberId, memberId).gt(SignInRecord::getId, afterId)
                        .orderByAsc(SignInRecord::getId).last("LIMIT " + limit)).stream()
                .map(r -> new SignInLine(r.getId(), r.getSignDate(), r.getStreak(), r.getPoints(), r.getBonusPoints(),
                        Boolean.TRUE.equals(r.getMakeup()), r.getMakeupCost() == null ? 0 : r.getMakeupCost(),
                        r.getPointsEntryId(), r.getCreatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public SignInStatus status(long memberId) {
        LocalDate today = LocalDate.now(clock);
        SignInState state = states.selectById(memberId);
        if (state == null || state.getLastDate() == null) {
            return new SignInStatus(false, 0);
        }
        return new SignInStatus(today.equals(state.getLastDate()),
                currentStreak(state.getLastDate(), state.getStreak(), today));
    }

    @Transactional(readOnly = true)
    public SignInCalendar calendar(long memberId, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, SignInRecord> signed = records.between(memberId, month.atDay(1), month.atEndOfMonth()).stream()
                .collect(Collectors.toMap(SignInRecord::getSignDate, Function.identity()));
        List<SignInCalendar.Day> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            SignInRecord record = signed.get(day);
            days.add(record == null
                    ? new SignInCalendar.Day(day, false, false, 0)
                    : new SignInCalendar.Day(day, true, Boolean.TRUE.equals(record.getMakeup()), record.getPoints()));
        }
        SignInStatus status = status(memberId);
        SignInRuleView rule = ruleCache.get();
        int makeupLeft = 0;
        if (month.equals(YearMonth.from(today)) && rule.makeup().enabled()) {
            long used = records.makeupsBetween(memberId, month.atDay(1), month.atEndOfMonth());
            makeupLeft = (int) Math.max(0, rule.makeup().monthlyLimit() - used);
        }
        int nextDay = status.streak() + 1;
        return new SignInCalendar(month.toString(), days, status.streak(), status.signedToday(), makeupLeft,
                new SignInCalendar.NextReward(nextDay, reward(rule, members.pointsMultiplierPercent(memberId), nextDay, false).points()),
                rule.makeup().costPoints(), makeupFrom(rule.makeup(), today));
    }

    /** The earliest day a makeup may fill today: within the window and this month; null when makeups are off. */
    private static LocalDate makeupFrom(SignInRuleView.Makeup makeup, LocalDate today) {
        if (!makeup.enabled()) {
            return null;
        }
        LocalDate windowStart = today.minusDays(makeup.windowDays());
        LocalDate monthStart = today.withDayOfMonth(1);
        return windowStart.isAfter(monthStart) ? windowStart : monthStart;
    }

    public Leaderboard streakLeaderboard(long memberId) {
        LocalDate today = LocalDate.now(clock);
        var top = board.top(today, BOARD_SIZE);
        Map<Long, String> nicknames = members.nicknames(top.stream().map(e -> e.getValue()).toList());
        List<Leaderboard.Entry> items = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            long id = top.get(i).getValue();
            items.add(new Leaderboard.Entry(i + 1, id, nicknames.get(id), top.get(i).getScore().longValue()));
        }
        return new Leaderboard(items, new Leaderboard.MyRank(board.rankOf(today, memberId), status(memberId).streak()));
    }

    public SignInRuleView rule() {
        return ruleCache.get();
    }

    /** Changes the rule; it applies from the next sign-in, and past sign-ins keep what they earned. */
    @Transactional
    public SignInRuleView changeRule(SignInRuleView change) {
        validate(change);
        SignInRule rule = rules.selectById(SignInRule.ID);
        SignInRuleView before = toView(rule);
        rule.setBasePoints(change.basePoints());
        rule.setCycleDays(change.cycleDays());
        rule.setStreakBonuses(json.writeValueAsString(change.streakBonuses()));
        rule.setMakeupEnabled(change.makeup().enabled());
        rule.setMakeupWindowDays(change.makeup().windowDays());
        rule.setMakeupMonthlyLimit(change.makeup().monthlyLimit());
        rule.setMakeupCostPoints(change.makeup().costPoints());
        rule.setBirthdayBonusPoints(change.birthdayBonusPoints());
        rule.setUpdatedAt(clock.instant());
        if (rules.updateById(rule) != 1) {
            throw new IllegalStateException("The sign-in rule changed concurrently; try again");
        }
        audit.record("SIGN_IN_RULE_CHANGED", "sign-in-rule", before, change);
        caches.changed(RULE_CACHE);
        return toView(rule);
    }

    /**
     * On the member's birthday (29 February counts on the 28th in other years) the first sign-in earns the
     * birthday bonus; the birthday can be set only once, so this happens at most once a year.
     */
    private void giveBirthdayGift(long memberId, LocalDate birthday, LocalDate today) {
        long bonus = ruleCache.get().birthdayBonusPoints();
        if (bonus <= 0 || birthday == null) {
            return;
        }
        MonthDay day = MonthDay.from(birthday);
        if (day.isValidYear(today.getYear()) ? day.atYear(today.getYear()).equals(today)
                : today.equals(LocalDate.of(today.getYear(), 2, 28))) {
            points.earn(new PointsMovement(memberId, bonus, PointsSource.BIRTHDAY, "birthday:" + memberId + ":" + today.getYear(),
                    "birthday:" + today.getYear(), "生日礼"));
        }
    }

    private Long award(long memberId, LocalDate date, long amount, String remark) {
        if (amount <= 0) {
            return null;
        }
        PointsResult earned = points.earn(new PointsMovement(memberId, amount, PointsSource.SIGN_IN,
                "signin:" + memberId + ":" + date, "signin:" + date, remark));
        return earned.entryId();
    }

    /** Renumbers the records that follow {@code date} without a gap; answers the streak at the end of that run. */
    private int renumberRunAfter(long memberId, LocalDate date, int streak, LocalDate today, Set<LocalDate> renumbered) {
        int current = streak;
        LocalDate expected = date.plusDays(1);
        for (SignInRecord next : records.between(memberId, expected, today)) {
            if (!next.getSignDate().equals(expected)) {
                break;
            }
            current++;
            records.renumber(next.getId(), current);
            renumbered.add(expected);
            expected = expected.plusDays(1);
        }
        return current;
    }

    private Reward reward(SignInRuleView rule, int multiplier, int streak, boolean makeup) {
        long bonus = makeup ? 0 : rule.bonusFor(streak);
        long total = (rule.basePoints() + bonus) * multiplier / 100;
        long basePart = rule.basePoints() * multiplier / 100;
        return new Reward(total, total - basePart);
    }

    private static int currentStreak(LocalDate lastDate, int streak, LocalDate today) {
        return lastDate.equals(today) || lastDate.equals(today.minusDays(1)) ? streak : 0;
    }

    private static SignInResult already(SignInRecord record) {
        return new SignInResult(record.getSignDate(), record.getStreak(), record.getPoints(), record.getBonusPoints(), true);
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static void validate(SignInRuleView rule) {
        Set<Integer> days = new HashSet<>();
        for (SignInRuleView.StreakBonus bonus : rule.streakBonuses()) {
            if (bonus.day() < 1 || bonus.day() > rule.cycleDays()) {
                throw new InvalidRequestException("streakBonuses", "bonus day " + bonus.day() + " is outside the cycle of "
                        + rule.cycleDays() + " days");
            }
            if (!days.add(bonus.day())) {
                throw new InvalidRequestException("streakBonuses", "day " + bonus.day() + " has two bonuses");
            }
        }
    }

    private SignInRuleView toView(SignInRule rule) {
        List<SignInRuleView.StreakBonus> bonuses = json.readValue(rule.getStreakBonuses(),
                new TypeReference<List<SignInRuleView.StreakBonus>>() { });
        return new SignInRuleView(rule.getBasePoints(), rule.getCycleDays(), bonuses,
                new SignInRuleView.Makeup(rule.getMakeupEnabled(), rule.getMakeupWindowDays(),
                        rule.getMakeupMonthlyLimit(), rule.getMakeupCostPoints()), rule.getBirthdayBonusPoints());
    }

    private record Reward(long points, long bonus) {
    }
}
