package dev.loyalty.integrity.web;

import dev.loyalty.integrity.IntegrityReport;
import dev.loyalty.integrity.IntegrityService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class IntegrityController {

    private final IntegrityService integrity;

    IntegrityController(IntegrityService integrity) {
        this.integrity = integrity;
    }

    @Operation(summary = "The last integrity check: when, how many rows it checked, and every place the books disagree with their ledgers (the first 1,000; driftCount counts all). Run it now with POST /api/admin/jobs/integrity-check/run")
    @GetMapping("/api/admin/integrity")
    IntegrityReport last() {
        return integrity.lastRun();
    }
}
