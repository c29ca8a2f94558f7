package dev.loyalty.common.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What each operator role may call under {@code /api/admin/**}, in one table. Every operator reads and
 * changes their own account; beyond that:
 * <ul>
 * <li>OWNER: everything;</li>
 * <li>OPERATOR: everything but operators' accounts;</li>
 * <li>AUDITOR: every read (GET), no write;</li>
 * <li>STORE_MANAGER: the store-facing endpoints below; which store they may see or change is then decided
 * by the endpoint ({@link StoreScope}).</li>
 * </ul>
 */
final class OperatorAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final List<RequestMatcher> OWN_ACCOUNT = List.of(
            path(HttpMethod.GET, "/api/admin/me"),
            path(HttpMethod.POST, "/api/admin/me/password"));

    private static final RequestMatcher OPERATORS_ACCOUNTS = PathPatternRequestMatcher.pathPattern("/api/admin/operators/**");

    private static final List<RequestMatcher> STORE_MANAGER = List.of(
            path(HttpMethod.GET, "/api/admin/stores"),
            path(HttpMethod.GET, "/api/admin/staff"),
            path(HttpMethod.POST, "/api/admin/staff"),
            path(HttpMethod.DELETE, "/api/admin/staff/*"),
            path(HttpMethod.GET, "/api/admin/purchases"),
            path(HttpMethod.GET, "/api/admin/wallet-movements"),
            path(HttpMethod.GET, "/api/admin/coupon-verifications"),
            path(HttpMethod.GET, "/api/admin/coupons/lookup"),
            path(HttpMethod.GET, "/api/admin/members"),
            path(HttpMethod.GET, "/api/admin/members/*"));

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !(caller.getPrincipal() instanceof Actor actor) || actor.role() == null) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(allows(actor.role(), context.getRequest()));
    }

    static boolean allows(OperatorRole role, HttpServletRequest request) {
        if (anyMatches(OWN_ACCOUNT, request)) {
            return true;
        }
        switch (role) {
            case OWNER:
                return true;
            case OPERATOR:
                return !OPERATORS_ACCOUNTS.matches(request);
            case AUDITOR:
                return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            case STORE_MANAGER:
                return anyMatches(STORE_MANAGER, request);
            default:
                return false;
        }
    }

    private static boolean anyMatches(List<RequestMatcher> matchers, HttpServletRequest request) {
        return matchers.stream().anyMatch(matcher -> matcher.matches(request));
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.pathPattern(method, pattern);
    }
}
