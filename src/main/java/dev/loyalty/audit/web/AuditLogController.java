package dev.loyalty.audit.web;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AuditLogController {

    private final AuditTrail audit;
    private final Clock clock;

    AuditLogController(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code actor} is {@code ADMIN}, {@code MEMBER}, or {@code ADMIN:3} for one actor; {@code from}/{@code to}
     * are business-zone dates (inclusive) or instants.
     */
    @Operation(summary = "Who changed what, newest first")
    @GetMapping("/api/admin/audit-log")
    PageResponse<AuditTrail.AuditRecord> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @Valid PageQuery paging) {
        String actorType = null;
        Long actorId = null;
        if (actor != null && !actor.isBlank()) {
            String[] parts = actor.split(":", 2);
            actorType = parts[0].toUpperCase();
            if (parts.length == 2) {
                try {
                    actorId = Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("actor", "must be TYPE or TYPE:id, such as ADMIN:1");
                }
            }
        }
        var query = new AuditTrail.AuditQuery(actorType, actorId, blankToNull(action), instant("from", from, false),
                instant("to", to, true));
        return audit.search(query, paging.toPage());
    }

    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(clock.getZone()).toInstant();
            }
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(field, "must be a date (yyyy-MM-dd) or an ISO-8601 instant");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
