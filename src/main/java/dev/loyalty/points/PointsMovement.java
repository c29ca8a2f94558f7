package dev.loyalty.points;

/**
 * A request to earn or spend points. {@code idempotencyKey} is natural to the business event
 * (member and date for a sign-in, store and order for a purchase); repeating it changes nothing.
 */
public record PointsMovement(long memberId, long amount, PointsSource source, String idempotencyKey,
        String reference, String remark) {

    public PointsMovement {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("idempotencyKey must be 1..128 characters");
        }
    }
}
