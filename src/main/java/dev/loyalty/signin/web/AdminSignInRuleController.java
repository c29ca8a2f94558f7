package dev.loyalty.signin.web;

import dev.loyalty.signin.SignInRuleView;
import dev.loyalty.signin.SignInService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
@RequestMapping("/api/admin/sign-in-rule")
class AdminSignInRuleController {

    private final SignInService signIns;

    AdminSignInRuleController(SignInService signIns) {
        this.signIns = signIns;
    }

    @Operation(summary = "The sign-in rule")
    @GetMapping
    SignInRuleView rule() {
        return signIns.rule();
    }

    @Operation(summary = "Change the sign-in rule; it applies from the next sign-in")
    @PutMapping
    SignInRuleView change(@Valid @RequestBody RuleRequest request) {
        return signIns.changeRule(new SignInRuleView(request.basePoints(), request.cycleDays(),
                request.streakBonuses().stream().map(b -> new SignInRuleView.StreakBonus(b.day(), b.points())).toList(),
                new SignInRuleView.Makeup(request.makeup().enabled(), request.makeup().windowDays(),
                        request.makeup().monthlyLimit(), request.makeup().costPoints()),
                request.birthdayBonusPoints() == null ? 0 : request.birthdayBonusPoints()));
    }

    record RuleRequest(@NotNull @Min(0) @Max(100_000) Long basePoints,
            @NotNull @Min(1) @Max(366) Integer cycleDays,
            @NotNull @Size(max = 366) List<@Valid @NotNull BonusRequest> streakBonuses,
            @NotNull @Valid MakeupRuleRequest makeup, @Min(0) @Max(100_000) Long birthdayBonusPoints) {
    }

    record BonusRequest(@NotNull @Min(1) @Max(366) Integer day, @NotNull @Min(0) @Max(100_000) Long points) {
    }

    record MakeupRuleRequest(@NotNull Boolean enabled, @NotNull @Min(1) @Max(31) Integer windowDays,
            @NotNull @Min(0) @Max(31) Integer monthlyLimit, @NotNull @Min(0) @Max(100_000) Long costPoints) {
    }
}
