package dev.loyalty.admin.web;

import dev.loyalty.admin.AdminAuthService;
import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.common.security.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminAuthController {

    private static final long ATTEMPTS_PER_MINUTE = 20;

    private final AdminAuthService auth;
    private final RateLimits rateLimits;

    AdminAuthController(AdminAuthService auth, RateLimits rateLimits) {
        this.auth = auth;
        this.rateLimits = rateLimits;
    }

    @Operation(summary = "Log in as an operator")
    @PostMapping("/api/admin/auth/login")
    AdminLoginResponse login(@Valid @RequestBody AdminLoginRequest request, HttpServletRequest http) {
        rateLimits.acquire("admin-login", http.getRemoteAddr(), ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1));
        TokenService.IssuedToken token = auth.login(request.username(), request.password());
        return new AdminLoginResponse(token.token(), token.expiresAt());
    }

    record AdminLoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record AdminLoginResponse(String token, Instant expiresAt) {
    }
}
