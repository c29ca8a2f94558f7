package dev.loyalty.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code from} and {@code to} are days in the business time zone, both included; by default the last 30 days. */
@Tag(name = "Admin")
@RestController
class ReportController {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "Members, sign-ins, points, coupons, wallets and rebates over a window (README: Reports)")
    @GetMapping("/api/admin/reports/overview")
    Overview overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportService.Window window = reports.window(from, to);
        return reports.overview(window.from(), window.to());
    }

    @Operation(summary = "One row per day of a window, as JSON")
    @GetMapping(value = "/api/admin/reports/daily", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DailyRow> daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportService.Window window = reports.window(from, to);
        return reports.daily(window.from(), window.to());
    }

    @Operation(summary = "One row per day of a window, as CSV (also with Accept: text/csv on /daily)")
    @GetMapping(value = {"/api/admin/reports/daily", "/api/admin/reports/daily.csv"}, produces = "text/csv")
    ResponseEntity<String> dailyCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportService.Window window = reports.window(from, to);
        StringBuilder csv = new StringBuilder(String.join(",", DailyRow.CSV_HEADER)).append("\r\n");
        reports.daily(window.from(), window.to()).forEach(row -> csv.append(row.csvLine()).append("\r\n"));
        String filename = "daily-" + window.from() + "-" + window.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(csv.toString());
    }
}
