package dev.loyalty.campaign;

/** Where a grant stands: RUNNING until every target is done (DONE), or until it cannot go on (FAILED). */
public enum GrantStatus {
    RUNNING, DONE, FAILED
}
