package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInReminderTest extends IntegrationTest {

    @Test
    void membersWithAGrantWhoHaveNotSignedInGetOneReminderADay() {
        String forgetful = unique("forgetful");
        String diligent = unique("diligent");
        Api forgetfulApi = api.as(loginMember(forgetful));
        Api diligentApi = api.as(loginMember(diligent));
        forgetfulApi.post("/api/app/subscriptions", Map.of("templateId", "tpl-remind"));
        Api.Response second = forgetfulApi.post("/api/app/subscriptions", Map.of("templateId", "tpl-remind"));
        diligentApi.post("/api/app/subscriptions", Map.of("templateId", "tpl-remind"));
        diligentApi.post("/api/app/sign-ins", null);
        Api admin = api.as(loginAdmin());

        admin.post("/api/admin/jobs/sign-in-reminder/run", null);
        admin.post("/api/admin/jobs/sign-in-reminder/run", null);

        assertThat(second.json().path("grantsLeft").asInt()).isEqualTo(2);
        FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(containing("wx-" + forgetful)).withRequestBody(containing("tpl-remind")));
        FakeWeChat.server().verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(containing("wx-" + diligent)));
        assertThat(forgetfulApi.post("/api/app/subscriptions", Map.of("templateId", "tpl-remind")).json()
                .path("grantsLeft").asInt()).as("one of two grants used, one added").isEqualTo(2);
    }
}
