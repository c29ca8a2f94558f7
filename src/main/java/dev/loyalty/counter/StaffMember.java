package dev.loyalty.counter;

import java.time.Instant;

/** A staff binding as operators list it: the member, their nickname, the store, and since when. */
public record StaffMember(long memberId, long storeId, String nickname, Instant since) {
}
