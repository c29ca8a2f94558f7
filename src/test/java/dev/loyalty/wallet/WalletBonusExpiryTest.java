package dev.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.MemberCodes;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FreshMemberCodes;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.WalletBooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An expiring bonus credit lapses its unused part once, as its own ledger row; principal and older bonus stay. */
class WalletBonusExpiryTest extends IntegrationTest {

    @Autowired
    WalletService wallets;

    @Autowired
    WalletBonusExpiryJob expiry;

    @Autowired
    MemberCodes memberCodes;

    StaffBinding till;
    long memberId;
    /** Each pays for one order. */
    FreshMemberCodes codes;

    @BeforeEach
    void openACounter() {
        Api admin = api.as(loginAdmin());
        long storeId = admin.post("/api/admin/stores", Map.of("name", "Expiry Store")).json().path("id").asLong();
        long cashierId = memberId(unique("cashier"));
        admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", storeId));
        till = new StaffBinding(cashierId, storeId);
        memberId = memberId(unique("saver"));
        codes = new FreshMemberCodes(memberCodes, memberId, clock);
    }

    @Test
    void anExpiredCreditLapsesOnlyWhatIsLeftOfItAndLeavesPrincipalAndOlderBonus() {
        Instant start = clock.instant();
        wallets.topUp(till, codes.next(), unique("T"), 1_000, null);
        wallets.creditBonus(memberId, 500, WalletEntryType.ADJUST, unique("older"));
        wallets.creditBonus(memberId, 100, WalletEntryType.REBATE, unique("rebate"), start.plus(Duration.ofDays(30)));
        // floor(534 × 600 / 1600) = 200 of bonus, oldest first: all from the older 500, none from the rebate
        assertThat(wallets.pay(till, codes.next(), unique("P"), 534).bonusCents()).isEqualTo(200);
        WalletView beforeLapse = wallets.wallet(memberId);

        clock.pinAt(start.plus(Duration.ofDays(29)));
        expiry.run();
        assertThat(wallets.wallet(memberId)).as("not yet due").isEqualTo(beforeLapse);
        clock.pinAt(start.plus(Duration.ofDays(30)));
        assertThat(expiry.run()).isGreaterThanOrEqualTo(1);

        WalletView after = wallets.wallet(memberId);
        assertThat(after.principalCents()).isEqualTo(beforeLapse.principalCents()).isEqualTo(666);
        assertThat(after.bonusCents()).as("the older bonus left: 500 − 200").isEqualTo(300);
        assertThat(expiredRows()).containsExactly(Map.entry(0L, -100L));
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aPartlyUsedCreditLapsesTheRestAndBonusCreditedAfterItStays() {
        Instant start = clock.instant();
        wallets.topUp(till, codes.next(), unique("T"), 1_000, null);
        wallets.creditBonus(memberId, 100, WalletEntryType.REBATE, unique("rebate"), start.plus(Duration.ofDays(10)));
        wallets.creditBonus(memberId, 300, WalletEntryType.ADJUST, unique("newer"));
        // floor(210 × 400 / 1400) = 60 of bonus, oldest first: all from the rebate, 40 of it left
        assertThat(wallets.pay(till, codes.next(), unique("P"), 210).bonusCents()).isEqualTo(60);

        clock.pinAt(start.plus(Duration.ofDays(11)));
        expiry.run();

        assertThat(wallets.wallet(memberId).bonusCents()).as("340 − the rebate's 40 unused").isEqualTo(300);
        assertThat(wallets.wallet(memberId).principalCents()).isEqualTo(1_000 - 150);
        assertThat(expiredRows()).containsExactly(Map.entry(0L, -40L));
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void runTwiceAndFromManyThreadsAtOnceACreditLapsesOnce() throws Exception {
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            wallets.creditBonus(memberId, 100 + i, WalletEntryType.REBATE, unique("rebate"), start.plus(Duration.ofDays(1)));
        }
        clock.pinAt(start.plus(Duration.ofDays(2)));

        AllAtOnce.times(6, expiry::lapseDue);
        long again = expiry.run();

        assertThat(again).isZero();
        assertThat(expiredRows()).hasSize(5);
        assertThat(expiredRows().stream().mapToLong(Map.Entry::getValue).sum()).isEqualTo(-510);
        assertThat(wallets.wallet(memberId).bonusCents()).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM wallet_bonus_expiry WHERE member_id = ? AND status = 'LAPSED'""", Long.class, memberId))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_log WHERE action = 'WALLET_BONUS_EXPIRED' AND after_json LIKE ?""", Long.class,
                "%\"memberId\":" + memberId + "%")).isEqualTo(5);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void theJobRunsOnDemand() {
        assertThat(api.as(loginAdmin()).post("/api/admin/jobs/wallet-bonus-expiry/run", null).status()).isEqualTo(200);
    }

    /** The member's BONUS_EXPIRED rows as (principal delta, bonus delta). */
    private List<Map.Entry<Long, Long>> expiredRows() {
        return jdbc.queryForList("""
                SELECT principal_delta_cents, bonus_delta_cents FROM wallet_entry
                 WHERE member_id = ? AND type = 'BONUS_EXPIRED' ORDER BY id""", memberId).stream()
                .map(r -> Map.entry(((Number) r.get("principal_delta_cents")).longValue(),
                        ((Number) r.get("bonus_delta_cents")).longValue()))
                .toList();
    }
}
