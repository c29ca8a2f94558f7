package dev.loyalty.member.web;

import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.member.LoginResult;
import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.MemberService;
import dev.loyalty.wechat.MiniProgram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class AuthController {

    private final MemberService members;
    private final RateLimits rateLimits;
    private final long loginsPerMinute;

    AuthController(MemberService members, RateLimits rateLimits,
            @Value("${loyalty.rate-limit.login-per-minute:60}") long loginsPerMinute) {
        this.members = members;
        this.rateLimits = rateLimits;
        this.loginsPerMinute = loginsPerMinute;
    }

    @Operation(summary = "Log in with a wx.login code; creates the member on first login")
    @PostMapping("/api/app/auth/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        rateLimits.acquire("login", http.getRemoteAddr(), loginsPerMinute, Duration.ofMinutes(1));
        LoginResult result = members.login(request.code(), request.nickname(), request.avatarUrl());
        return new LoginResponse(result.token(), result.expiresAt(), result.created(), result.member());
    }

    record LoginRequest(@NotBlank @Schema(pattern = MiniProgram.CODE_PATTERN) String code,
            @Size(max = 32) String nickname, @Size(max = 512) String avatarUrl) {
    }

    record LoginResponse(String token, Instant expiresAt, boolean created, MemberProfile member) {
    }
}
