package dev.loyalty.checkout.web;

import dev.loyalty.checkout.CheckoutRefundResult;
import dev.loyalty.checkout.CheckoutRefundRequest;
import dev.loyalty.checkout.CheckoutRequest;
import dev.loyalty.checkout.CheckoutResult;
import dev.loyalty.checkout.CheckoutService;
import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.StaffGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checkouts at the counter: a coupon and points pay part of an order, the rest is paid in cash. */
@Tag(name = "Staff")
@RestController
class StaffCheckoutController {

    private final CheckoutService checkouts;
    private final StaffGate gate;

    StaffCheckoutController(CheckoutService checkouts, StaffGate gate) {
        this.checkouts = checkouts;
        this.gate = gate;
    }

    @Operation(summary = "Check an order out with a coupon and points as part payment (idempotent per store and order number)")
    @PostMapping("/api/staff/checkouts")
    CheckoutResult checkout(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CheckoutRequest request) {
        return checkouts.checkout(gate.enter(actor), request);
    }

    @Operation(summary = "What a checkout would come to, writing nothing and leaving the member code unspent")
    @PostMapping("/api/staff/checkouts/preview")
    CheckoutResult preview(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CheckoutRequest request) {
        return checkouts.preview(gate.enter(actor), request);
    }

    @Operation(summary = "Refund a checkout's cash, all or part; points paid with go back in proportion, the coupon on a whole refund")
    @PostMapping("/api/staff/checkouts/{orderNo}/refund")
    CheckoutRefundResult refund(@AuthenticationPrincipal Actor actor, @PathVariable String orderNo,
            @Valid @RequestBody(required = false) CheckoutRefundRequest request) {
        return checkouts.refund(gate.enter(actor), orderNo, request == null ? null : request.amountCents());
    }
}
