package dev.loyalty.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * WeChat's API on loopback (WireMock), so the real WxJava client code runs in tests.
 * One server per JVM. By default {@code jscode2session} answers openid {@code wx-<code>} and unionid
 * {@code union-<code>}; tests add stubs for the codes that should fail.
 */
public final class FakeWeChat {

    public static final String SESSION_KEY = "fake-session-key-must-never-leak";
    private static WireMockServer server;

    private FakeWeChat() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true));
            server.start();
            stubDefaults(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port();
    }

    private static void stubDefaults(WireMockServer wm) {
        FakeWeChatPay.stubPrepay();
        FakeWeChatPay.stubUnpaidByDefault();
        FakeWeChatPay.stubClose();
        wm.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"fake-access-token\",\"expires_in\":7200}")));
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"fake-access-token\",\"expires_in\":7200}")));
        wm.stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(10)
                .willReturn(okJson("{\"openid\":\"wx-{{request.query.js_code}}\",\"unionid\":\"union-{{request.query.js_code}}\","
                        + "\"session_key\":\"" + SESSION_KEY + "\"}")));
        // WeChat's ids are 28 characters whatever the code; a code too long for that keeps its first 58.
        wm.stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(5)
                .withQueryParam("js_code", matching(".{59,}"))
                .willReturn(okJson("{\"openid\":\"wx-{{substring request.query.js_code 0 58}}\","
                        + "\"unionid\":\"union-{{substring request.query.js_code 0 58}}\","
                        + "\"session_key\":\"" + SESSION_KEY + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/cgi-bin/user/info")).atPriority(10)
                .willReturn(okJson("{\"subscribe\":1,\"openid\":\"{{request.query.openid}}\","
                        + "\"unionid\":\"union-{{regexExtract request.query.openid 'mp-(.*)' 'parts'}}{{parts.0}}\"}")));
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/qrcode/create")).atPriority(10)
                .willReturn(okJson("{\"ticket\":\"ticket-{{jsonPath request.body '$.action_info.scene.scene_str'}}\","
                        + "\"expire_seconds\":600,\"url\":\"http://weixin.qq.com/q/fake\"}")));
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(10)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}")));
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).atPriority(10)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        wm.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).atPriority(10)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"13812345678\","
                        + "\"purePhoneNumber\":\"13812345678\",\"countryCode\":\"86\"}}")));
    }

    /** {@code jscode2session} answers this errcode for this code. */
    public static void rejectCode(String code, int errcode) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(1)
                .withQueryParam("js_code", equalTo(code))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"fake error\"}")));
    }

    /** {@code jscode2session} drops the connection for this code. */
    public static void breakConnectionFor(String code) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(1)
                .withQueryParam("js_code", equalTo(code))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** {@code jscode2session} answers slower than the client waits for this code. */
    public static void stallFor(String code, int millis) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(1)
                .withQueryParam("js_code", matching(code))
                .willReturn(okJson("{\"openid\":\"wx-late\",\"session_key\":\"x\"}").withFixedDelay(millis)));
    }
}
