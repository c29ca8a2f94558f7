package dev.loyalty.coupon.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.StaffGate;
import dev.loyalty.coupon.CouponVerification;
import dev.loyalty.coupon.VerifyRequest;
import dev.loyalty.coupon.VerifyResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Staff")
@RestController
class StaffCouponController {

    private final CouponVerification coupons;
    private final StaffGate gate;

    StaffCouponController(CouponVerification coupons, StaffGate gate) {
        this.coupons = coupons;
        this.gate = gate;
    }

    @Operation(summary = "Use a coupon at this store (its code or its QR payload)")
    @PostMapping("/api/staff/coupons/verify")
    VerifyResponse verify(@AuthenticationPrincipal Actor actor, @Valid @RequestBody VerifyRequest request) {
        return new VerifyResponse(coupons.verify(gate.enter(actor), request.code()));
    }
}
