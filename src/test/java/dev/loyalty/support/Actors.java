package dev.loyalty.support;

import dev.loyalty.common.security.Actor;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a given actor, the way a request's token would, for tests that skip HTTP. */
public final class Actors {

    private Actors() {
    }

    public static <T> T as(Actor actor, Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static <T> T asAdmin(Supplier<T> action) {
        return as(new Actor(Actor.Type.ADMIN, 1), action);
    }
}
