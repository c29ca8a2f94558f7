package dev.loyalty.wechat;

import com.github.binarywang.wxpay.service.WxPayService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay API v3 in the sandbox: JSAPI prepay, order query and close, refund and refund query, each answer
 * signed with the sandbox's WeChat Pay key as WeChat Pay signs them. Orders and refunds live in memory.
 * {@code POST /wx-sandbox/pay/simulate {orderNo}} pays an order and delivers its notify, signed and encrypted,
 * three times, as WeChat Pay may; a refund succeeds at once and its notify is delivered once.
 */
@RestController
@RequestMapping(WxSandboxController.PATH)
@ConditionalOnBooleanProperty("wx.sandbox.enabled")
class WxPaySandboxController {

    private static final Logger log = LoggerFactory.getLogger(WxPaySandboxController.class);
    static final int NOTIFY_DELIVERIES = 3;

    private final PayKeys keys;
    private final WxProperties props;
    private final WxPayService wxPay;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

    WxPaySandboxController(PayKeys keys, WxProperties props, WxPayService wxPay, JsonMapper json) {
        this.keys = keys;
        this.props = props;
        this.wxPay = wxPay;
        this.json = json;
    }

    @PostMapping("/v3/pay/transactions/jsapi")
    ResponseEntity<String> prepay(@RequestBody JsonNode body) {
        String orderNo = body.path("out_trade_no").asString("");
        long total = body.path("amount").path("total").asLong(0);
        if (orderNo.isBlank() || total <= 0 || body.path("payer").path("openid").asString("").isBlank()) {
            return signed(HttpStatus.BAD_REQUEST, Map.of("code", "PARAM_ERROR", "message", "out_trade_no, amount.total and payer.openid are required"));
        }
        Order order = orders.computeIfAbsent(orderNo, no -> new Order(no, total, body.path("payer").path("openid").asString(),
                body.path("notify_url").asString(""), "sandbox-prepay-" + UUID.randomUUID()));
        return signed(HttpStatus.OK, Map.of("prepay_id", order.prepayId));
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{orderNo}")
    ResponseEntity<String> query(@PathVariable String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) {
            return signed(HttpStatus.NOT_FOUND, Map.of("code", "ORDER_NOT_EXIST", "message", "no such order"));
        }
        return signed(HttpStatus.OK, transaction(order));
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{orderNo}/close")
    ResponseEntity<String> close(@PathVariable String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) {
            return signed(HttpStatus.NOT_FOUND, Map.of("code", "ORDER_NOT_EXIST", "message", "no such order"));
        }
        synchronized (order) {
            if ("SUCCESS".equals(order.state)) {
                return signed(HttpStatus.BAD_REQUEST, Map.of("code", "ORDER_PAID", "message", "the order is paid"));
            }
            order.state = "CLOSED";
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v3/refund/domestic/refunds")
    ResponseEntity<String> refund(@RequestBody JsonNode body) {
        String refundNo = body.path("out_refund_no").asString("");
        Order order = orders.get(body.path("out_trade_no").asString(""));
        long amount = body.path("amount").path("refund").asLong(0);
        if (order == null || !"SUCCESS".equals(order.state) && !"REFUND".equals(order.state)) {
            return signed(HttpStatus.BAD_REQUEST, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "no paid order of that number"));
        }
        Refund refund;
        synchronized (order) {
            Refund existing = refunds.get(refundNo);
            if (existing != null) {
                refund = existing;
            } else {
                if (amount <= 0 || order.refunded + amount > order.total) {
                    return signed(HttpStatus.BAD_REQUEST, Map.of("code", "INVALID_REQUEST", "message", "refund over what is left"));
                }
                order.refunded += amount;
                order.state = "REFUND";
                refund = new Refund(refundNo, order.orderNo, amount, "sandbox-refund-" + UUID.randomUUID(),
                        body.path("notify_url").asString(""));
                refunds.put(refundNo, refund);
                Refund sent = refund;
                // after the answer, as WeChat Pay notifies a refund once it went through
                CompletableFuture.runAsync(
                        () -> deliver(sent.notifyUrl, notify("REFUND.SUCCESS", "refund", refundResource(sent)), 1),
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
            }
        }
        return signed(HttpStatus.OK, refundAnswer(refund));
    }

    @GetMapping("/v3/refund/domestic/refunds/{refundNo}")
    ResponseEntity<String> refundQuery(@PathVariable String refundNo) {
        Refund refund = refunds.get(refundNo);
        if (refund == null) {
            return signed(HttpStatus.NOT_FOUND, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "no such refund"));
        }
        return signed(HttpStatus.OK, refundAnswer(refund));
    }

    /** The member paid: the order succeeds and its notify goes to the app three times; answers each delivery's HTTP status. */
    @PostMapping("/pay/simulate")
    ResponseEntity<Map<String, Object>> simulate(@RequestBody Map<String, String> body) {
        Order order = orders.get(body.getOrDefault("orderNo", ""));
        if (order == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "ORDER_NOT_EXIST", "message", "no such order"));
        }
        synchronized (order) {
            if ("CLOSED".equals(order.state)) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "ORDER_CLOSED", "message", "the order is closed"));
            }
            if ("NOTPAY".equals(order.state)) {
                order.state = "SUCCESS";
                order.transactionId = "sandbox-tx-" + UUID.randomUUID().toString().replace("-", "");
                order.successTime = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString();
            }
        }
        String notify = notify("TRANSACTION.SUCCESS", "transaction", transaction(order));
        List<Integer> statuses = deliver(order.notifyUrl, notify, NOTIFY_DELIVERIES);
        return ResponseEntity.ok(Map.of("orderNo", order.orderNo, "deliveries", statuses));
    }

    private List<Integer> deliver(String url, String body, int times) {
        String target = url == null || url.isBlank() ? wxPay.getConfig().getNotifyUrl() : url;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
            String nonce = PaySigning.nonce(32);
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(target))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Wechatpay-Timestamp", timestamp)
                        .header("Wechatpay-Nonce", nonce)
                        .header("Wechatpay-Serial", props.pay().publicKeyId())
                        .header("Wechatpay-Signature", PaySigning.sign(keys.platformPrivate(), timestamp, nonce, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                statuses.add(answer.statusCode());
            } catch (IOException e) {
                log.warn("Sandbox WeChat Pay notify to {} failed: {}", target, e.toString());
                statuses.add(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                statuses.add(0);
                break;
            }
        }
        return statuses;
    }

    private String notify(String eventType, String originalType, Map<String, Object> resource) {
        String nonce = PaySigning.nonce(12);
        Map<String, Object> encrypted = Map.of("original_type", originalType, "algorithm", "AEAD_AES_256_GCM",
                "ciphertext", PaySigning.encrypt(props.pay().apiV3Key(), originalType, nonce, json.writeValueAsString(resource)),
                "associated_data", originalType, "nonce", nonce);
        return json.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "create_time",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "resource_type", "encrypt-resource", "event_type", eventType, "summary", "sandbox", "resource", encrypted));
    }

    private Map<String, Object> transaction(Order order) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("appid", wxPay.getConfig().getAppId());
        tx.put("mchid", props.pay().mchId());
        tx.put("out_trade_no", order.orderNo);
        tx.put("transaction_id", order.transactionId);
        tx.put("trade_type", "JSAPI");
        tx.put("trade_state", order.state);
        tx.put("trade_state_desc", order.state);
        tx.put("success_time", order.successTime);
        tx.put("payer", Map.of("openid", order.openid));
        tx.put("amount", Map.of("total", order.total, "payer_total", order.total, "currency", "CNY", "payer_currency", "CNY"));
        return tx;
    }

    private Map<String, Object> refundResource(Refund refund) {
        Order order = orders.get(refund.orderNo);
        return Map.of("mchid", props.pay().mchId(), "out_trade_no", refund.orderNo, "transaction_id",
                String.valueOf(order.transactionId), "out_refund_no", refund.refundNo, "refund_id", refund.refundId,
                "refund_status", "SUCCESS", "success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "amount", Map.of("total", order.total, "refund", refund.amount, "payer_total", order.total, "payer_refund", refund.amount));
    }

    private Map<String, Object> refundAnswer(Refund refund) {
        Order order = orders.get(refund.orderNo);
        return Map.of("refund_id", refund.refundId, "out_refund_no", refund.refundNo, "transaction_id",
                String.valueOf(order.transactionId), "out_trade_no", refund.orderNo, "channel", "ORIGINAL", "status", "SUCCESS",
                "amount", Map.of("total", order.total, "refund", refund.amount, "payer_total", order.total,
                        "payer_refund", refund.amount, "currency", "CNY"));
    }

    /** An answer signed as WeChat Pay signs it (its serial is the public key id the app trusts). */
    private ResponseEntity<String> signed(HttpStatus status, Object body) {
        if (keys.platformPrivate() == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"code\":\"SYSTEM_ERROR\",\"message\":\"the sandbox pays only with its own keys (no wx.pay key paths)\"}");
        }
        String text = json.writeValueAsString(body);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = PaySigning.nonce(32);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("Wechatpay-Timestamp", timestamp)
                .header("Wechatpay-Nonce", nonce)
                .header("Wechatpay-Serial", props.pay().publicKeyId())
                .header("Wechatpay-Signature", PaySigning.sign(keys.platformPrivate(), timestamp, nonce, text))
                .body(text);
    }

    private static final class Order {
        final String orderNo;
        final long total;
        final String openid;
        final String notifyUrl;
        final String prepayId;
        volatile String state = "NOTPAY";
        volatile String transactionId;
        volatile String successTime;
        long refunded;

        Order(String orderNo, long total, String openid, String notifyUrl, String prepayId) {
            this.orderNo = orderNo;
            this.total = total;
            this.openid = openid;
            this.notifyUrl = notifyUrl;
            this.prepayId = prepayId;
        }
    }

    private record Refund(String refundNo, String orderNo, long amount, String refundId, String notifyUrl) {
    }
}
