package dev.loyalty.counter.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.MemberCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class MemberCodeController {

    private final CounterService counter;

    MemberCodeController(CounterService counter) {
        this.counter = counter;
    }

    @Operation(summary = "A member code for the counter, valid for at most 60 seconds and for one order",
            description = "With current= (the code the app shows now), answers that code while it is unspent and has"
                    + " more than 20 s left, otherwise a fresh one: the card polls this to replace a code once used.")
    @GetMapping("/api/app/member-code")
    MemberCodes.MemberCode memberCode(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Size(max = 32) String current) {
        return counter.memberCode(actor.id(), current);
    }
}
