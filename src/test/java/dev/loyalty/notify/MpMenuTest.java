package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The official-account menu, published by the mp-menu job to the fake WeChat. */
class MpMenuTest extends IntegrationTest {

    @Value("${wx.miniapp.appid}")
    String miniAppId;

    @Test
    void publishesTheShippedMenuWithTheConfiguredMiniProgram() {
        StubMapping menuCreate = FakeWeChat.server().stubFor(post(urlPathEqualTo("/cgi-bin/menu/create")).atPriority(1)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        try {
            Api.Response run = api.as(loginAdmin()).post("/api/admin/jobs/mp-menu/run", null);

            assertThat(run.status()).isEqualTo(200);
            assertThat(run.json().path("processed").asLong()).isEqualTo(3);
            FakeWeChat.server().verify(postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create"))
                    .withRequestBody(matchingJsonPath("$.button[0].name", equalTo("会员中心")))
                    .withRequestBody(matchingJsonPath("$.button[0].type", equalTo("miniprogram")))
                    .withRequestBody(matchingJsonPath("$.button[0].appid", equalTo(miniAppId)))
                    .withRequestBody(matchingJsonPath("$.button[0].pagepath", equalTo("pages/card/index")))
                    .withRequestBody(matchingJsonPath("$.button[1].key", equalTo("BALANCE")))
                    .withRequestBody(matchingJsonPath("$.button[2].appid", equalTo(miniAppId)))
                    .withRequestBody(matchingJsonPath("$.button[2].pagepath", equalTo("pages/signin/index"))));
        } finally {
            FakeWeChat.server().removeStub(menuCreate);
        }
    }

    @Test
    void theSandboxAnswersTheCallsOfTheOfficialAccountJobs() {
        Api.Response list = api.get("/wx-sandbox/cgi-bin/user/get?access_token=t");
        Api.Response info = api.post("/wx-sandbox/cgi-bin/user/info/batchget?access_token=t",
                java.util.Map.of("user_list", java.util.List.of(java.util.Map.of("openid", "sandbox-mp-amy", "lang", "zh_CN"))));
        Api.Response menu = api.post("/wx-sandbox/cgi-bin/menu/create?access_token=t", java.util.Map.of("button", java.util.List.of()));

        assertThat(list.json().path("count").asInt()).isZero();
        assertThat(list.json().path("next_openid").asString()).isEmpty();
        assertThat(info.json().path("user_info_list").get(0).path("unionid").asString()).isEqualTo("sandbox-union-amy");
        assertThat(menu.json().path("errcode").asInt()).isZero();
    }
}
