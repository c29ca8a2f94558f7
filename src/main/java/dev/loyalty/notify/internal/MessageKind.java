package dev.loyalty.notify.internal;

/** What a message tells, by the name its templates are configured under, and how many slots its data has. */
enum MessageKind {
    /** What happened, change, new balance, time. */
    POINTS_CHANGED("points-changed", 4),
    /** What happened, change, new balance, time. */
    WALLET_CHANGED("wallet-changed", 4),
    /** Coupon name, what happened, time. */
    COUPON_CHANGED("coupon-changed", 3),
    /** New level, time. */
    LEVEL_CHANGED("level-changed", 2),
    /** What more spend reaches which rate, how much more, by which date. */
    REBATE_REMINDER("rebate-reminder", 3);

    private final String configName;
    private final int slots;

    MessageKind(String configName, int slots) {
        this.configName = configName;
        this.slots = slots;
    }

    String configName() {
        return configName;
    }

    int slots() {
        return slots;
    }
}
