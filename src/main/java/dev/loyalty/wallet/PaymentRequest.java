package dev.loyalty.wallet;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A payment from the member's wallet at the counter, as staff and tills send it. */
public record PaymentRequest(@NotBlank @Size(max = 64) String memberCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String orderNo, @NotNull @Min(1) Long amountCents) {
}
