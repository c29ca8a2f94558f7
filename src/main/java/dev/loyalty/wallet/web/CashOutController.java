package dev.loyalty.wallet.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.wallet.CashOutView;
import dev.loyalty.wallet.CashOuts;
import dev.loyalty.wallet.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cash-out of stored value: by the member, or by an operator for them; an operator reopens a closed wallet. */
@Tag(name = "Wallet")
@RestController
class CashOutController {

    private final CashOuts cashOuts;

    CashOutController(CashOuts cashOuts) {
        this.cashOuts = cashOuts;
    }

    @Operation(summary = "What cashing out my wallet would do now: refunds to WeChat Pay, cash at a store, bonus forfeited")
    @GetMapping("/api/app/wallet/cash-out")
    CashOutView preview(@AuthenticationPrincipal Actor actor) {
        return cashOuts.preview(actor.id());
    }

    @Operation(summary = "Cash out my wallet and close it: the principal is refunded (the rest paid at a store), the bonus forfeited")
    @PostMapping("/api/app/wallet/cash-out")
    CashOutView cashOut(@AuthenticationPrincipal Actor actor) {
        return cashOuts.cashOut(actor.id(), actor);
    }

    @Operation(summary = "Cash out a member's wallet and close it")
    @PostMapping("/api/admin/members/{id}/wallet/cash-out")
    CashOutView cashOutFor(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return cashOuts.cashOut(id, actor);
    }

    @Operation(summary = "Reopen a member's closed wallet")
    @PostMapping("/api/admin/members/{id}/wallet/reopen")
    WalletView reopen(@PathVariable long id) {
        return cashOuts.reopen(id);
    }
}
