package dev.loyalty.me;

import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.ResolveRequest;
import dev.loyalty.counter.ResolvedMember;
import dev.loyalty.counter.ResolvedMembers;
import dev.loyalty.counter.StaffGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What staff see of a member whose code they scanned: who it is and their balances. */
@Tag(name = "Staff")
@RestController
class StaffResolveController {

    private final StaffGate gate;
    private final ResolvedMembers resolved;

    StaffResolveController(StaffGate gate, ResolvedMembers resolved) {
        this.gate = gate;
        this.resolved = resolved;
    }

    @Operation(summary = "Who is behind a scanned member code")
    @PostMapping("/api/staff/members/resolve")
    ResolvedMember resolve(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ResolveRequest request) {
        gate.enter(actor);
        return resolved.resolve(request.memberCode());
    }
}
