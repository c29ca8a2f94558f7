package dev.loyalty.rebate.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.rebate.MemberRebates;
import dev.loyalty.rebate.RebatePolicyView;
import dev.loyalty.rebate.RebateReport;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.rebate.RebateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rebates")
@RestController
class RebateController {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RebateService rebates;

    RebateController(RebateService rebates) {
        this.rebates = rebates;
    }

    @Operation(summary = "This period's spend, rate and next tier, and my rebate history")
    @GetMapping("/api/app/rebates")
    MemberRebates mine(@AuthenticationPrincipal Actor actor) {
        return rebates.forMember(actor.id());
    }

    @Operation(summary = "The rebate policy")
    @GetMapping("/api/admin/rebate-policy")
    RebatePolicyView policy() {
        return rebates.policy();
    }

    @Operation(summary = "Change the rebate policy: writes a new version, in force from now (audited)")
    @PutMapping("/api/admin/rebate-policy")
    RebatePolicyView changePolicy(@Valid @RequestBody PolicyRequest request) {
        return rebates.changePolicy(new RebatePolicyView(request.periodType(), request.creditAs(), request.autoApprove(),
                request.tiers().stream().map(t -> new RebatePolicyView.Tier(t.thresholdCents(), t.ratePercent())).toList(),
                request.maxCents(), request.expiresDays(), request.remindWithinCents(), request.remindDaysBefore()));
    }

    @Operation(summary = "Every version of the rebate policy, newest first")
    @GetMapping("/api/admin/rebate-policy/versions")
    PageResponse<RebatePolicyView> policyVersions(@Valid PageQuery paging) {
        return rebates.policyVersions(paging.toPage());
    }

    @Operation(summary = "A period's rebates by tier (of the policy version in force at its end) and status, the total "
            + "and the members the cap cut")
    @GetMapping("/api/admin/rebates/report")
    RebateReport report(@RequestParam String period) {
        return rebates.report(period.strip());
    }

    @Operation(summary = "The same report as CSV")
    @GetMapping(value = "/api/admin/rebates/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(@RequestParam String period) {
        RebateReport report = rebates.report(period.strip());
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("rebates-" + report.period() + ".csv").build().toString())
                .body(report.csv());
    }

    @Operation(summary = "Settle an ended period (yyyy-MM or yyyy-Qn); running it again changes nothing")
    @PostMapping("/api/admin/rebates/settle")
    RebateService.Settlement settle(@Valid @RequestBody SettleRequest request) {
        return rebates.settle(request.period());
    }

    @Operation(summary = "Settled rebates, newest first, by status (PENDING, CREDITED) and period")
    @GetMapping("/api/admin/rebates")
    PageResponse<RebateView> rebates(@RequestParam(required = false) String status,
            @RequestParam(required = false) String period, @Valid PageQuery paging) {
        return rebates.rebates(blankToNull(status) == null ? null : status.strip().toUpperCase(), blankToNull(period),
                paging.toPage());
    }

    @Operation(summary = "Counts and sums of settled rebates, pending and credited apart (one period or all)")
    @GetMapping("/api/admin/rebates/totals")
    RebateService.Totals totals(@RequestParam(required = false) String period) {
        return rebates.totals(blankToNull(period));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Operation(summary = "Approve and credit a pending rebate")
    @PostMapping("/api/admin/rebates/{id}/approve")
    RebateView approve(@PathVariable long id) {
        return rebates.approve(id);
    }

    @Operation(summary = "Reject a pending rebate, with the reason: nothing is credited (audited)")
    @PostMapping("/api/admin/rebates/{id}/reject")
    RebateView reject(@PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return rebates.reject(id, request.reason().strip());
    }

    record RejectRequest(@NotBlank @Size(max = 255) String reason) {
    }

    /** Absent {@code maxCents}: no cap; {@code expiresDays}: never; either reminder field: no reminders. */
    record PolicyRequest(@NotNull RebatePolicyView.PeriodType periodType, @NotNull RebatePolicyView.CreditAs creditAs,
            @NotNull Boolean autoApprove, @NotNull @Size(max = 20) List<@Valid @NotNull TierRequest> tiers,
            @Min(1) Long maxCents, @Min(1) @Max(3650) Integer expiresDays, @Min(1) Long remindWithinCents,
            @Min(1) @Max(90) Integer remindDaysBefore) {
    }

    record TierRequest(@NotNull @Min(1) Long thresholdCents, @NotNull @Min(0) @Max(100) Integer ratePercent) {
    }

    record SettleRequest(@NotBlank @Size(max = 8) String period) {
    }
}
