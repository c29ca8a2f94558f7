package dev.loyalty.member;

/** ACTIVE until the member deletes their account; a DELETED member's row is kept, anonymised, under its id. */
public enum MemberStatus {
    ACTIVE, DELETED
}
