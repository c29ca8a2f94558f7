package dev.loyalty.wallet;

import java.time.Instant;

/** A top-up paid with WeChat Pay: {@code status} CREATED, PAID or CLOSED. */
public record TopUpOrderView(String orderNo, String status, long amountCents, long bonusCents, Instant createdAt, Instant paidAt) {
}
