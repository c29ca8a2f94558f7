package dev.loyalty.wechat;

import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * WeChat Pay API v3 through WxJava, as narrow as the wallet needs it: a JSAPI prepay for the Mini Program, an
 * order's state, closing an unpaid order, a refund and its state, and the two notifies, verified (signature
 * against the WeChat Pay public key) and decrypted (API v3 key). WeChat Pay's failures become
 * {@link WxUnavailableException}; a notify that does not verify or decrypt, {@link PayNotifyInvalidException}.
 * The sandbox is WeChat Pay at another host, so this one class serves both.
 */
@Service
public class WeChatPay {

    private static final Logger log = LoggerFactory.getLogger(WeChatPay.class);

    private final WxPayService wxPay;
    private final WxProperties props;
    private final PayKeys keys;

    WeChatPay(WxPayService wxPay, WxProperties props, PayKeys keys) {
        this.wxPay = wxPay;
        this.props = props;
        this.keys = keys;
    }

    /** The merchant id orders are made under; a notify or answer naming another is not ours. */
    public String mchId() {
        return props.pay().mchId();
    }

    /** The Mini Program the payments are made in; a notify or answer naming another app is not ours. */
    public String appId() {
        return wxPay.getConfig().getAppId();
    }

    /** True when WeChat Pay is the local sandbox (the Mini Program then calls the sandbox's simulate). */
    public boolean sandbox() {
        return props.sandbox() != null && props.sandbox().enabled() && isBlank(props.pay().apiHostUrl());
    }

    /** A JSAPI prepay for {@code openid} paying {@code amountCents}; answers what {@code wx.requestPayment} takes. */
    public PayParams prepay(String orderNo, long amountCents, String openid, String description) {
        WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request()
                .setAppid(wxPay.getConfig().getAppId())
                .setMchid(mchId())
                .setDescription(description)
                .setOutTradeNo(orderNo)
                .setNotifyUrl(wxPay.getConfig().getNotifyUrl())
                .setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(amountCents)).setCurrency("CNY"))
                .setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(openid));
        WxPayUnifiedOrderV3Result.JsapiResult result = call("prepay", () -> wxPay.createOrderV3(TradeTypeEnum.JSAPI, request));
        return new PayParams(result.getTimeStamp(), result.getNonceStr(), result.getPackageValue(), result.getSignType(),
                result.getPaySign());
    }

    /** The order as WeChat Pay knows it ({@code NOT_EXIST} when it never reached WeChat Pay). */
    public PayTrade query(String orderNo) {
        WxPayOrderQueryV3Result result;
        try {
            result = requireKeys(() -> wxPay.queryOrderV3(null, orderNo));
        } catch (WxPayException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrCode())) {
                return new PayTrade(orderNo, mchId(), appId(), "NOT_EXIST", 0, null, null, null);
            }
            throw unavailable("query", e);
        } catch (RuntimeException e) {
            throw unavailable("query", e);
        }
        return new PayTrade(result.getOutTradeNo(), result.getMchid(), result.getAppid(), result.getTradeState(),
                result.getAmount() == null || result.getAmount().getTotal() == null ? 0 : result.getAmount().getTotal(),
                result.getAmount() == null ? null : result.getAmount().getCurrency(),
                result.getTransactionId(), instant(result.getSuccessTime()));
    }

    /** Closes an unpaid order, so it can no longer be paid. */
    public void close(String orderNo) {
        call("close", () -> {
            wxPay.closeOrderV3(orderNo);
            return null;
        });
    }

    /** Refunds {@code refundCents} of the order paid {@code totalCents}; {@code refundNo} makes a retry the same refund. */
    public PayRefund refund(String orderNo, String refundNo, long refundCents, long totalCents, String reason) {
        WxPayRefundV3Request request = new WxPayRefundV3Request()
                .setOutTradeNo(orderNo)
                .setOutRefundNo(refundNo)
                .setReason(reason)
                .setNotifyUrl(refundNotifyUrl())
                .setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(refundCents))
                        .setTotal(Math.toIntExact(totalCents)).setCurrency("CNY"));
        WxPayRefundV3Result result = call("refund", () -> wxPay.refundV3(request));
        return new PayRefund(refundNo, orderNo, mchId(), result.getStatus(), refundCents, result.getRefundId());
    }

    /** The refund as WeChat Pay knows it. */
    public PayRefund queryRefund(String refundNo) {
        WxPayRefundQueryV3Result result = call("refund query", () -> wxPay.refundQueryV3(refundNo));
        return new PayRefund(refundNo, result.getOutTradeNo(), mchId(), result.getStatus(),
                result.getAmount() == null || result.getAmount().getRefund() == null ? 0 : result.getAmount().getRefund(),
                result.getRefundId());
    }

    /** A payment notify, verified and decrypted. */
    public PayTrade parsePaidNotify(String body, NotifyHeaders headers) {
        WxPayNotifyV3Result.DecryptNotifyResult result = parse(() -> wxPay.parseOrderNotifyV3Result(body, header(headers)).getResult());
        return new PayTrade(result.getOutTradeNo(), result.getMchid(), result.getAppid(), result.getTradeState(),
                result.getAmount() == null || result.getAmount().getTotal() == null ? -1 : result.getAmount().getTotal(),
                result.getAmount() == null ? null : result.getAmount().getCurrency(),
                result.getTransactionId(), instant(result.getSuccessTime()));
    }

    /** A refund notify, verified and decrypted. */
    public PayRefund parseRefundNotify(String body, NotifyHeaders headers) {
        WxPayRefundNotifyV3Result.DecryptNotifyResult result = parse(() -> wxPay.parseRefundNotifyV3Result(body, header(headers)).getResult());
        return new PayRefund(result.getOutRefundNo(), result.getOutTradeNo(), result.getMchid(), result.getRefundStatus(),
                result.getAmount() == null ? 0 : result.getAmount().getRefund(), result.getRefundId());
    }

    /** Where refund notifies go: the payment notify URL with {@code notify} at its end made {@code refund-notify}. */
    String refundNotifyUrl() {
        String url = wxPay.getConfig().getNotifyUrl();
        return url == null ? null : url.replaceFirst("/notify$", "/refund-notify");
    }

    private <T> T parse(PayCall<T> call) {
        if (!keys.configured()) {
            throw new PayNotifyInvalidException("WeChat Pay keys are not configured", null);
        }
        try {
            T result = call.run();
            if (result == null) {
                throw new PayNotifyInvalidException("empty resource", null);
            }
            return result;
        } catch (WxPayException | RuntimeException e) {
            if (e instanceof PayNotifyInvalidException invalid) {
                throw invalid;
            }
            throw new PayNotifyInvalidException(e.getMessage(), e);
        }
    }

    private <T> T call(String api, PayCall<T> call) {
        try {
            return requireKeys(call);
        } catch (WxPayException | RuntimeException e) {
            throw unavailable(api, e);
        }
    }

    private <T> T requireKeys(PayCall<T> call) throws WxPayException {
        if (!keys.configured()) {
            throw new IllegalStateException("WeChat Pay keys are not configured (wx.pay.*)");
        }
        return call.run();
    }

    private static WxUnavailableException unavailable(String api, Exception e) {
        if (e instanceof WxPayException pay) {
            log.warn("WeChat Pay {} failed: {} {}", api, pay.getErrCode(), pay.getCustomErrorMsg());
            return new WxUnavailableException("WeChat Pay " + api + ": " + pay.getErrCode(), null);
        }
        log.warn("WeChat Pay {} failed in the client: {}", api, e.toString());
        return new WxUnavailableException("WeChat Pay " + api, null);
    }

    private static SignatureHeader header(NotifyHeaders headers) {
        SignatureHeader header = new SignatureHeader();
        header.setTimeStamp(headers.timestamp());
        header.setNonce(headers.nonce());
        header.setSignature(headers.signature());
        header.setSerial(headers.serial());
        return header;
    }

    private static Instant instant(String rfc3339) {
        if (isBlank(rfc3339)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @FunctionalInterface
    private interface PayCall<T> {
        T run() throws WxPayException;
    }

    /** What {@code wx.requestPayment} takes; {@code packageValue} is {@code prepay_id=...}. */
    public record PayParams(String timeStamp, String nonceStr, String packageValue, String signType, String paySign) {
    }

    /** {@code tradeState}: SUCCESS, NOTPAY, CLOSED, USERPAYING, PAYERROR, REFUND...; {@code currency} CNY. */
    public record PayTrade(String orderNo, String mchId, String appId, String tradeState, long totalCents, String currency,
            String transactionId, Instant successTime) {

        public boolean paid() {
            return "SUCCESS".equals(tradeState);
        }
    }

    /** {@code status}: SUCCESS, PROCESSING, CLOSED, ABNORMAL. */
    public record PayRefund(String refundNo, String orderNo, String mchId, String status, long refundCents, String refundId) {
    }

    /** The four {@code Wechatpay-*} headers of a notify. */
    public record NotifyHeaders(String timestamp, String nonce, String signature, String serial) {
    }
}
