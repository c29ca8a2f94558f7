package dev.loyalty.wallet.web;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.wallet.CashOuts;
import dev.loyalty.wallet.PayNotifyRefusedException;
import dev.loyalty.wallet.TopUpOrders;
import dev.loyalty.wechat.PayNotifyInvalidException;
import dev.loyalty.wechat.WeChatPay;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay's notifies of payments and of refunds (no token: the signature is the proof). A notify that verifies and is credited (or was
 * already) answers 204, as WeChat Pay v3 expects; anything else answers {@code {code: "FAIL", message}} with a 4xx
 * (not from WeChat Pay, or not fitting its order) or 5xx (try again later), and WeChat Pay delivers it again.
 */
@Hidden
@RestController
class PayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(PayNotifyController.class);

    private final WeChatPay pay;
    private final TopUpOrders orders;
    private final CashOuts cashOuts;

    PayNotifyController(WeChatPay pay, TopUpOrders orders, CashOuts cashOuts) {
        this.pay = pay;
        this.orders = orders;
        this.cashOuts = cashOuts;
    }

    @PostMapping("/wx/pay/notify")
    ResponseEntity<Map<String, String>> paid(@RequestBody(required = false) String body,
            @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
            @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
            @RequestHeader(name = "Wechatpay-Serial", required = false) String serial) {
        WeChatPay.PayTrade trade;
        try {
            trade = pay.parsePaidNotify(body == null ? "" : body, new WeChatPay.NotifyHeaders(timestamp, nonce, signature, serial));
        } catch (PayNotifyInvalidException e) {
            log.warn("WeChat Pay notify refused: it does not verify ({})", e.getMessage());
            return fail(HttpStatus.UNAUTHORIZED, "signature or resource invalid");
        }
        try {
            orders.paid(trade);
            return ResponseEntity.noContent().build();
        } catch (PayNotifyRefusedException e) {
            return fail(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (LoyaltyException | DataAccessException e) {
            log.error("WeChat Pay notify for order {} not credited now, WeChat Pay will deliver it again: {}", trade.orderNo(), e.toString());
            return fail(HttpStatus.SERVICE_UNAVAILABLE, "try again");
        }
    }

    @PostMapping("/wx/pay/refund-notify")
    ResponseEntity<Map<String, String>> refunded(@RequestBody(required = false) String body,
            @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
            @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
            @RequestHeader(name = "Wechatpay-Serial", required = false) String serial) {
        WeChatPay.PayRefund refund;
        try {
            refund = pay.parseRefundNotify(body == null ? "" : body, new WeChatPay.NotifyHeaders(timestamp, nonce, signature, serial));
        } catch (PayNotifyInvalidException e) {
            log.warn("WeChat Pay refund notify refused: it does not verify ({})", e.getMessage());
            return fail(HttpStatus.UNAUTHORIZED, "signature or resource invalid");
        }
        try {
            cashOuts.refunded(refund);
            return ResponseEntity.noContent().build();
        } catch (PayNotifyRefusedException e) {
            return fail(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (DataAccessException e) {
            log.error("WeChat Pay refund notify for {} not recorded now: {}", refund.refundNo(), e.toString());
            return fail(HttpStatus.SERVICE_UNAVAILABLE, "try again");
        }
    }

    static ResponseEntity<Map<String, String>> fail(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("code", "FAIL", "message", message));
    }
}
