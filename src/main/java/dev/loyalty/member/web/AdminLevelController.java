package dev.loyalty.member.web;

import dev.loyalty.member.LevelView;
import dev.loyalty.member.MemberService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminLevelController {

    private final MemberService members;

    AdminLevelController(MemberService members) {
        this.members = members;
    }

    @Operation(summary = "Member levels, lowest first")
    @GetMapping("/api/admin/levels")
    List<LevelView> levels() {
        return members.levels();
    }

    @Operation(summary = "Add a level: members reaching minGrowth earn points × pointsMultiplierPercent/100")
    @PostMapping("/api/admin/levels")
    @ResponseStatus(HttpStatus.CREATED)
    LevelView create(@Valid @RequestBody LevelRequest request) {
        return members.createLevel(request.code(), request.name().strip(), request.minGrowth(),
                request.pointsMultiplierPercent());
    }

    @Operation(summary = "Change a level's name, threshold or multiplier (members move up at their next growth)")
    @PutMapping("/api/admin/levels/{code}")
    LevelView update(@PathVariable String code, @Valid @RequestBody LevelChange change) {
        return members.updateLevel(code, change.name().strip(), change.minGrowth(), change.pointsMultiplierPercent());
    }

    record LevelChange(@NotBlank @Size(max = 64) String name, @NotNull @Min(0) Long minGrowth,
            @NotNull @Min(100) @Max(1000) Integer pointsMultiplierPercent) {
    }

    record LevelRequest(@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_-]+", message = "upper-case letters, digits, _ and -") String code,
            @NotBlank @Size(max = 64) String name, @NotNull @Min(0) Long minGrowth,
            @NotNull @Min(100) @Max(1000) Integer pointsMultiplierPercent) {
    }
}
