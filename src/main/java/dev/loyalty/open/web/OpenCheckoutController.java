package dev.loyalty.open.web;

import dev.loyalty.checkout.CheckoutRefundResult;
import dev.loyalty.checkout.CheckoutRefundRequest;
import dev.loyalty.checkout.CheckoutRequest;
import dev.loyalty.checkout.CheckoutResult;
import dev.loyalty.checkout.CheckoutService;
import dev.loyalty.open.TillKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A till's checkout: the staff checkout, at the key's store, through the same service. */
@Tag(name = "Open API")
@RestController
class OpenCheckoutController {

    private final TillGate tills;
    private final CheckoutService checkouts;

    OpenCheckoutController(TillGate tills, CheckoutService checkouts) {
        this.tills = tills;
        this.checkouts = checkouts;
    }

    @Operation(summary = "Check an order out at the key's store with a coupon and points as part payment (idempotent per store and order number)")
    @PostMapping("/api/open/v1/checkouts")
    CheckoutResult checkout(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody CheckoutRequest request) {
        return checkouts.checkout(tills.enter(key), request);
    }

    @Operation(summary = "What a checkout would come to, writing nothing and leaving the member code unspent")
    @PostMapping("/api/open/v1/checkouts/preview")
    CheckoutResult preview(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @Valid @RequestBody CheckoutRequest request) {
        return checkouts.preview(tills.enter(key), request);
    }

    @Operation(summary = "Refund a checkout of the key's store, all or part; points go back in proportion, the coupon on a whole refund")
    @PostMapping("/api/open/v1/checkouts/{orderNo}/refund")
    CheckoutRefundResult refund(@Parameter(hidden = true) @RequestAttribute(TillKey.ATTRIBUTE) TillKey key,
            @PathVariable String orderNo, @Valid @RequestBody(required = false) CheckoutRefundRequest request) {
        return checkouts.refund(tills.enter(key), orderNo, request == null ? null : request.amountCents());
    }
}
