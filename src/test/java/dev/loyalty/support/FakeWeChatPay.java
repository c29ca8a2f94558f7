package dev.loyalty.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.loyalty.wechat.PaySigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay API v3 on the {@link FakeWeChat} server, with keys made for the test run: the merchant key pair
 * (the app signs with its private half, read from a PEM file) and the "WeChat Pay" key pair (its public half is
 * the app's WeChat Pay public key; the fake signs answers and notifies with the private half). Notifies are
 * built here as WeChat Pay builds them: the resource encrypted with the API v3 key (AES-256-GCM), the body
 * signed ({@code timestamp\nnonce\nbody\n}, SHA256withRSA).
 */
public final class FakeWeChatPay {

    public static final String MCH_ID = "1900000109";
    public static final String OTHER_MCH_ID = "1900000999";
    public static final String API_V3_KEY = "test-api-v3-key-0123456789abcdef";
    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092025";
    public static final String CERT_SERIAL_NO = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair MERCHANT = generate();
    private static final KeyPair PLATFORM = generate();
    private static final KeyPair STRANGER = generate();
    private static Path privateKeyFile;
    private static Path publicKeyFile;

    private FakeWeChatPay() {
    }

    public static synchronized String privateKeyPath() {
        if (privateKeyFile == null) {
            privateKeyFile = pem("merchant-key", "PRIVATE KEY", MERCHANT.getPrivate());
        }
        return privateKeyFile.toString();
    }

    public static synchronized String publicKeyPath() {
        if (publicKeyFile == null) {
            publicKeyFile = pem("wechatpay-public-key", "PUBLIC KEY", PLATFORM.getPublic());
        }
        return publicKeyFile.toString();
    }

    /** JSAPI prepay answers a prepay id, for any order. */
    public static void stubPrepay() {
        FakeWeChat.server().stubFor(post(urlPathEqualTo("/v3/pay/transactions/jsapi")).atPriority(10)
                .willReturn(signed(200, Map.of("prepay_id", "wx-fake-prepay-id"))));
    }

    /** The order query of {@code orderNo} answers this state, amount and merchant. */
    public static void stubQuery(String orderNo, String tradeState, long totalCents, String mchId) {
        FakeWeChat.server().stubFor(get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + orderNo)).atPriority(1)
                .willReturn(signed(200, transaction(orderNo, tradeState, totalCents, mchId))));
    }

    /** Order queries not stubbed otherwise answer NOTPAY, for any amount. */
    public static void stubUnpaidByDefault() {
        FakeWeChat.server().stubFor(get(urlPathMatching("/v3/pay/transactions/out-trade-no/[^/]+")).atPriority(10)
                .willReturn(signed(200, Map.of("mchid", MCH_ID, "appid", "wx-dev-miniapp", "out_trade_no", "any",
                        "trade_state", "NOTPAY", "trade_state_desc", "not paid"))));
    }

    /** Closing any order answers 204. */
    public static void stubClose() {
        FakeWeChat.server().stubFor(post(urlPathMatching("/v3/pay/transactions/out-trade-no/[^/]+/close")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    /** A refund of {@code orderNo} answers this status. */
    public static void stubRefund(String orderNo, String status) {
        FakeWeChat.server().stubFor(post(urlPathEqualTo("/v3/refund/domestic/refunds")).atPriority(5)
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(orderNo)))
                .willReturn(signed(200, Map.of("refund_id", "fake-refund-" + orderNo, "out_refund_no", "any",
                        "out_trade_no", orderNo, "status", status, "channel", "ORIGINAL",
                        "amount", Map.of("refund", 0, "total", 0, "currency", "CNY")))));
    }

    /** A payment notify of a paid order, as WeChat Pay sends it. */
    public static Notify paidNotify(String orderNo, long totalCents) {
        return notify("TRANSACTION.SUCCESS", "transaction", transaction(orderNo, "SUCCESS", totalCents, MCH_ID), PLATFORM.getPrivate());
    }

    /** A payment notify with its own state, amount and merchant. */
    public static Notify paidNotify(String orderNo, String tradeState, long totalCents, String mchId) {
        return notify("TRANSACTION.SUCCESS", "transaction", transaction(orderNo, tradeState, totalCents, mchId), PLATFORM.getPrivate());
    }

    /** A paid notify of another Mini Program's payment, or in another currency: WeChat Pay's signature, not our trade. */
    public static Notify paidNotifyOf(String orderNo, long totalCents, String appId, String currency) {
        Map<String, Object> tx = transaction(orderNo, "SUCCESS", totalCents, MCH_ID);
        tx.put("appid", appId);
        tx.put("amount", Map.of("total", totalCents, "payer_total", totalCents, "currency", currency, "payer_currency", currency));
        return notify("TRANSACTION.SUCCESS", "transaction", tx, PLATFORM.getPrivate());
    }

    /** A payment notify signed with a key that is not WeChat Pay's. */
    public static Notify forgedNotify(String orderNo, long totalCents) {
        return notify("TRANSACTION.SUCCESS", "transaction", transaction(orderNo, "SUCCESS", totalCents, MCH_ID), STRANGER.getPrivate());
    }

    /** A refund notify saying the refund went through. */
    public static Notify refundNotify(String orderNo, String refundNo, long refundCents, long totalCents) {
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("mchid", MCH_ID);
        refund.put("out_trade_no", orderNo);
        refund.put("transaction_id", "tx-" + orderNo);
        refund.put("out_refund_no", refundNo);
        refund.put("refund_id", "fake-refund-" + refundNo);
        refund.put("refund_status", "SUCCESS");
        refund.put("success_time", "2026-01-01T10:00:00+08:00");
        refund.put("amount", Map.of("total", totalCents, "refund", refundCents, "payer_total", totalCents, "payer_refund", refundCents));
        return notify("REFUND.SUCCESS", "refund", refund, PLATFORM.getPrivate());
    }

    /** Posts the notify to the app as WeChat Pay would. */
    public static Api.Response deliver(Api api, String path, Notify notify) {
        return api.with("Wechatpay-Timestamp", notify.timestamp()).with("Wechatpay-Nonce", notify.nonce())
                .with("Wechatpay-Signature", notify.signature()).with("Wechatpay-Serial", PUBLIC_KEY_ID)
                .post(path, notify.body());
    }

    public record Notify(String body, String timestamp, String nonce, String signature) {
    }

    private static Map<String, Object> transaction(String orderNo, String tradeState, long totalCents, String mchId) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("appid", "wx-dev-miniapp");
        tx.put("mchid", mchId);
        tx.put("out_trade_no", orderNo);
        tx.put("transaction_id", "tx-" + orderNo);
        tx.put("trade_type", "JSAPI");
        tx.put("trade_state", tradeState);
        tx.put("trade_state_desc", tradeState);
        tx.put("success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
        tx.put("payer", Map.of("openid", "any"));
        tx.put("amount", Map.of("total", totalCents, "payer_total", totalCents, "currency", "CNY", "payer_currency", "CNY"));
        return tx;
    }

    private static Notify notify(String eventType, String originalType, Map<String, Object> resource, PrivateKey signer) {
        String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("create_time", "2026-01-01T10:00:00+08:00");
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", eventType);
        body.put("summary", "ok");
        body.put("resource", Map.of("original_type", originalType, "algorithm", "AEAD_AES_256_GCM",
                "ciphertext", PaySigning.encrypt(API_V3_KEY, originalType, nonce, JSON.writeValueAsString(resource)),
                "associated_data", originalType, "nonce", nonce));
        String text = JSON.writeValueAsString(body);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String headerNonce = UUID.randomUUID().toString().replace("-", "");
        return new Notify(text, timestamp, headerNonce, PaySigning.sign(signer, timestamp, headerNonce, text));
    }

    private static ResponseDefinitionBuilder signed(int status, Map<String, Object> body) {
        String text = JSON.writeValueAsString(body);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Wechatpay-Timestamp", timestamp).withHeader("Wechatpay-Nonce", nonce)
                .withHeader("Wechatpay-Serial", PUBLIC_KEY_ID);
        return response.withHeader("Wechatpay-Signature", PaySigning.sign(PLATFORM.getPrivate(), timestamp, nonce, text)).withBody(text);
    }

    private static Path pem(String name, String type, Key key) {
        try {
            Path file = Files.createTempFile(name, ".pem");
            file.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
