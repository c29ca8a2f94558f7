package dev.loyalty.points;

/** What a ledger row did to the balance. */
public enum PointsEntryType {
    EARN, SPEND, EXPIRE, REVERSE, ADJUST
}
