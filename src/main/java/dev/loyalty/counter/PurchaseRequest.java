package dev.loyalty.counter;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A purchase at the counter, as staff and tills send it. */
public record PurchaseRequest(@NotBlank @Size(max = 64) String memberCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only") String orderNo,
        @NotNull @Min(1) Long amountCents) {
}
