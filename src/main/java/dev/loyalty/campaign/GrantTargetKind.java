package dev.loyalty.campaign;

/** Whom a grant reaches: members listed by id, a segment, or a level. */
public enum GrantTargetKind {
    MEMBERS, SEGMENT, LEVEL
}
