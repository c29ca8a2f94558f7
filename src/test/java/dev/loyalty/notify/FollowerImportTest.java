package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The follower import walks WeChat's follower list (150 + 30 followers here) against the fake WeChat. */
class FollowerImportTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<StubMapping> stubs = new ArrayList<>();
    Api admin;
    String prefix;
    List<String> openids;

    @BeforeEach
    void anAccountWithOneHundredEightyFollowers() {
        admin = api.as(loginAdmin());
        prefix = unique("fol");
        openids = IntStream.range(0, 180).mapToObj(i -> prefix + "-" + String.format("%03d", i)).toList();
        jdbc.update("UPDATE notify_follower_import SET next_openid = NULL");
        stub(get(urlPathEqualTo("/cgi-bin/user/get")).atPriority(1).withQueryParam("next_openid", absent())
                .willReturn(okJson(page(openids.subList(0, 150)))));
        stub(get(urlPathEqualTo("/cgi-bin/user/get")).atPriority(1).withQueryParam("next_openid", equalTo(openids.get(179)))
                .willReturn(okJson("{\"total\":180,\"count\":0,\"next_openid\":\"\"}")));
        stubBatch(openids.subList(0, 100));
        stubBatch(openids.subList(100, 150));
        stubBatch(openids.subList(150, 180));
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(FakeWeChat.server()::removeStub);
    }

    @Test
    void importsEveryFollowerWithTheirUnionidAskingAtMostOneHundredAtATime() {
        jdbc.update("INSERT INTO notify_follower (mp_openid, unionid, subscribed, updated_at) VALUES (?, NULL, FALSE, ?)",
                openids.get(5), java.sql.Timestamp.from(clock.instant().minusSeconds(3600)));
        secondPageAnswers(true);
        long firstPages = firstPageRequests();

        Api.Response run = admin.post("/api/admin/jobs/follower-import/run", null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("processed").asLong()).isEqualTo(180);
        assertEveryoneImported();
        List<Integer> batchSizes = batchRequests().stream().map(FollowerImportTest::openidsAsked).toList();
        assertThat(batchSizes).containsExactlyInAnyOrder(100, 50, 30).allMatch(size -> size <= 100);
        assertThat(jdbc.queryForObject("SELECT next_openid FROM notify_follower_import WHERE name = 'follower-import'",
                String.class)).isNull();

        Api.Response again = admin.post("/api/admin/jobs/follower-import/run", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(firstPageRequests() - firstPages).as("a finished import starts over").isEqualTo(2);
        assertEveryoneImported();
    }

    @Test
    void aRunThatFailsMidwayIsContinuedFromTheSavedCursorWithoutDuplicates() {
        secondPageAnswers(false);
        long firstPages = firstPageRequests();

        Api.Response crashed = admin.post("/api/admin/jobs/follower-import/run", null);

        assertThat(crashed.status()).isEqualTo(503);
        assertThat(followerCount()).isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT next_openid FROM notify_follower_import WHERE name = 'follower-import'",
                String.class)).isEqualTo(openids.get(149));

        Api.Response resumed = admin.post("/api/admin/jobs/follower-import/run", null);

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("processed").asLong()).isEqualTo(30);
        assertThat(firstPageRequests() - firstPages).as("the first page is not asked for again").isEqualTo(1);
        assertEveryoneImported();
        assertThat(jdbc.queryForObject("SELECT next_openid FROM notify_follower_import WHERE name = 'follower-import'",
                String.class)).isNull();
    }

    private void assertEveryoneImported() {
        assertThat(followerCount()).isEqualTo(180);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid LIKE ? AND subscribed = TRUE",
                Long.class, prefix + "-%")).isEqualTo(180);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid LIKE ? AND unionid = CONCAT('union-', mp_openid)",
                Long.class, prefix + "-%")).as("every follower but the one WeChat gives no unionid").isEqualTo(179);
        assertThat(jdbc.queryForObject("SELECT unionid FROM notify_follower WHERE mp_openid = ?", String.class, openids.get(7)))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT unionid FROM notify_follower WHERE mp_openid = ?", String.class, openids.get(5)))
                .isEqualTo("union-" + openids.get(5));
    }

    /** The second page; when {@code healthy} is false WeChat first answers it with a 500. */
    private void secondPageAnswers(boolean healthy) {
        String scenario = unique("page2");
        ScenarioMappingBuilder secondPage = get(urlPathEqualTo("/cgi-bin/user/get")).atPriority(1)
                .withQueryParam("next_openid", equalTo(openids.get(149))).inScenario(scenario);
        if (!healthy) {
            stub(get(urlPathEqualTo("/cgi-bin/user/get")).atPriority(1)
                    .withQueryParam("next_openid", equalTo(openids.get(149))).inScenario(scenario)
                    .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
            secondPage = secondPage.whenScenarioStateIs("up");
        }
        stub(secondPage.willReturn(okJson(page(openids.subList(150, 180)))));
    }

    private void stubBatch(List<String> batch) {
        String users = batch.stream().map(openid -> openid.equals(openids.get(7))
                        ? "{\"subscribe\":1,\"openid\":\"" + openid + "\"}"
                        : "{\"subscribe\":1,\"openid\":\"" + openid + "\",\"unionid\":\"union-" + openid + "\"}")
                .collect(Collectors.joining(","));
        stub(post(urlPathEqualTo("/cgi-bin/user/info/batchget")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.user_list[0].openid", equalTo(batch.get(0))))
                .willReturn(okJson("{\"user_info_list\":[" + users + "]}")));
    }

    private void stub(MappingBuilder mapping) {
        stubs.add(FakeWeChat.server().stubFor(mapping));
    }

    private static String page(List<String> page) {
        return "{\"total\":180,\"count\":" + page.size() + ",\"data\":{\"openid\":["
                + page.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(",")) + "]},\"next_openid\":\""
                + page.get(page.size() - 1) + "\"}";
    }

    private long followerCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid LIKE ?", Long.class, prefix + "-%");
    }

    private long firstPageRequests() {
        return FakeWeChat.server().countRequestsMatching(getRequestedFor(urlPathEqualTo("/cgi-bin/user/get"))
                .withQueryParam("next_openid", absent()).build()).getCount();
    }

    private List<LoggedRequest> batchRequests() {
        return FakeWeChat.server().findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/user/info/batchget"))
                .withRequestBody(containing(prefix)));
    }

    private static int openidsAsked(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString()).path("user_list").size();
    }
}
