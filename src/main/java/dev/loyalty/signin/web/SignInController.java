package dev.loyalty.signin.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.common.security.Actor;
import dev.loyalty.signin.SignInCalendar;
import dev.loyalty.signin.SignInResult;
import dev.loyalty.signin.SignInService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
@RequestMapping("/api/app/sign-ins")
class SignInController {

    /** Twenty quick taps are a person; more than that a minute is a script. */
    private static final long TAPS_PER_MINUTE = 20;

    private final SignInService signIns;
    private final RateLimits rateLimits;
    private final Clock clock;

    SignInController(SignInService signIns, RateLimits rateLimits, Clock clock) {
        this.signIns = signIns;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @Operation(summary = "Sign in for today; a repeat the same day answers the first result")
    @PostMapping
    SignInResult signIn(@AuthenticationPrincipal Actor actor) {
        rateLimits.acquire("sign-in", Long.toString(actor.id()), TAPS_PER_MINUTE, Duration.ofMinutes(1));
        return signIns.signIn(actor.id());
    }

    @Operation(summary = "Make up a missed date of this month, for points")
    @PostMapping("/makeup")
    SignInResult makeup(@AuthenticationPrincipal Actor actor, @Valid @RequestBody MakeupRequest request) {
        rateLimits.acquire("sign-in", Long.toString(actor.id()), TAPS_PER_MINUTE, Duration.ofMinutes(1));
        return signIns.makeup(actor.id(), request.date());
    }

    @Operation(summary = "A month of sign-ins with the streak, makeups left and the next reward")
    @GetMapping("/calendar")
    SignInCalendar calendar(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Pattern(regexp = "\\s*|\\d{4}-\\d{2}", message = "must be yyyy-MM") String month) {
        YearMonth shown;
        try {
            shown = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be yyyy-MM");
        }
        return signIns.calendar(actor.id(), shown);
    }

    record MakeupRequest(@NotNull LocalDate date) {
    }
}
