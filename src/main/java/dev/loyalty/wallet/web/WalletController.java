package dev.loyalty.wallet.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.DateRangeQuery;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.StaffGate;
import dev.loyalty.wallet.PaymentRequest;
import dev.loyalty.wallet.StoreWalletLine;
import dev.loyalty.wallet.WalletLedgerLine;
import dev.loyalty.wallet.WalletMovement;
import dev.loyalty.wallet.WalletPlanView;
import dev.loyalty.wallet.WalletService;
import dev.loyalty.wallet.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stored value for members, staff at the counter and operators. */
@Tag(name = "Wallet")
@RestController
class WalletController {

    private static final long MAX_CENTS = 100_000_000;

    private final WalletService wallets;
    private final StaffGate gate;

    private final Clock clock;

    WalletController(WalletService wallets, StaffGate gate, Clock clock) {
        this.clock = clock;
        this.wallets = wallets;
        this.gate = gate;
    }

    @Operation(summary = "My stored value: principal and bonus")
    @GetMapping("/api/app/wallet")
    WalletView wallet(@AuthenticationPrincipal Actor actor) {
        return wallets.wallet(actor.id());
    }

    @Operation(summary = "My wallet ledger, newest first")
    @GetMapping("/api/app/wallet/ledger")
    PageResponse<WalletLedgerLine> ledger(@AuthenticationPrincipal Actor actor, @Valid PageQuery paging) {
        return wallets.ledger(actor.id(), paging.toPage());
    }

    @Operation(summary = "Top-up plans on offer")
    @GetMapping("/api/app/wallet/plans")
    List<WalletPlanView> plans() {
        return wallets.plans(true);
    }

    @Operation(summary = "Staff: the member paid in money; add it (and a plan's bonus) to the wallet")
    @PostMapping("/api/staff/wallet/top-ups")
    WalletMovement topUp(@AuthenticationPrincipal Actor actor, @Valid @RequestBody TopUpRequest request) {
        return wallets.topUp(gate.enter(actor), request.memberCode(), request.orderNo(), request.amountCents(), request.planId());
    }

    @Operation(summary = "Staff: pay from the member's wallet (idempotent per store and order number)")
    @PostMapping("/api/staff/wallet/payments")
    WalletMovement pay(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PaymentRequest request) {
        return wallets.pay(gate.enter(actor), request.memberCode(), request.orderNo(), request.amountCents());
    }

    @Operation(summary = "Staff: refund a wallet payment, exactly what it took")
    @PostMapping("/api/staff/wallet/payments/{orderNo}/refund")
    WalletMovement refund(@AuthenticationPrincipal Actor actor, @PathVariable String orderNo) {
        return wallets.refundPayment(gate.enter(actor), orderNo);
    }

    @Operation(summary = "All top-up plans")
    @GetMapping("/api/admin/wallet-plans")
    List<WalletPlanView> allPlans() {
        return wallets.plans(false);
    }

    @Operation(summary = "Offer a top-up plan: pay X, get Y bonus")
    @PostMapping("/api/admin/wallet-plans")
    @ResponseStatus(HttpStatus.CREATED)
    WalletPlanView createPlan(@Valid @RequestBody PlanRequest request) {
        return wallets.createPlan(request.name().strip(), request.payCents(), request.bonusCents(),
                request.enabled() == null || request.enabled());
    }

    @Operation(summary = "Change a top-up plan, or switch it off (enabled: false)")
    @PutMapping("/api/admin/wallet-plans/{id}")
    WalletPlanView updatePlan(@PathVariable long id, @Valid @RequestBody PlanRequest request) {
        return wallets.updatePlan(id, request.name().strip(), request.payCents(), request.bonusCents(),
                request.enabled() == null || request.enabled());
    }

    @Operation(summary = "A member's wallet ledger")
    @GetMapping("/api/admin/members/{memberId}/wallet-ledger")
    PageResponse<WalletLedgerLine> memberLedger(@PathVariable long memberId, @Valid PageQuery paging) {
        return wallets.ledger(memberId, paging.toPage());
    }

    @Operation(summary = "Wallet movements at the counters, newest first, by store and dates (a store manager: their store)")
    @GetMapping("/api/admin/wallet-movements")
    PageResponse<StoreWalletLine> storeMovements(@RequestParam(required = false) Long storeId, @Valid DateRangeQuery dates,
            @Valid PageQuery paging) {
        return wallets.storeMovements(storeId, dates.start(clock.getZone()), dates.end(clock.getZone()), paging.toPage());
    }

    record TopUpRequest(@NotBlank @Size(max = 64) String memberCode, @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String orderNo,
            @NotNull @Min(1) Long amountCents, Long planId) {
    }

    record PlanRequest(@NotBlank @Size(max = 64) String name, @NotNull @Min(1) @Max(MAX_CENTS) Long payCents,
            @NotNull @Min(0) @Max(MAX_CENTS) Long bonusCents, Boolean enabled) {
    }
}
