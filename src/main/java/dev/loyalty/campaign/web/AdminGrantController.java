package dev.loyalty.campaign.web;

import dev.loyalty.campaign.CouponGrants;
import dev.loyalty.campaign.GrantCommand;
import dev.loyalty.campaign.GrantStatus;
import dev.loyalty.campaign.GrantView;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.member.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminGrantController {

    static final int MAX_LISTED = 10_000;
    static final long MAX_POINTS = 10_000_000;

    private final CouponGrants grants;

    AdminGrantController(CouponGrants grants) {
        this.grants = grants;
    }

    /** 201 with the new grant, RUNNING; a repeat with the same {@code Idempotency-Key}: 200 and the first grant. */
    @Operation(summary = "Grant a coupon, points or both to listed members, a segment or a level; runs in the background")
    @PostMapping("/api/admin/coupon-grants")
    ResponseEntity<GrantView> start(@Valid @RequestBody GrantRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new InvalidRequestException("Idempotency-Key", "send a key of 1..64 characters, one per grant");
        }
        if (request.templateId() == null && request.points() == null) {
            throw new InvalidRequestException("templateId", "grant a coupon (templateId), points, or both");
        }
        GrantTargetRequest target = request.target();
        int kinds = (target.memberIds() != null ? 1 : 0) + (target.segment() != null ? 1 : 0)
                + (target.levelCode() != null ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidRequestException("target", "give exactly one of memberIds, segment and levelCode");
        }
        CouponGrants.Started started = grants.start(new GrantCommand(request.templateId(), request.points(),
                request.reason().strip(), target.memberIds(), target.segment(),
                target.levelCode() == null ? null : target.levelCode().strip()), idempotencyKey);
        return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(started.grant());
    }

    @Operation(summary = "One grant: its status and counts")
    @GetMapping("/api/admin/coupon-grants/{id}")
    GrantView grant(@PathVariable long id) {
        return grants.grant(id);
    }

    @Operation(summary = "Grants, newest first")
    @GetMapping("/api/admin/coupon-grants")
    PageResponse<GrantView> grants(@RequestParam(required = false) GrantStatus status, @Valid PageQuery paging) {
        return grants.grants(status, paging.toPage());
    }

    record GrantRequest(@Positive Long templateId, @Positive @Max(MAX_POINTS) Long points,
            @NotBlank @Size(max = 200) String reason, @NotNull @Valid GrantTargetRequest target) {
    }

    record GrantTargetRequest(@Size(min = 1, max = MAX_LISTED) List<@NotNull @Positive Long> memberIds, Segment segment,
            @Size(min = 1, max = 32) String levelCode) {
    }
}
