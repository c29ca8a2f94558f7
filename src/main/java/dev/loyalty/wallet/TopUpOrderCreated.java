package dev.loyalty.wallet;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new top-up order and what the Mini Program passes to {@code wx.requestPayment}; {@code sandbox}: WeChat Pay
 * is the local sandbox, so the Mini Program pays by {@code POST /wx-sandbox/pay/simulate {orderNo}} instead.
 */
public record TopUpOrderCreated(String orderNo, long amountCents, long bonusCents, PayParams payParams, boolean sandbox) {

    public record PayParams(String timeStamp, String nonceStr, @JsonProperty("package") String packageValue, String signType,
            String paySign) {
    }
}
