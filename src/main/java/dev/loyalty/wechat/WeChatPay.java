package dev.loyalty.wechat;

import java.time.Instant;

/**
 * WeChat Pay API v3, as narrow as the wallet needs it: a JSAPI prepay for the Mini Program, an order's state,
 * closing an unpaid order, a refund and its state, and the two notifies, verified (signature against the WeChat
 * Pay public key) and decrypted (API v3 key). WeChat's failures become {@link WxUnavailableException}; a notify
 * that does not verify or decrypt, {@link PayNotifyInvalidException}.
 */
public interface WeChatPay {

    /** The merchant id orders are made under; a notify or answer naming another is not ours. */
    String mchId();

    /** True when WeChat Pay is the local sandbox (the Mini Program then calls the sandbox's simulate). */
    boolean sandbox();

    /** A JSAPI prepay for {@code openid} paying {@code amountCents}; answers what {@code wx.requestPayment} takes. */
    PayParams prepay(String orderNo, long amountCents, String openid, String description);

    /** The order as WeChat Pay knows it. */
    PayTrade query(String orderNo);

    /** Closes an unpaid order, so it can no longer be paid. */
    void close(String orderNo);

    /** Refunds {@code refundCents} of the order paid {@code totalCents}; {@code refundNo} makes a retry the same refund. */
    PayRefund refund(String orderNo, String refundNo, long refundCents, long totalCents, String reason);

    /** The refund as WeChat Pay knows it. */
    PayRefund queryRefund(String refundNo);

    /** A payment notify, verified and decrypted. */
    PayTrade parsePaidNotify(String body, NotifyHeaders headers);

    /** A refund notify, verified and decrypted. */
    PayRefund parseRefundNotify(String body, NotifyHeaders headers);

    /** What {@code wx.requestPayment} takes; {@code packageValue} is {@code prepay_id=...}. */
    record PayParams(String timeStamp, String nonceStr, String packageValue, String signType, String paySign) {
    }

    /** {@code tradeState}: SUCCESS, NOTPAY, CLOSED, USERPAYING, PAYERROR, REFUND... */
    record PayTrade(String orderNo, String mchId, String tradeState, long totalCents, String transactionId,
            Instant successTime) {

        public boolean paid() {
            return "SUCCESS".equals(tradeState);
        }
    }

    /** {@code status}: SUCCESS, PROCESSING, CLOSED, ABNORMAL. */
    record PayRefund(String refundNo, String orderNo, String mchId, String status, long refundCents, String refundId) {
    }

    /** The four {@code Wechatpay-*} headers of a notify. */
    record NotifyHeaders(String timestamp, String nonce, String signature, String serial) {
    }
}
