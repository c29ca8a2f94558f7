package dev.loyalty.coupon.web;

import dev.loyalty.common.web.DateRangeQuery;
import dev.loyalty.common.web.FourDigitYear;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.coupon.CouponTemplates;
import dev.loyalty.coupon.CouponTemplateView;
import dev.loyalty.coupon.CouponType;
import dev.loyalty.coupon.CouponVerification;
import dev.loyalty.coupon.TemplateChange;
import dev.loyalty.coupon.VerifiedCoupon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminCouponController {

    private final CouponTemplates templates;
    private final CouponMall mall;
    private final CouponVerification verification;

    private final Clock clock;

    AdminCouponController(CouponTemplates templates, CouponMall mall, CouponVerification verification, Clock clock) {
        this.clock = clock;
        this.templates = templates;
        this.mall = mall;
        this.verification = verification;
    }

    @Operation(summary = "All coupon templates, newest first")
    @GetMapping("/api/admin/coupon-templates")
    List<CouponTemplateView> templates() {
        return templates.templates();
    }

    @Operation(summary = "Create a coupon template")
    @PostMapping("/api/admin/coupon-templates")
    @ResponseStatus(HttpStatus.CREATED)
    CouponTemplateView create(@Valid @RequestBody TemplateRequest request) {
        return templates.createTemplate(request.toChange());
    }

    @Operation(summary = "How many coupons of each template were issued and used")
    @GetMapping("/api/admin/coupon-templates/counts")
    List<CouponTemplates.TemplateCount> counts() {
        return templates.templateCounts();
    }

    @Operation(summary = "A coupon by its code or QR payload, with the member who holds it")
    @GetMapping("/api/admin/coupons/lookup")
    CouponVerification.HeldCoupon lookup(@RequestParam @NotBlank @Size(max = 64) String code) {
        return verification.couponByCode(code);
    }

    @Operation(summary = "Coupons used at the counters, newest first, by store and dates (a store manager: their store)")
    @GetMapping("/api/admin/coupon-verifications")
    PageResponse<VerifiedCoupon> verifications(@RequestParam(required = false) Long storeId, @Valid DateRangeQuery dates,
            @Valid PageQuery paging) {
        return verification.verifiedAt(storeId, dates.start(clock.getZone()), dates.end(clock.getZone()), paging.toPage());
    }

    @Operation(summary = "One coupon template")
    @GetMapping("/api/admin/coupon-templates/{id}")
    CouponTemplateView template(@PathVariable long id) {
        return templates.template(id);
    }

    @Operation(summary = "Change a coupon template; stock already taken stays taken")
    @PutMapping("/api/admin/coupon-templates/{id}")
    CouponTemplateView update(@PathVariable long id, @Valid @RequestBody TemplateRequest request) {
        return templates.updateTemplate(id, request.toChange());
    }

    @Operation(summary = "Revoke an unused coupon: its points go back and its stock returns")
    @PostMapping("/api/admin/coupons/{id}/revoke")
    CouponMall.RevokeResult revoke(@PathVariable long id) {
        return mall.revoke(id);
    }

    record TemplateRequest(@NotBlank @Size(max = 64) String name, @NotNull CouponType type,
            @Min(0) Long thresholdCents, @Min(0) Long discountCents, @Min(0) @Max(99) Integer discountPercent,
            @Min(0) Long maxDiscountCents, @NotNull @Min(0) @Max(100_000_000) Long pointsPrice,
            @NotNull @Min(0) @Max(100_000_000) Long totalStock, @NotNull @Min(1) @Max(10_000) Integer perMemberLimit,
            @Min(1) @Max(3650) Integer validDays, @FourDigitYear LocalDate validFrom, @FourDigitYear LocalDate validTo,
            @Size(max = 100) List<@NotNull Long> storeIds, @NotNull Boolean enabled) {

        TemplateChange toChange() {
            return new TemplateChange(name, type, orZero(thresholdCents), orZero(discountCents),
                    Objects.requireNonNullElse(discountPercent, 0), orZero(maxDiscountCents), pointsPrice, totalStock,
                    perMemberLimit, validDays, validFrom, validTo, storeIds, enabled);
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }
}
