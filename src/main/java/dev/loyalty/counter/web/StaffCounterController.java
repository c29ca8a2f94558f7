package dev.loyalty.counter.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.PurchaseRequest;
import dev.loyalty.counter.PurchaseResponse;
import dev.loyalty.counter.PurchaseResult;
import dev.loyalty.counter.RefundRequest;
import dev.loyalty.counter.RefundResponse;
import dev.loyalty.counter.StaffGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What staff do at the counter; every call first checks that the caller is bound to a store. */
@Tag(name = "Staff")
@RestController
class StaffCounterController {

    private final CounterService counter;
    private final StaffGate gate;

    StaffCounterController(CounterService counter, StaffGate gate) {
        this.counter = counter;
        this.gate = gate;
    }

    @Operation(summary = "Award points for a purchase (idempotent per store and order number)")
    @PostMapping("/api/staff/purchases")
    PurchaseResponse purchase(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PurchaseRequest request) {
        PurchaseResult result = counter.recordPurchase(gate.enter(actor), request.memberCode(), request.orderNo(),
                request.amountCents());
        return PurchaseResponse.of(result);
    }

    @Operation(summary = "Refund a purchase, all or part, reversing its points in proportion")
    @PostMapping("/api/staff/purchases/{orderNo}/refund")
    RefundResponse refund(@AuthenticationPrincipal Actor actor, @PathVariable String orderNo,
            @Valid @RequestBody(required = false) RefundRequest request) {
        PurchaseResult result = counter.refundPurchase(gate.enter(actor), orderNo,
                request == null ? null : request.amountCents());
        return RefundResponse.of(result);
    }
}
