package dev.loyalty.coupon;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coupon's code or QR payload, scanned at the counter. */
public record VerifyRequest(@NotBlank @Size(max = 64) String code) {
}
