package dev.loyalty.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.member.internal.PhoneCipher;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProfileTest extends IntegrationTest {

    @Autowired
    PhoneCipher phoneCipher;

    @Autowired
    MemberService members;

    Api member;
    String openid;

    @BeforeEach
    void logIn() {
        String code = unique("dora");
        openid = "wx-" + code;
        member = api.as(loginMember(code));
    }

    @Test
    void aMemberChangesNicknameAvatarAndBirthday() {
        Api.Response changed = member.patch("/api/app/me",
                Map.of("nickname", "Dora", "avatarUrl", "https://img.example/d.png", "birthday", "1990-05-17"));

        assertThat(changed.status()).isEqualTo(200);
        Api.Response me = member.get("/api/app/me");
        assertThat(me.json().path("nickname").asString()).isEqualTo("Dora");
        assertThat(me.json().path("avatarUrl").asString()).isEqualTo("https://img.example/d.png");
        assertThat(me.json().path("birthday").asString()).isEqualTo("1990-05-17");
    }

    @Test
    void fieldsLeftOutStayAsTheyWere() {
        member.patch("/api/app/me", Map.of("nickname", "Dora"));

        member.patch("/api/app/me", Map.of("birthday", "1991-01-02"));

        assertThat(member.get("/api/app/me").json().path("nickname").asString()).isEqualTo("Dora");
    }

    @Test
    void aBirthdayInTheFutureIsRefusedWithTheField() {
        Api.Response response = member.patch("/api/app/me", Map.of("birthday", "2999-01-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("birthday");
    }

    @Test
    void aBirthdayBeforeTheYear1000IsRefusedWithTheField() {
        Api.Response response = member.patch("/api/app/me", Map.of("birthday", "-999999999-01-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("birthday");
    }

    @Test
    void aMalformedDateIsA400NotA500() {
        Api.Response response = member.patch("/api/app/me", Map.of("birthday", "17/05/1990"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aBlankNicknameIsRefused() {
        Api.Response response = member.patch("/api/app/me", Map.of("nickname", "   "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("nickname");
    }

    @Test
    void thePhoneIsStoredEncryptedAndOnlyEverAnsweredMasked() {
        Api.Response bound = member.put("/api/app/me/phone", Map.of("code", "phone-code"));

        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.json().path("phoneMasked").asString()).isEqualTo("138****5678");
        assertThat(member.get("/api/app/me").json().path("phoneMasked").asString()).isEqualTo("138****5678");
        assertThat(member.get("/api/app/me").text()).doesNotContain("13812345678");

        String stored = jdbc.queryForObject("SELECT phone_cipher FROM member WHERE openid = ?", String.class, openid);
        assertThat(stored).doesNotContain("13812345678");
        assertThat(phoneCipher.decrypt(stored)).isEqualTo("13812345678");
    }

    @Test
    void aPhoneCodeWeChatNeverIssuesIs400WxCodeInvalid() {
        Api.Response response = member.put("/api/app/me/phone", Map.of("code", "code\"&x=<y>"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("WX_CODE_INVALID");
    }

    @Test
    void aMissingPhoneCodeIsRefused() {
        Api.Response response = member.put("/api/app/me/phone", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
    }

    @Test
    void fiftyProfileEditsRacingFiftyGrowthIncrementsLoseNoGrowth() throws Exception {
        long memberId = jdbc.queryForObject("SELECT id FROM member WHERE openid = ?", Long.class, openid);
        // even tasks edit the profile, odd ones add growth, all let go at once
        List<Integer> statuses = AllAtOnce.run(100, i -> i % 2 == 0
                ? () -> member.patch("/api/app/me", Map.of("nickname", "Dora " + i / 2)).status()
                : () -> {
                    members.addGrowth(memberId, 1);
                    return null;
                }, 20);
        for (Integer status : statuses) {
            if (status != null) {
                assertThat(status).isEqualTo(200);
            }
        }

        assertThat(jdbc.queryForObject("SELECT growth FROM member WHERE id = ?", Long.class, memberId)).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT nickname FROM member WHERE id = ?", String.class, memberId))
                .startsWith("Dora ");
    }

    @Test
    void aProfileEditKeepsTheSegmentTheJobJustWrote() {
        long memberId = jdbc.queryForObject("SELECT id FROM member WHERE openid = ?", Long.class, openid);
        members.assignSegments(List.of(new SegmentAssignment(memberId, Segment.AT_RISK, LocalDate.of(2026, 1, 2))));

        member.patch("/api/app/me", Map.of("nickname", "Dora"));
        loginMember(openid.substring(3));

        assertThat(jdbc.queryForObject("SELECT segment FROM member WHERE id = ?", String.class, memberId)).isEqualTo("AT_RISK");
        assertThat(jdbc.queryForObject("SELECT last_active_on FROM member WHERE id = ?", Date.class, memberId))
                .hasToString("2026-01-02");
    }
}
