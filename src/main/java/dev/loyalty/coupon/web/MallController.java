package dev.loyalty.coupon.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.coupon.CouponStatus;
import dev.loyalty.coupon.CouponType;
import dev.loyalty.coupon.CouponView;
import dev.loyalty.coupon.RedeemResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class MallController {

    private static final long REDEEMS_PER_MINUTE = 30;

    private final CouponMall coupons;
    private final RateLimits rateLimits;

    MallController(CouponMall coupons, RateLimits rateLimits) {
        this.coupons = coupons;
        this.rateLimits = rateLimits;
    }

    @Operation(summary = "What the points mall offers, with how many of each I hold")
    @GetMapping("/api/app/mall/items")
    List<MallItem> items(@AuthenticationPrincipal Actor actor) {
        return coupons.mall(actor.id()).stream().map(item -> {
            var t = item.template();
            return new MallItem(t.id(), t.name(), t.type(), t.pointsPrice(), t.stockLeft(), t.perMemberLimit(),
                    item.redeemedByMe(), t.validDays(), t.validFrom(), t.validTo());
        }).toList();
    }

    @Operation(summary = "Redeem points for a coupon; repeat with the same Idempotency-Key for the same coupon")
    @PostMapping("/api/app/mall/items/{templateId}/redeem")
    ResponseEntity<RedeemResponse> redeem(@AuthenticationPrincipal Actor actor, @PathVariable long templateId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new InvalidRequestException("Idempotency-Key", "send a key of 1..64 characters, one per redemption");
        }
        rateLimits.acquire("redeem", Long.toString(actor.id()), REDEEMS_PER_MINUTE, Duration.ofMinutes(1));
        RedeemResult result = coupons.redeem(actor.id(), templateId, idempotencyKey);
        CouponView c = result.coupon();
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new RedeemResponse(new IssuedCoupon(c.id(), c.code(), c.status(), c.validFrom(), c.validTo()),
                        result.pointsBalance()));
    }

    @Operation(summary = "My coupons, by status")
    @GetMapping("/api/app/coupons")
    PageResponse<CouponView> coupons(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) CouponStatus status, @Valid PageQuery paging) {
        return coupons.coupons(actor.id(), status, paging.toPage());
    }

    @Operation(summary = "One of my coupons, with the payload its QR code shows")
    @GetMapping("/api/app/coupons/{id}")
    CouponView coupon(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return coupons.coupon(actor.id(), id);
    }

    record MallItem(long templateId, String name, CouponType type, long pointsPrice, long stockLeft, int perMemberLimit,
            int redeemedByMe, Integer validDays, LocalDate validFrom, LocalDate validTo) {
    }

    record IssuedCoupon(long id, String code, CouponStatus status, Instant validFrom, Instant validTo) {
    }

    record RedeemResponse(IssuedCoupon coupon, long pointsBalance) {
    }
}
