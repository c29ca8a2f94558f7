package dev.loyalty.open.web;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.PurchaseRequest;
import dev.loyalty.counter.PurchaseResponse;
import dev.loyalty.counter.PurchaseResult;
import dev.loyalty.counter.RefundRequest;
import dev.loyalty.counter.RefundResponse;
import dev.loyalty.counter.ResolveRequest;
import dev.loyalty.counter.ResolvedMember;
import dev.loyalty.counter.ResolvedMembers;
import dev.loyalty.coupon.CouponVerification;
import dev.loyalty.coupon.VerifyRequest;
import dev.loyalty.coupon.VerifyResponse;
import dev.loyalty.open.TillKey;
import dev.loyalty.wallet.PaymentRequest;
import dev.loyalty.wallet.WalletMovement;
import dev.loyalty.wallet.WalletService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a store's till or ERP does through the open API: the staff counter's actions, taken by the key's store
 * through the same services, with the same rules, idempotency and errors. Every request is signed
 * ({@link SignatureFilter}); the key is rate-limited like a staff member ({@link TillGate}).
 * Checkouts are in {@link OpenCheckoutController}.
 */
@Tag(name = "Open API", description = "For tills and ERPs: signed with a store's API key, see the security scheme")
@RestController
class OpenCounterController {

    private final TillGate tills;
    private final CounterService counter;
    private final WalletService wallets;
    private final CouponVerification coupons;
    private final ResolvedMembers resolved;

    OpenCounterController(TillGate tills, CounterService counter, WalletService wallets, CouponVerification coupons,
            ResolvedMembers resolved) {
        this.tills = tills;
        this.counter = counter;
        this.wallets = wallets;
        this.coupons = coupons;
        this.resolved = resolved;
    }

    @Operation(summary = "Who is behind a scanned member code, with their balances (resolving spends nothing)")
    @PostMapping("/api/open/v1/members/resolve")
    ResolvedMember resolve(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody ResolveRequest request) {
        tills.enter(key);
        return resolved.resolve(request.memberCode());
    }

    @Operation(summary = "Award points for a purchase at the key's store (idempotent per store and order number)")
    @PostMapping("/api/open/v1/purchases")
    PurchaseResponse purchase(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody PurchaseRequest request) {
        PurchaseResult result = counter.recordPurchase(tills.enter(key), request.memberCode(), request.orderNo(),
                request.amountCents());
        return PurchaseResponse.of(result);
    }

    @Operation(summary = "Refund a purchase of the key's store, all or part, reversing its points in proportion")
    @PostMapping("/api/open/v1/purchases/{orderNo}/refund")
    RefundResponse refund(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @PathVariable String orderNo, @Valid @RequestBody(required = false) RefundRequest request) {
        PurchaseResult result = counter.refundPurchase(tills.enter(key), orderNo,
                request == null ? null : request.amountCents());
        return RefundResponse.of(result);
    }

    @Operation(summary = "Pay from the member's wallet at the key's store (idempotent per store and order number)")
    @PostMapping("/api/open/v1/wallet/payments")
    WalletMovement pay(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody PaymentRequest request) {
        return wallets.pay(tills.enter(key), request.memberCode(), request.orderNo(), request.amountCents());
    }

    @Operation(summary = "Refund a wallet payment of the key's store, exactly what it took")
    @PostMapping("/api/open/v1/wallet/payments/{orderNo}/refund")
    WalletMovement refundPayment(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @PathVariable String orderNo) {
        return wallets.refundPayment(tills.enter(key), orderNo);
    }

    @Operation(summary = "Use a coupon at the key's store (its code or its QR payload)")
    @PostMapping("/api/open/v1/coupons/verify")
    VerifyResponse verify(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody VerifyRequest request) {
        return new VerifyResponse(coupons.verify(tills.enter(key), request.code()));
    }
}
