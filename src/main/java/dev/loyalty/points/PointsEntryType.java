package dev.loyalty.points;

/** What a ledger row did to the balance; WRITE_OFF brings a deleted member's balance to zero, once. */
public enum PointsEntryType {
    EARN, SPEND, EXPIRE, REVERSE, ADJUST, WRITE_OFF
}
