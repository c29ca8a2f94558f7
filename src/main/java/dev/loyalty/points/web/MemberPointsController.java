package dev.loyalty.points.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.points.PointsLedgerLine;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
@RequestMapping("/api/app/points")
class MemberPointsController {

    private final PointsService points;

    MemberPointsController(PointsService points) {
        this.points = points;
    }

    @Operation(summary = "Balance, totals, and what expires in the next 30 days")
    @GetMapping
    PointsSummary summary(@AuthenticationPrincipal Actor actor) {
        return points.summary(actor.id());
    }

    @Operation(summary = "The points ledger, newest first")
    @GetMapping("/ledger")
    PageResponse<PointsLedgerLine> ledger(@AuthenticationPrincipal Actor actor, @Valid PageQuery paging) {
        return points.ledger(actor.id(), paging.toPage());
    }
}
