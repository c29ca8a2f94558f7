package dev.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.counter.MemberCodes;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FreshMemberCodes;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.WalletBooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class WalletTest extends IntegrationTest {

    @Autowired
    WalletService wallets;

    @Autowired
    MemberCodes memberCodes;

    Api admin;
    Api cashier;
    Api member;
    long memberId;
    long storeId;
    long cashierId;
    /** Each pays for one order. */
    FreshMemberCodes codes;

    @BeforeEach
    void openACounter() {
        admin = api.as(loginAdmin());
        storeId = admin.post("/api/admin/stores", Map.of("name", "Wallet Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        cashierId = memberId(cashierCode);
        admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", storeId));
        cashier = api.as(loginMember(cashierCode));
        String code = unique("saver");
        memberId = memberId(code);
        member = api.as(loginMember(code));
        codes = new FreshMemberCodes(memberCodes, memberId, clock);
    }

    @Test
    void topUpWithAPlanPayRefundAndReplay() {
        long plan = admin.post("/api/admin/wallet-plans", Map.of("name", "100 get 20", "payCents", 10_000, "bonusCents", 2_000))
                .json().path("id").asLong();
        assertThat(member.get("/api/app/wallet/plans").json().valueStream().map(p -> p.path("id").asLong())).contains(plan);

        Api.Response topUp = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", codes.next(), "orderNo", unique("T"), "amountCents", 10_000, "planId", plan));
        String order = unique("P");
        Map<String, Object> payment = Map.of("memberCode", codes.next(), "orderNo", order, "amountCents", 6_000);
        Api.Response paid = cashier.post("/api/staff/wallet/payments", payment);

        assertThat(topUp.json().path("balanceCents").asLong()).isEqualTo(12_000);
        assertThat(topUp.json().path("bonusCents").asLong()).isEqualTo(2_000);
        assertThat(paid.json().path("principalCents").asLong()).isEqualTo(5_000);
        assertThat(paid.json().path("bonusCents").asLong()).isEqualTo(1_000);
        assertThat(paid.json().path("balanceCents").asLong()).isEqualTo(6_000);
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).as("a payment is a purchase").isEqualTo(60);

        Api.Response replay = cashier.post("/api/staff/wallet/payments", payment);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("balanceCents").asLong()).isEqualTo(6_000);

        Api.Response asPurchase = cashier.post("/api/staff/purchases/" + order + "/refund", Map.of());
        assertThat(asPurchase.status()).as("the money goes back with the wallet refund, not the purchase's").isEqualTo(409);
        assertThat(asPurchase.code()).isEqualTo("REFUND_ELSEWHERE");
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(60);

        Api.Response refunded = cashier.post("/api/staff/wallet/payments/" + order + "/refund", null);
        Api.Response twice = cashier.post("/api/staff/wallet/payments/" + order + "/refund", null);
        assertThat(refunded.json().path("balanceCents").asLong()).isEqualTo(12_000);
        assertThat(twice.json().path("balanceCents").asLong()).isEqualTo(12_000);

        JsonNode wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("principalCents").asLong()).isEqualTo(10_000);
        assertThat(wallet.path("bonusCents").asLong()).isEqualTo(2_000);
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isZero();
        assertThat(member.get("/api/app/wallet/ledger").json().path("total").asLong()).isEqualTo(3);
        assertThat(member.get("/api/app/me").json().path("wallet").path("balanceCents").asLong()).isEqualTo(12_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aPlanSwitchedOffIsNoLongerOfferedOrAccepted() {
        long plan = admin.post("/api/admin/wallet-plans", Map.of("name", "50 get 5", "payCents", 5_000, "bonusCents", 500))
                .json().path("id").asLong();

        Api.Response off = admin.put("/api/admin/wallet-plans/" + plan,
                Map.of("name", "50 get 5", "payCents", 5_000, "bonusCents", 500, "enabled", false));
        Api.Response topUp = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", codes.next(), "orderNo", unique("T"), "amountCents", 5_000, "planId", plan));

        assertThat(off.json().path("enabled").asBoolean()).isFalse();
        assertThat(member.get("/api/app/wallet/plans").json().valueStream().map(p -> p.path("id").asLong()))
                .doesNotContain(plan);
        assertThat(topUp.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        assertThat(admin.put("/api/admin/wallet-plans/999999999",
                Map.of("name", "x", "payCents", 100, "bonusCents", 0)).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void paymentsSplitInProportionAndRoundForTheBrandByUnderACent() {
        StaffBinding at = new StaffBinding(cashierId, storeId);
        wallets.topUp(at, codes.next(), unique("T"), 10_001, null);
        wallets.creditBonus(memberId, 3_333, WalletEntryType.ADJUST, "bonus:" + memberId);

        WalletMovement paid = wallets.pay(at, codes.next(), unique("P"), 777);

        assertThat(paid.bonusCents()).as("floor(777 × 3333 / 13334)").isEqualTo(194);
        assertThat(paid.principalCents()).isEqualTo(583);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aRefundAfterLaterSpendingReturnsExactlyWhatThatPaymentTook() {
        StaffBinding at = new StaffBinding(cashierId, storeId);
        wallets.topUp(at, codes.next(), unique("T"), 9_000, null);
        wallets.creditBonus(memberId, 1_000, WalletEntryType.ADJUST, "bonus:" + memberId);
        String first = unique("P");
        WalletMovement a = wallets.pay(at, codes.next(), first, 3_000);
        wallets.pay(at, codes.next(), unique("P"), 4_000);

        WalletMovement back = wallets.refundPayment(at, first);

        assertThat(back.principalCents()).isEqualTo(a.principalCents());
        assertThat(back.bonusCents()).isEqualTo(a.bonusCents());
        assertThat(back.balanceCents()).isEqualTo(10_000 - 4_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void refusalsChangeNothing() {
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", codes.next(), "orderNo", "T-" + memberId, "amountCents", 1_000));

        Api.Response tooMuch = cashier.post("/api/staff/wallet/payments",
                Map.of("memberCode", codes.next(), "orderNo", unique("P"), "amountCents", 1_001));
        Api.Response otherAmount = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", codes.next(), "orderNo", "T-" + memberId, "amountCents", 2_000));
        Api.Response notStaff = member.post("/api/staff/wallet/payments",
                Map.of("memberCode", codes.next(), "orderNo", unique("P"), "amountCents", 1));

        assertThat(tooMuch.code()).isEqualTo("WALLET_INSUFFICIENT");
        assertThat(otherAmount.code()).isEqualTo("ORDER_CONFLICT");
        assertThat(notStaff.code()).isEqualTo("NOT_STAFF");
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(1_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void fiftyPaymentsAtOnceNeverOverdraw() throws Exception {
        StaffBinding at = new StaffBinding(cashierId, storeId);
        wallets.topUp(at, codes.next(), unique("T"), 2_000, null);
        List<Boolean> payments = AllAtOnce.run(50, i -> {
            String order = unique("P" + i);
            String code = codes.next();
            return () -> {
                try {
                    wallets.pay(at, code, order, 100);
                    return true;
                } catch (WalletInsufficientException refused) {
                    return false;
                }
            };
        });
        long paid = payments.stream().filter(Boolean::booleanValue).count();

        assertThat(paid).isEqualTo(20);
        assertThat(wallets.wallet(memberId).balanceCents()).isZero();
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void tenTillsRetryingOnePaymentAtOnceChargeItOnce() throws Exception {
        StaffBinding at = new StaffBinding(cashierId, storeId);
        wallets.topUp(at, codes.next(), unique("T"), 100, null);
        String code = codes.next();
        String order = unique("P");
        List<WalletMovement> tries = AllAtOnce.times(10, () -> wallets.pay(at, code, order, 80));
        for (WalletMovement attempt : tries) {
            assertThat(attempt.balanceCents()).isEqualTo(20);
        }
        assertThat(wallets.wallet(memberId).balanceCents()).isEqualTo(20);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void anOrderAlreadyRecordedAtTheCounterCannotBePaidAgainFromTheWallet() {
        String order = unique("cash");
        cashier.post("/api/staff/purchases", Map.of("memberCode", codes.next(), "orderNo", order, "amountCents", 500));
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", codes.next(), "orderNo", unique("T"), "amountCents", 1_000));

        Api.Response paidTwice = cashier.post("/api/staff/wallet/payments",
                Map.of("memberCode", codes.next(), "orderNo", order, "amountCents", 500));

        assertThat(paidTwice.code()).isEqualTo("ORDER_CONFLICT");
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(1_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void thousandsOfRandomOperationsKeepTheLedgerEqualToTheBalances() {
        StaffBinding at = new StaffBinding(cashierId, storeId);
        Random random = new Random(42);
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            try {
                switch (random.nextInt(5)) {
                    case 0 -> wallets.topUp(at, codes.next(), "T" + memberId + "-" + i, 1 + random.nextInt(5_000), null);
                    case 1 -> wallets.creditBonus(memberId, 1 + random.nextInt(999), WalletEntryType.ADJUST, "b" + memberId + "-" + i);
                    case 2, 3 -> {
                        String order = "P" + memberId + "-" + i;
                        wallets.pay(at, codes.next(), order, 1 + random.nextInt(3_000));
                        payments.add(order);
                    }
                    default -> {
                        if (!payments.isEmpty()) {
                            wallets.refundPayment(at, payments.get(random.nextInt(payments.size())));
                        }
                    }
                }
            } catch (LoyaltyException refused) {
                // insufficient funds: nothing changed, the books below prove it
            }
        }
        WalletBooks.assertBalanced(jdbc, memberId);
    }
}
