package dev.loyalty.coupon.web;

import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.CouponService;
import dev.loyalty.coupon.CouponView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Staff")
@RestController
class StaffCouponController {

    private static final long SCANS_PER_MINUTE = 120;

    private final CouponService coupons;
    private final CounterService counter;
    private final RateLimits rateLimits;

    StaffCouponController(CouponService coupons, CounterService counter, RateLimits rateLimits) {
        this.coupons = coupons;
        this.counter = counter;
        this.rateLimits = rateLimits;
    }

    @Operation(summary = "Use a coupon at this store (its code or its QR payload)")
    @PostMapping("/api/staff/coupons/verify")
    VerifyResponse verify(@AuthenticationPrincipal Actor actor, @Valid @RequestBody VerifyRequest request) {
        StaffBinding at = counter.requireStaff(actor.id());
        rateLimits.acquire("staff", Long.toString(actor.id()), SCANS_PER_MINUTE, Duration.ofMinutes(1));
        return new VerifyResponse(coupons.verify(at, request.code()));
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String code) {
    }

    record VerifyResponse(CouponView coupon) {
    }
}
