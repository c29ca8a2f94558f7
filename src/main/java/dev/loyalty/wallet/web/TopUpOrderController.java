package dev.loyalty.wallet.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.wallet.TopUpOrderCreated;
import dev.loyalty.wallet.TopUpOrderView;
import dev.loyalty.wallet.TopUpOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Members top up their wallet with WeChat Pay. */
@Tag(name = "Wallet")
@RestController
class TopUpOrderController {

    private final TopUpOrders orders;

    TopUpOrderController(TopUpOrders orders) {
        this.orders = orders;
    }

    @Operation(summary = "Top up with WeChat Pay: a plan or an amount; answers the parameters of wx.requestPayment")
    @PostMapping("/api/app/wallet/top-up-orders")
    @ResponseStatus(HttpStatus.CREATED)
    TopUpOrderCreated create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody TopUpOrderRequest request) {
        return orders.create(actor.id(), request.planId(), request.amountCents());
    }

    @Operation(summary = "One of my top-up orders: CREATED, PAID or CLOSED")
    @GetMapping("/api/app/wallet/top-up-orders/{orderNo}")
    TopUpOrderView view(@AuthenticationPrincipal Actor actor, @PathVariable String orderNo) {
        return orders.view(actor.id(), orderNo);
    }

    record TopUpOrderRequest(@Min(1) Long planId, @Min(1) @Max(100_000_000) Long amountCents) {
    }
}
