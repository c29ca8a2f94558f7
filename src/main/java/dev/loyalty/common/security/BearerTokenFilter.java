package dev.loyalty.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}; a bad token, or an admin token whose account was
 * disabled or removed since (or whose password was reset after it was issued), or a member token of a deleted
 * member, is refused at once with 401.
 * An operator's role comes from their account at this request, not from the token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;
    private final ActiveAdmins activeAdmins;
    private final ProblemWriter problems;
    private final DeletedMembers deletedMembers;

    BearerTokenFilter(TokenService tokens, ActiveAdmins activeAdmins, ProblemWriter problems, DeletedMembers deletedMembers) {
        this.tokens = tokens;
        this.activeAdmins = activeAdmins;
        this.problems = problems;
        this.deletedMembers = deletedMembers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = tokens.verified(header.substring(PREFIX.length()).trim()).flatMap(this::standing);
        if (actor.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "The token is invalid or has expired");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(actor.get(), null, authorities(actor.get()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * A member is who the token says, unless they deleted their account (an in-memory set, no query); an operator
     * is who their account says now.
     */
    private Optional<Actor> standing(TokenService.Verified token) {
        Actor actor = token.actor();
        if (actor.type() == Actor.Type.ADMIN) {
            return activeAdmins.standing(actor.id(), token.issuedAt());
        }
        return deletedMembers.contains(actor.id()) ? Optional.empty() : Optional.of(actor);
    }

    private static List<GrantedAuthority> authorities(Actor actor) {
        var type = new SimpleGrantedAuthority("ROLE_" + actor.type().name());
        return actor.role() == null ? List.of(type) : List.of(type, new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }
}
