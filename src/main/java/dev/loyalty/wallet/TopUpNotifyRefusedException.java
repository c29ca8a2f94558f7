package dev.loyalty.wallet;

/** A payment notify that verified but does not fit its order (unknown order, other merchant, other amount, not paid). */
public class TopUpNotifyRefusedException extends RuntimeException {

    TopUpNotifyRefusedException(String message) {
        super(message);
    }
}
