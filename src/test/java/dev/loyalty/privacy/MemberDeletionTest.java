package dev.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsBooks;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChatPay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member deletes their account: refused while stored value remains; then anonymised, with the books kept. */
class MemberDeletionTest extends PrivacyFixtures {

    @Test
    void aMemberWithStoredValueIsRefusedThenDeletedAnonymisedWithTheBooksKeptAndLockedOut() {
        Member m = memberWithHistory();
        long template = template(10);
        long stockBefore = admin.get("/api/admin/coupon-templates/" + template).json().path("stockLeft").asLong();
        long unusedCoupon = redeem(m, template).path("id").asLong();
        ok(admin.post("/api/admin/members/" + m.id() + "/points-adjustments",
                Map.of("delta", 5, "reason", "补偿 Privacy " + m.id() + " 13812345678 的投诉")));

        Api.Response unconfirmed = m.app().delete("/api/app/me");
        Api.Response notConfirmed = m.app().delete("/api/app/me?confirm=false");
        Api.Response withMoney = m.app().delete("/api/app/me?confirm=true");

        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(notConfirmed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(withMoney.status()).isEqualTo(409);
        assertThat(withMoney.code()).isEqualTo("WALLET_NOT_EMPTY");
        assertThat(m.app().get("/api/app/me").status()).as("nothing changed").isEqualTo(200);

        emptyWallet(m);
        long pointsBefore = m.app().get("/api/app/points").json().path("balance").asLong();
        List<Long> pointsRows = ids("points_entry", m.id());
        long pointsSum = sum("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ?", m.id());
        long walletSum = sum("SELECT COALESCE(SUM(delta_cents), 0) FROM wallet_entry WHERE member_id = ?", m.id());
        List<Long> walletRows = ids("wallet_entry", m.id());
        long purchased = sum("SELECT COALESCE(SUM(amount_cents - refunded_cents), 0) FROM counter_purchase WHERE member_id = ?", m.id());
        List<Long> notificationRows = ids("notification", m.id());
        String codeOnScreen = memberCode(m.app());
        assertThat(pointsBefore).isPositive();

        Api.Response deleted = m.app().delete("/api/app/me?confirm=true");

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", m.id());
        assertThat(row.get("openid")).isNull();
        assertThat(row.get("unionid")).isNull();
        assertThat(row.get("phone_cipher")).isNull();
        assertThat(row.get("phone_masked")).isNull();
        assertThat(row.get("birthday")).isNull();
        assertThat(row.get("avatar_url")).isNull();
        assertThat(row.get("nickname")).isEqualTo("已注销用户");
        assertThat(row.get("status")).isEqualTo("DELETED");
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE member_id = ? OR mp_openid = ?",
                Long.class, m.id(), "mp-" + m.code())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription WHERE member_id = ?", Long.class, m.id())).isZero();
        assertThat(ids("notification", m.id())).as("the messages' rows stay").containsAll(notificationRows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE member_id = ? AND (change_text <> '' "
                + "OR balance_text <> '' OR subject IS NOT NULL OR to_openid IS NOT NULL OR status IN ('PENDING', 'SENDING'))",
                Long.class, m.id())).as("what they said is erased, and nothing more is sent").isZero();

        // the books: every earlier row stays, one WRITE_OFF takes the balance to zero, lots included
        List<Long> rowsAfter = ids("points_entry", m.id());
        assertThat(rowsAfter).containsAll(pointsRows).hasSize(pointsRows.size() + 1);
        assertThat(sum("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ? AND type <> 'WRITE_OFF'", m.id()))
                .isEqualTo(pointsSum);
        assertThat(jdbc.queryForObject("SELECT delta FROM points_entry WHERE member_id = ? AND type = 'WRITE_OFF'", Long.class, m.id()))
                .isEqualTo(-pointsBefore);
        PointsBooks books = new PointsBooks(jdbc);
        assertThat(books.balance(m.id())).isZero();
        books.assertBalanced(m.id());
        assertThat(sum("SELECT COALESCE(SUM(delta_cents), 0) FROM wallet_entry WHERE member_id = ?", m.id())).isEqualTo(walletSum);
        assertThat(ids("wallet_entry", m.id())).isEqualTo(walletRows);
        assertThat(sum("SELECT COALESCE(SUM(amount_cents - refunded_cents), 0) FROM counter_purchase WHERE member_id = ?", m.id()))
                .isEqualTo(purchased);
        assertThat(jdbc.queryForObject("SELECT status FROM coupon WHERE id = ?", String.class, unusedCoupon)).isEqualTo("REVOKED");
        assertThat(admin.get("/api/admin/coupon-templates/" + template).json().path("stockLeft").asLong())
                .as("the revoked coupon's stock returns").isEqualTo(stockBefore);
        assertThat(jdbc.queryForMap("SELECT status, reject_reason FROM rebate WHERE member_id = ?", m.id()))
                .containsEntry("status", "REJECTED").containsEntry("reject_reason", "member deleted");

        // locked out: the old token, the member code on screen; the same WeChat account starts over
        assertThat(m.app().get("/api/app/me").status()).isEqualTo(401);
        assertThat(m.app().post("/api/app/sign-ins", null).status()).isEqualTo(401);
        Api.Response scanned = cashier.post("/api/staff/members/resolve", Map.of("memberCode", codeOnScreen));
        assertThat(scanned.code()).isEqualTo("MEMBER_CODE_INVALID");
        Api.Response again = api.post("/api/app/auth/login", Map.of("code", m.code()));
        assertThat(again.json().path("created").asBoolean()).isTrue();
        assertThat(again.json().path("member").path("id").asLong()).isNotEqualTo(m.id());

        // operators still see the member, anonymised; lists leave them out unless asked
        JsonNode detail = admin.get("/api/admin/members/" + m.id()).json().path("member");
        assertThat(detail.path("status").asString()).isEqualTo("DELETED");
        assertThat(detail.path("nickname").asString()).isEqualTo("已注销用户");
        assertThat(detail.path("phoneMasked").isNull()).isTrue();
        assertThat(detail.path("pointsBalance").asLong()).isZero();
        assertThat(admin.get("/api/admin/members?q=" + m.id()).json().path("total").asLong()).isZero();
        assertThat(admin.get("/api/admin/members?includeDeleted=true&q=" + m.id()).json().path("items").get(0)
                .path("status").asString()).isEqualTo("DELETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEMBER_DELETED' AND target = ? "
                + "AND actor_type = 'MEMBER' AND actor_id = ?", Long.class, "member:" + m.id(), m.id())).isEqualTo(1);

        assertThat(admin.delete("/api/admin/members/" + m.id()).status()).as("deleting again changes nothing").isEqualTo(204);
        assertThat(ids("points_entry", m.id())).isEqualTo(rowsAfter);
        assertThat(jdbc.queryForList("SELECT remark FROM points_entry WHERE member_id = ? AND source = 'ADMIN'", String.class, m.id()))
                .as("what an operator wrote about them is erased").containsOnlyNulls().isNotEmpty();

        // the nightly proof agrees: the write-off, the revoked coupon and the rejected rebate leave no drift
        assertThat(admin.post("/api/admin/jobs/integrity-check/run", null).status()).isEqualTo(200);
        List<String> driftOnThisMember = new ArrayList<>();
        for (JsonNode drift : admin.get("/api/admin/integrity").json().path("drift")) {
            String kind = drift.path("kind").asString();
            if ((kind.startsWith("POINTS_") || kind.startsWith("WALLET_")) && drift.path("id").asLong() == m.id()) {
                driftOnThisMember.add(drift.toString());
            }
        }
        assertThat(driftOnThisMember).isEmpty();
    }

    @Test
    void anOperatorDeletesAStaffMemberTheirBindingGoesAndTheDeletionIsAudited() {
        Member m = member();
        ok(admin.post("/api/admin/staff", Map.of("memberId", m.id(), "storeId", storeId)));
        ok(admin.post("/api/admin/members/" + m.id() + "/points-adjustments", Map.of("delta", 30, "reason", "welcome")));

        Api.Response deleted = admin.delete("/api/admin/members/" + m.id());

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        assertThat(admin.get("/api/admin/staff?storeId=" + storeId).json().path("items").valueStream()
                .map(s -> s.path("memberId").asLong())).doesNotContain(m.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEMBER_DELETED' AND target = ? "
                + "AND actor_type = 'ADMIN'", Long.class, "member:" + m.id())).isEqualTo(1);
        assertThat(new PointsBooks(jdbc).balance(m.id())).isZero();
        assertThat(m.app().post("/api/staff/members/resolve", Map.of("memberCode", "x")).status()).isEqualTo(401);
        assertThat(admin.delete("/api/admin/members/999999999").code()).isEqualTo("NOT_FOUND");
        Api.Response grant = admin.with("Idempotency-Key", unique("g")).post("/api/admin/coupon-grants",
                Map.of("points", 10, "reason", "after deletion", "target", Map.of("memberIds", List.of(m.id()))));
        assertThat(grant.code()).as("a deleted member is no member to grant to").isEqualTo("VALIDATION_FAILED");
    }

    /** The story through HTTP alone: the export holds the sign-in's ledger row; deletion keeps the ledger, not the member. */
    @Test
    void aMembersExportHoldsTheirSignInAndDeletingThemKeepsTheLedgerAndRefusesTheirToken() {
        String code = unique("story");
        Api.Response login = api.post("/api/app/auth/login", Map.of("code", code));
        long id = login.json().path("member").path("id").asLong();
        Api member = api.as(login.json().path("token").asString());
        member.post("/api/app/sign-ins", null);
        JsonNode signInRow = member.get("/api/app/points/ledger").json().path("items").get(0);

        JsonNode export = member.get("/api/app/me/export").json();

        assertThat(export.path("points").path("ledger").valueStream().map(r -> r.path("id").asLong()))
                .containsExactly(signInRow.path("id").asLong());
        assertThat(export.path("points").path("ledger").get(0).path("source").asString()).isEqualTo("SIGN_IN");

        assertThat(member.delete("/api/app/me?confirm=true").status()).isEqualTo(204);

        assertThat(member.get("/api/app/points").status()).isEqualTo(401);
        JsonNode ledger = admin.get("/api/admin/members/" + id + "/points-ledger").json();
        assertThat(ledger.path("items").valueStream().map(r -> r.path("type").asString())).containsExactly("WRITE_OFF", "EARN");
        assertThat(ledger.path("items").get(1).path("id").asLong()).isEqualTo(signInRow.path("id").asLong());
        assertThat(ledger.path("items").get(0).path("balanceAfter").asLong()).isZero();
        JsonNode detail = admin.get("/api/admin/members/" + id).json().path("member");
        assertThat(detail.path("status").asString()).isEqualTo("DELETED");
        assertThat(detail.path("nickname").asString()).isEqualTo("已注销用户");
    }

    @Test
    void aTopUpPaidButNotYetHeardOfIsCreditedFirstSoTheDeletionWaitsForTheCashOutAndUnpaidOnesAreClosed() {
        Member m = member();
        String paid = m.app().post("/api/app/wallet/top-up-orders", Map.of("amountCents", 2_000)).json().path("orderNo").asString();
        String unpaid = m.app().post("/api/app/wallet/top-up-orders", Map.of("amountCents", 3_000)).json().path("orderNo").asString();
        FakeWeChatPay.stubQuery(paid, "SUCCESS", 2_000, FakeWeChatPay.MCH_ID);
        FakeWeChatPay.stubQuery(unpaid, "NOTPAY", 3_000, FakeWeChatPay.MCH_ID);
        FakeWeChatPay.stubClose();

        Api.Response refused = m.app().delete("/api/app/me?confirm=true");

        assertThat(refused.code()).isEqualTo("WALLET_NOT_EMPTY");
        assertThat(m.app().get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(2_000);
        assertThat(jdbc.queryForObject("SELECT status FROM wallet_top_up_order WHERE order_no = ?", String.class, unpaid))
                .isEqualTo("CLOSED");
        FakeWeChatPay.stubRefund(paid, "SUCCESS");
        emptyWallet(m);
        assertThat(m.app().delete("/api/app/me?confirm=true").status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM wallet_account WHERE member_id = ?", Boolean.class, m.id()))
                .isTrue();
    }

    private long sum(String sql, long memberId) {
        return jdbc.queryForObject(sql, Long.class, memberId);
    }
}
