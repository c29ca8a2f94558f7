package dev.loyalty.points.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsLedgerLine;
import dev.loyalty.points.PointsResult;
import dev.loyalty.points.PointsRuleView;
import dev.loyalty.points.PointsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminPointsController {

    private static final long MAX_ADJUSTMENT = 10_000_000;

    private final PointsService points;
    private final MemberService members;

    AdminPointsController(PointsService points, MemberService members) {
        this.points = points;
        this.members = members;
    }

    @Operation(summary = "The points rule")
    @GetMapping("/api/admin/points-rule")
    PointsRuleView rule() {
        return points.rule();
    }

    /** A client that sends neither of the two checkout fields keeps what the rule has for them. */
    @Operation(summary = "Change the points rule; earned points keep their expiry")
    @PutMapping("/api/admin/points-rule")
    PointsRuleView changeRule(@Valid @RequestBody PointsRuleRequest request) {
        PointsRuleView current = points.rule();
        return points.changeRule(new PointsRuleView(request.pointsPerYuan(), request.expiryDays(),
                request.pointsPerYuanRedeem() == null ? current.pointsPerYuanRedeem() : request.pointsPerYuanRedeem(),
                request.maxPointsPercent() == null ? current.maxPointsPercent() : request.maxPointsPercent()));
    }

    /** A repeat with the same {@code Idempotency-Key} header answers the first result and changes nothing. */
    @Operation(summary = "Adjust a member's points up or down, with a reason")
    @PostMapping("/api/admin/members/{memberId}/points-adjustments")
    AdjustmentResponse adjust(@PathVariable long memberId, @Valid @RequestBody AdjustmentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request.delta() == 0) {
            throw new InvalidRequestException("delta", "must not be zero");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1..64 characters");
        }
        if (!members.exists(memberId)) {
            throw new NotFoundException("Member", memberId);
        }
        String key = "adjust:" + memberId + ":" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
        PointsResult result = points.adjust(memberId, request.delta(), request.reason().strip(), key);
        return new AdjustmentResponse(result.balanceAfter(), result.entryId());
    }

    @Operation(summary = "A member's points ledger, as the member sees it")
    @GetMapping("/api/admin/members/{memberId}/points-ledger")
    PageResponse<PointsLedgerLine> ledger(@PathVariable long memberId, @Valid PageQuery paging) {
        if (!members.exists(memberId)) {
            throw new NotFoundException("Member", memberId);
        }
        return points.ledger(memberId, paging.toPage());
    }

    record PointsRuleRequest(@NotNull @Min(0) @Max(1000) Long pointsPerYuan, @NotNull @Min(1) @Max(3650) Integer expiryDays,
            @Min(1) @Max(100_000) Long pointsPerYuanRedeem, @Min(0) @Max(100) Integer maxPointsPercent) {
    }

    record AdjustmentRequest(@NotNull @Min(-MAX_ADJUSTMENT) @Max(MAX_ADJUSTMENT) Long delta,
            @NotBlank @Size(max = 200) String reason) {
    }

    record AdjustmentResponse(long balance, long entryId) {
    }
}
