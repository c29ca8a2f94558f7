package dev.loyalty.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.points.PointsInsufficientException;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.Api;
import dev.loyalty.support.Actors;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Streaks, rewards and makeups, driven day by day by the app's clock. */
class SignInTest extends IntegrationTest {

    static final SignInRuleView DEFAULT_RULE = new SignInRuleView(5, 7,
            List.of(new SignInRuleView.StreakBonus(3, 10), new SignInRuleView.StreakBonus(7, 30)),
            new SignInRuleView.Makeup(true, 7, 2, 20), 0);

    @Autowired
    SignInService signIns;

    @Autowired
    PointsService points;

    long member;

    @BeforeEach
    void newMember() {
        member = memberId(unique("streak"));
        Actors.asAdmin(() -> signIns.changeRule(DEFAULT_RULE));
    }

    @AfterEach
    void restoreRule() {
        Actors.asAdmin(() -> signIns.changeRule(DEFAULT_RULE));
    }

    @Test
    void theStreakGrowsAcrossMonthAndYearEndsAndAGapResetsIt() {
        assertThat(signInOn(LocalDate.of(2030, 12, 30)).streak()).isEqualTo(1);
        assertThat(signInOn(LocalDate.of(2030, 12, 31)).streak()).isEqualTo(2);
        assertThat(signInOn(LocalDate.of(2031, 1, 1)).streak()).isEqualTo(3);
        assertThat(signInOn(LocalDate.of(2031, 1, 3)).streak()).as("1 January to 3 January has a gap").isEqualTo(1);
        assertThat(signInOn(LocalDate.of(2031, 1, 4)).streak()).isEqualTo(2);
    }

    @Test
    void cycleBonusesRepeatEveryCycle() {
        LocalDate start = LocalDate.of(2031, 3, 1);
        long[] expected = {5, 5, 15, 5, 5, 5, 35, 5, 5, 15, 5, 5, 5, 35};
        for (int day = 0; day < expected.length; day++) {
            SignInResult result = signInOn(start.plusDays(day));
            assertThat(result.streak()).isEqualTo(day + 1);
            assertThat(result.points()).as("points on streak day %d", day + 1).isEqualTo(expected[day]);
        }
        assertThat(signIns.calendar(member, java.time.YearMonth.of(2031, 3)).days().get(2).points()).isEqualTo(15);
    }

    @Test
    void aRuleChangeAppliesFromTheNextSignInAndThePastKeepsWhatItEarned() {
        signInOn(LocalDate.of(2031, 4, 1));
        signInOn(LocalDate.of(2031, 4, 2));
        Actors.asAdmin(() -> signIns.changeRule(new SignInRuleView(8, 7, DEFAULT_RULE.streakBonuses(), DEFAULT_RULE.makeup(), 0)));

        SignInResult third = signInOn(LocalDate.of(2031, 4, 3));

        assertThat(third.points()).isEqualTo(18);
        assertThat(third.bonusPoints()).isEqualTo(10);
        List<SignInCalendar.Day> days = signIns.calendar(member, java.time.YearMonth.of(2031, 4)).days();
        assertThat(days.subList(0, 3)).extracting(SignInCalendar.Day::points).containsExactly(5L, 5L, 18L);
    }

    @Test
    void aSecondSignInTheSameDayAnswersTheFirstAndAwardsNothing() {
        clock.pinAt(LocalDate.of(2031, 5, 10));
        Api me = api.as(loginMember(openidCode()));

        Api.Response first = me.post("/api/app/sign-ins", null);
        Api.Response second = me.post("/api/app/sign-ins", null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("alreadySignedIn").asBoolean()).isFalse();
        assertThat(first.json().path("date").asString()).isEqualTo("2031-05-10");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("alreadySignedIn").asBoolean()).isTrue();
        assertThat(second.json().path("points").asLong()).isEqualTo(first.json().path("points").asLong());
        assertThat(ledgerRows()).isEqualTo(1);
        JsonNode status = me.get("/api/app/me").json().path("signIn");
        assertThat(status.path("signedToday").asBoolean()).isTrue();
        assertThat(status.path("streak").asInt()).isEqualTo(1);
    }

    @Test
    void aMakeupJoinsTwoRunsAndCostsPoints() {
        signInOn(LocalDate.of(2031, 6, 10));
        signInOn(LocalDate.of(2031, 6, 11));
        signInOn(LocalDate.of(2031, 6, 13));
        signInOn(LocalDate.of(2031, 6, 14));
        assertThat(signIns.status(member).streak()).isEqualTo(2);

        SignInResult madeUp = signIns.makeup(member, LocalDate.of(2031, 6, 12));

        assertThat(madeUp.points()).as("base points only").isEqualTo(5);
        assertThat(madeUp.streak()).as("10th to 14th in one run").isEqualTo(5);
        assertThat(signIns.status(member).streak()).isEqualTo(5);
        SignInCalendar calendar = signIns.calendar(member, java.time.YearMonth.of(2031, 6));
        SignInCalendar.Day twelfth = calendar.days().get(11);
        assertThat(twelfth.signedIn()).isTrue();
        assertThat(twelfth.makeup()).isTrue();
        assertThat(calendar.makeupLeft()).isEqualTo(1);
        assertThat(calendar.makeupCostPoints()).isEqualTo(20);
        assertThat(calendar.makeupFrom()).as("7 days back from the 14th, within June").isEqualTo(LocalDate.of(2031, 6, 7));
        assertThat(jdbc.queryForObject("SELECT balance FROM points_account WHERE member_id = ?", Long.class, member))
                .as("four sign-ins of 5, the makeup's 5, minus its cost of 20").isEqualTo(5);
        assertThat(signInOn(LocalDate.of(2031, 6, 15)).streak()).isEqualTo(6);
    }

    @Test
    void aMakeupBeforeAnOlderRunAnswersTheLiveStreak() {
        clock.pinAt(LocalDate.of(2031, 6, 1));
        points.earn(new PointsMovement(member, 100, PointsSource.ADMIN, member + ":makeup-fund", null, null));
        signInOn(LocalDate.of(2031, 6, 5));
        signInOn(LocalDate.of(2031, 6, 6));
        signInOn(LocalDate.of(2031, 6, 10));

        SignInResult madeUp = signIns.makeup(member, LocalDate.of(2031, 6, 4));

        assertThat(madeUp.streak()).as("today's run is one day long").isEqualTo(1);
        assertThat(signIns.status(member).streak()).isEqualTo(1);
        assertThat(signIns.calendar(member, java.time.YearMonth.of(2031, 6)).days().get(3).makeup()).isTrue();
    }

    @Test
    void theFirstSignInOnTheBirthdayEarnsTheGiftOnceAYear() {
        Actors.asAdmin(() -> signIns.changeRule(new SignInRuleView(5, 7, DEFAULT_RULE.streakBonuses(),
                DEFAULT_RULE.makeup(), 100)));
        clock.pinAt(LocalDate.of(2031, 11, 1));
        Api me = api.as(loginMember(openidCode()));
        me.patch("/api/app/me", Map.of("birthday", "1990-11-03"));

        signInOn(LocalDate.of(2031, 11, 2));
        signInOn(LocalDate.of(2031, 11, 3));
        signIns.signIn(member);

        assertThat(jdbc.queryForList("SELECT delta FROM points_entry WHERE member_id = ? AND source = 'BIRTHDAY'",
                Long.class, member)).containsExactly(100L);
        assertThat(me.patch("/api/app/me", Map.of("birthday", "1990-11-04")).json().path("errors").get(0)
                .path("field").asString()).isEqualTo("birthday");
    }

    @Test
    void makeupRefusesTodayTheFutureSignedDatesOtherMonthsAndOldDates() {
        signInOn(LocalDate.of(2031, 7, 1));
        clock.pinAt(LocalDate.of(2031, 7, 9));

        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 7, 9))).isInstanceOf(MakeupNotAllowedException.class);
        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 7, 10))).isInstanceOf(MakeupNotAllowedException.class);
        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 7, 1))).isInstanceOf(MakeupNotAllowedException.class);
        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 6, 30))).isInstanceOf(MakeupNotAllowedException.class);
        clock.pinAt(LocalDate.of(2031, 7, 20));
        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 7, 12)))
                .as("outside the 7-day window").isInstanceOf(MakeupNotAllowedException.class);
    }

    @Test
    void makeupPastTheMonthlyLimitIsRefused() {
        clock.pinAt(LocalDate.of(2031, 8, 1));
        points.earn(new PointsMovement(member, 100, PointsSource.ADMIN, member + ":gift", null, null));
        for (int day = 1; day <= 8; day++) {
            if (day != 3 && day != 5 && day != 6) {
                signInOn(LocalDate.of(2031, 8, day));
            }
        }
        signIns.makeup(member, LocalDate.of(2031, 8, 3));
        signIns.makeup(member, LocalDate.of(2031, 8, 5));

        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 8, 6)))
                .isInstanceOf(MakeupLimitReachedException.class)
                .extracting("code").isEqualTo("MAKEUP_LIMIT_REACHED");
    }

    @Test
    void aMakeupTheMemberCannotPayForChangesNothing() {
        signInOn(LocalDate.of(2031, 9, 1));
        clock.pinAt(LocalDate.of(2031, 9, 3));

        assertThatThrownBy(() -> signIns.makeup(member, LocalDate.of(2031, 9, 2)))
                .isInstanceOf(PointsInsufficientException.class);
        assertThat(signIns.calendar(member, java.time.YearMonth.of(2031, 9)).days().get(1).signedIn()).isFalse();
        assertThat(ledgerRows()).isEqualTo(1);
    }

    @Test
    void theCalendarOverHttpShowsTheMonthStreakMakeupsLeftAndNextReward() {
        signInOn(LocalDate.of(2031, 10, 1));
        clock.pinAt(LocalDate.of(2031, 10, 2));
        Api me = api.as(loginMember(openidCode()));
        me.post("/api/app/sign-ins", null);

        JsonNode calendar = me.get("/api/app/sign-ins/calendar?month=2031-10").json();

        assertThat(calendar.path("month").asString()).isEqualTo("2031-10");
        assertThat(calendar.path("days").size()).isEqualTo(31);
        assertThat(calendar.path("days").get(0).path("signedIn").asBoolean()).isTrue();
        assertThat(calendar.path("days").get(0).path("points").asLong()).isEqualTo(5);
        assertThat(calendar.path("days").get(2).path("signedIn").asBoolean()).isFalse();
        assertThat(calendar.path("streak").asInt()).isEqualTo(2);
        assertThat(calendar.path("signedToday").asBoolean()).isTrue();
        assertThat(calendar.path("makeupLeft").asInt()).isEqualTo(2);
        assertThat(calendar.path("nextReward").path("streakDay").asInt()).isEqualTo(3);
        assertThat(calendar.path("nextReward").path("points").asLong()).isEqualTo(15);
        assertThat(me.get("/api/app/sign-ins/calendar?month=October").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(me.get("/api/app/sign-ins/calendar?month=%2B999999999-12").code()).as("the last month there is")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theOperatorRuleIsValidated() {
        Api admin = api.as(loginAdmin());
        Map<String, Object> makeup = Map.of("enabled", true, "windowDays", 7, "monthlyLimit", 2, "costPoints", 20);

        Api.Response outsideCycle = admin.put("/api/admin/sign-in-rule", Map.of("basePoints", 5, "cycleDays", 7,
                "streakBonuses", List.of(Map.of("day", 8, "points", 10)), "makeup", makeup));
        Api.Response noCycle = admin.put("/api/admin/sign-in-rule", Map.of("basePoints", 5, "cycleDays", 0,
                "streakBonuses", List.of(), "makeup", makeup));
        Api.Response negative = admin.put("/api/admin/sign-in-rule", Map.of("basePoints", -1, "cycleDays", 7,
                "streakBonuses", List.of(), "makeup", makeup));

        assertThat(outsideCycle.status()).isEqualTo(400);
        assertThat(outsideCycle.json().path("errors").get(0).path("field").asString()).isEqualTo("streakBonuses");
        assertThat(noCycle.json().path("errors").get(0).path("field").asString()).isEqualTo("cycleDays");
        assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("basePoints");
        assertThat(admin.get("/api/admin/sign-in-rule").json().path("cycleDays").asInt()).isEqualTo(7);
    }

    private SignInResult signInOn(LocalDate date) {
        clock.pinAt(date);
        return signIns.signIn(member);
    }

    private long ledgerRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ?", Long.class, member);
    }

    private String openidCode() {
        return jdbc.queryForObject("SELECT openid FROM member WHERE id = ?", String.class, member).substring(3);
    }
}
