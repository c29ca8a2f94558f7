package dev.loyalty.common.security;

/**
 * What an operator of the console may do. The server decides on every request from the role stored with
 * the account, so a change of role or a disabled account takes effect on the operator's next request.
 */
public enum OperatorRole {
    /** Everything, including operators' accounts. */
    OWNER,
    /** Rules, members, coupons, campaigns, rebates and reports; not operators' accounts. */
    OPERATOR,
    /** Staff bindings, purchases, wallet movements and coupon verifications of one store, and member lookup. */
    STORE_MANAGER,
    /** Reads everything, the audit log included; writes nothing. */
    AUDITOR
}
