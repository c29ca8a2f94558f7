package dev.loyalty.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may subscribe to, by the name receivers see in {@code type} and {@code X-Loyalty-Event}. */
public enum WebhookEventType {
    POINTS_CHANGED("points.changed"),
    WALLET_CHANGED("wallet.changed"),
    COUPON_CHANGED("coupon.changed"),
    MEMBER_LEVEL_CHANGED("member.level_changed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
