package dev.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A member, or an operator for them, takes away one JSON file with everything held about the member. */
class MemberExportTest extends PrivacyFixtures {

    @Autowired
    PointsService points;

    @Test
    void theExportHoldsEveryLedgerRowAndTheMembersFullPhoneAndTheOperatorsIsMaskedAndAudited() {
        Member m = memberWithHistory();

        Api.Response mine = m.app().get("/api/app/me/export");
        Api.Response theirs = admin.get("/api/admin/members/" + m.id() + "/export");

        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.header("Content-Disposition")).isEqualTo("attachment; filename=member-" + m.id() + "-export.json");
        JsonNode doc = mine.json();
        assertThat(doc.path("memberId").asLong()).isEqualTo(m.id());
        assertThat(doc.path("profile").path("phone").asString()).isEqualTo("13812345678");
        assertThat(doc.path("profile").path("nickname").asString()).isEqualTo("Privacy " + m.id());
        assertThat(doc.path("profile").path("birthday").asString()).isEqualTo("1990-05-06");
        assertThat(doc.path("profile").path("openid").asString()).isEqualTo("wx-" + m.code());
        assertThat(idsOf(doc.path("points").path("ledger"))).isEqualTo(ids("points_entry", m.id())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(idsOf(doc.path("points").path("lots"))).isEqualTo(ids("points_lot", m.id())).isNotEmpty();
        assertThat(idsOf(doc.path("wallet").path("ledger"))).isEqualTo(ids("wallet_entry", m.id())).hasSize(2);
        assertThat(doc.path("wallet").path("balance").path("balanceCents").asLong()).isEqualTo(7_000);
        assertThat(idsOf(doc.path("signIns"))).isEqualTo(ids("signin_record", m.id())).hasSize(1);
        assertThat(idsOf(doc.path("purchases"))).isEqualTo(ids("counter_purchase", m.id())).hasSize(3);
        assertThat(doc.path("purchases").valueStream().mapToLong(p -> p.path("refundedCents").asLong()).sum()).isEqualTo(5_000);
        assertThat(idsOf(doc.path("coupons"))).isEqualTo(ids("coupon", m.id())).hasSize(1);
        assertThat(doc.path("coupons").get(0).path("status").asString()).isEqualTo("USED");
        assertThat(idsOf(doc.path("rebates"))).isEqualTo(ids("rebate", m.id())).hasSize(1);
        assertThat(idsOf(doc.path("notifications"))).isEqualTo(ids("notification", m.id())).isNotEmpty();
        assertThat(doc.path("notifications").get(0).path("changeText").asString()).isNotBlank();
        assertThat(doc.path("officialAccount").path("follower").path("mpOpenid").asString()).isEqualTo("mp-" + m.code());
        assertThat(doc.path("officialAccount").path("subscriptions").get(0).path("templateId").asString())
                .isEqualTo("tpl-mini-points");
        assertThat(doc.path("profile").path("levelChanges").isArray()).isTrue();

        assertThat(theirs.status()).as(theirs.text()).isEqualTo(200);
        JsonNode operators = theirs.json();
        assertThat(operators.path("profile").path("phone").asString()).isEqualTo("138****5678");
        assertThat(operators.path("profile").path("openid").isNull()).isTrue();
        assertThat(idsOf(operators.path("points").path("ledger"))).isEqualTo(ids("points_entry", m.id()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEMBER_EXPORTED' AND target = ?",
                Long.class, "member:" + m.id())).as("the operator's export is audited, the member's own is not").isEqualTo(1);
        assertThat(admin.get("/api/admin/members/999999999/export").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theExportHoldsTheMembersCashOut() {
        Member m = memberWithHistory();
        JsonNode cashOut = emptyWallet(m);

        JsonNode wallet = m.app().get("/api/app/me/export").json().path("wallet");

        assertThat(idsOf(wallet.path("ledger"))).isEqualTo(ids("wallet_entry", m.id()));
        assertThat(wallet.path("ledger").valueStream().map(row -> row.path("type").asString())).contains("CASH_OUT");
        assertThat(wallet.path("cashOuts")).hasSize(1);
        assertThat(wallet.path("cashOuts").get(0).path("cashCents").asLong())
                .isEqualTo(cashOut.path("cashCents").asLong()).isEqualTo(wallet.path("cashOuts").get(0).path("principalCents").asLong())
                .isPositive();
        assertThat(wallet.path("topUpOrders").isArray()).isTrue();
        assertThat(wallet.path("balance").path("closed").asBoolean()).isTrue();
    }

    @Test
    void aLongHistoryComesWholeInOneDocument() {
        Member m = member();
        int earnings = MemberExport.PAGE * 2 + 7;
        for (int i = 0; i < earnings; i++) {
            points.earn(new PointsMovement(m.id(), 1, PointsSource.GRANT, "export-" + m.id() + "-" + i, null, null));
        }

        JsonNode doc = m.app().get("/api/app/me/export").json();

        assertThat(idsOf(doc.path("points").path("ledger"))).hasSize(earnings).isEqualTo(ids("points_entry", m.id()));
        assertThat(idsOf(doc.path("points").path("lots"))).hasSize(earnings);
    }

    static List<Long> idsOf(JsonNode rows) {
        return rows.valueStream().map(row -> row.path("id").asLong()).toList();
    }
}
