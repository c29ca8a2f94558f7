package dev.loyalty.counter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member code scanned at the counter, to see who is behind it. */
public record ResolveRequest(@NotBlank @Size(max = 64) String memberCode) {
}
