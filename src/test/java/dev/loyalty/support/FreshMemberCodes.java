package dev.loyalty.support;

import dev.loyalty.counter.MemberCodes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The member codes one member's app would show, each handed out once: a code pays for one order, and two draws
 * within the same 30-second step can give the same code. A step has a thousand codes of a member; when draws keep
 * giving codes handed out before, the clock moves on to the next step, as the member would wait for a new code,
 * rather than a test spinning until real time gets there.
 */
public final class FreshMemberCodes {

    /** The member code's time step (MemberCodes.STEP_SECONDS). */
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int DRAWS_BEFORE_NEXT_STEP = 3;

    private final MemberCodes memberCodes;
    private final long memberId;
    private final MutableClock clock;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    public FreshMemberCodes(MemberCodes memberCodes, long memberId, MutableClock clock) {
        this.memberCodes = memberCodes;
        this.memberId = memberId;
        this.clock = clock;
    }

    /** A member code not handed out before by this instance. */
    public String next() {
        for (int draws = 1; ; draws++) {
            String code = memberCodes.show(memberId, null).code();
            if (handedOut.add(code)) {
                return code;
            }
            if (draws % DRAWS_BEFORE_NEXT_STEP == 0) {
                clock.advance(STEP);
            }
        }
    }
}
