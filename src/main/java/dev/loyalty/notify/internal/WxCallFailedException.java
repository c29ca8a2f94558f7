package dev.loyalty.notify.internal;

import dev.loyalty.common.error.LoyaltyException;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.springframework.http.HttpStatus;

/** WeChat refused, or did not answer, a call an official-account job made; the job stopped there. */
class WxCallFailedException extends LoyaltyException {

    WxCallFailedException(String job, String what, String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "WX_UNAVAILABLE",
                "Job " + job + " stopped: WeChat " + what + " failed (" + why + "); run it again later", cause);
    }

    /** Runs {@code call}, turning WxJava's failures into this exception (errcode only: no secrets in messages). */
    static <T> T call(String job, String what, Call<T> call) {
        try {
            return call.call();
        } catch (WxErrorException e) {
            String why = e.getError() == null ? "no answer" : "errcode " + e.getError().getErrorCode();
            throw new WxCallFailedException(job, what, why, e);
        } catch (WxRuntimeException e) {
            throw new WxCallFailedException(job, what, "no answer", e);
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws WxErrorException;
    }
}
