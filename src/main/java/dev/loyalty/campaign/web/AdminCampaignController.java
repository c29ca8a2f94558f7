package dev.loyalty.campaign.web;

import dev.loyalty.campaign.CampaignCommand;
import dev.loyalty.campaign.CampaignReport;
import dev.loyalty.campaign.CampaignTrigger;
import dev.loyalty.campaign.CampaignView;
import dev.loyalty.campaign.Campaigns;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.web.FourDigitYear;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.member.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminCampaignController {

    static final long MAX_POINTS = 10_000_000;

    private final Campaigns campaigns;

    AdminCampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Create a campaign: a coupon, points or both for members who meet its trigger")
    @PostMapping("/api/admin/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@Valid @RequestBody CampaignRequest request) {
        return campaigns.create(request.toCommand());
    }

    @Operation(summary = "Change a campaign; what it already gave stays given")
    @PutMapping("/api/admin/campaigns/{id}")
    CampaignView update(@PathVariable long id, @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(id, request.toCommand());
    }

    @Operation(summary = "One campaign")
    @GetMapping("/api/admin/campaigns/{id}")
    CampaignView campaign(@PathVariable long id) {
        return campaigns.campaign(id);
    }

    @Operation(summary = "Campaigns, newest first")
    @GetMapping("/api/admin/campaigns")
    PageResponse<CampaignView> campaigns(@Valid PageQuery paging) {
        return campaigns.campaigns(paging.toPage());
    }

    @Operation(summary = "What a campaign did: members rewarded and held out")
    @GetMapping("/api/admin/campaigns/{id}/report")
    CampaignReport report(@PathVariable long id) {
        return campaigns.report(id);
    }

    record CampaignRequest(@NotBlank @Size(max = 100) String name, @NotNull CampaignTrigger trigger, Segment segment,
            @Size(min = 1, max = 32) String levelCode, @Positive Long templateId, @Positive @Max(MAX_POINTS) Long points,
            @NotNull @Min(1) Long budget, @NotNull @FourDigitYear LocalDate startsOn, @NotNull @FourDigitYear LocalDate endsOn,
            @NotNull Boolean enabled,
            @NotNull @Min(0) @Max(50) Integer holdoutPercent) {

        CampaignCommand toCommand() {
            if (templateId == null && points == null) {
                throw new InvalidRequestException("templateId", "reward a coupon (templateId), points, or both");
            }
            if (endsOn.isBefore(startsOn)) {
                throw new InvalidRequestException("endsOn", "ends before it starts");
            }
            if (trigger == CampaignTrigger.SEGMENT_ENTERED ? segment == null : segment != null) {
                throw new InvalidRequestException("segment", "a segment goes with SEGMENT_ENTERED, and only with it");
            }
            if (trigger == CampaignTrigger.LEVEL_REACHED ? levelCode == null : levelCode != null) {
                throw new InvalidRequestException("levelCode", "a levelCode goes with LEVEL_REACHED, and only with it");
            }
            return new CampaignCommand(name.strip(), trigger, segment, levelCode == null ? null : levelCode.strip(),
                    templateId, points, budget, startsOn, endsOn, enabled, holdoutPercent);
        }
    }
}
