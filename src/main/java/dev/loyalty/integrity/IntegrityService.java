package dev.loyalty.integrity;

import dev.loyalty.common.integrity.BookCheck;
import dev.loyalty.common.integrity.Drift;
import dev.loyalty.integrity.internal.IntegrityDrift;
import dev.loyalty.integrity.internal.IntegrityDriftMapper;
import dev.loyalty.integrity.internal.IntegrityRun;
import dev.loyalty.integrity.internal.IntegrityRunMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every module's {@link BookCheck} over all its rows, a batch at a time, and keeps the result as the last
 * run (in MySQL, so every instance and every restart reads the same). Each drift is logged at ERROR; the first
 * {@link #KEPT} are stored, all are counted. The gauge {@code loyalty.integrity.drift} (Prometheus
 * {@code loyalty_integrity_drift}) is the drift count of the last run, re-read from the database at most once
 * a minute, so instances that did not run the check follow too.
 */
@Service
public class IntegrityService {

    static final int KEPT = 1_000;
    private static final int WHAT_LENGTH = 500;
    private static final long GAUGE_TTL_NANOS = Duration.ofMinutes(1).toNanos();
    private static final Logger log = LoggerFactory.getLogger(IntegrityService.class);

    private final List<BookCheck> checks;
    private final IntegrityRunMapper runs;
    private final IntegrityDriftMapper drifts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private volatile long lastDriftCount;
    private volatile long driftCountReadAt;
    private volatile boolean driftCountRead;

    IntegrityService(List<BookCheck> checks, IntegrityRunMapper runs, IntegrityDriftMapper drifts,
            PlatformTransactionManager transactions, Clock clock, JsonMapper json, MeterRegistry meters) {
        this.checks = checks;
        this.runs = runs;
        this.drifts = drifts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.json = json;
        Gauge.builder("loyalty.integrity.drift", this, IntegrityService::lastDriftCount)
                .description("Drift the last integrity check found: places where a balance, a lot, a chain, a coupon count or a rebate credit disagrees with its ledger")
                .register(meters);
    }

    /** The last completed run: what it checked and the drift it found. */
    @Transactional(readOnly = true)
    public IntegrityReport lastRun() {
        IntegrityRun run = runs.last();
        if (run == null) {
            return IntegrityReport.none();
        }
        List<Drift> found = drifts.ofRun(run.getId()).stream()
                .map(d -> new Drift(d.getKind(), d.getRefId(), d.getExpected(), d.getActual(), d.getWhat())).toList();
        Map<String, Long> checked = json.readValue(run.getCheckedJson(), new TypeReference<LinkedHashMap<String, Long>>() {
        });
        return new IntegrityReport(run.getCheckedAt(), run.getAccounts(), checked, run.getDriftCount(), found);
    }

    /**
     * Checks every book to the end, {@code batchSize} rows per batch, and keeps the result as the last run.
     * Call it under the job's lease ({@code integrity-check}), so one instance checks at a time.
     */
    IntegrityReport check(int batchSize) {
        Instant startedAt = clock.instant();
        Map<String, Long> checked = new LinkedHashMap<>();
        List<Drift> kept = new ArrayList<>();
        long found = 0;
        for (BookCheck check : checks) {
            long rows = 0;
            BookCheck.Batch batch = null;
            do {
                batch = check.check(batch == null ? 0 : batch.lastId(), batchSize);
                rows += batch.checked();
                for (Drift drift : batch.drift()) {
                    found++;
                    log.error("Books drift {} on {}: expected {}, found {}: {}", drift.kind(), drift.id(), drift.expected(),
                            drift.actual(), drift.what());
                    if (kept.size() < KEPT) {
                        kept.add(drift);
                    }
                }
            } while (batch.checked() > 0);
            checked.put(check.name(), rows);
        }
        long accounts = checked.values().stream().mapToLong(Long::longValue).sum();
        IntegrityReport report = new IntegrityReport(clock.instant(), accounts, checked, found, List.copyOf(kept));
        keep(startedAt, report);
        lastDriftCount = found;
        driftCountReadAt = System.nanoTime();
        driftCountRead = true;
        if (found == 0) {
            log.info("Integrity check: {} rows checked {}, the books agree", accounts, checked);
        } else {
            log.error("Integrity check: {} rows checked {}, {} drift found", accounts, checked, found);
        }
        return report;
    }

    private void keep(Instant startedAt, IntegrityReport report) {
        tx.executeWithoutResult(status -> {
            IntegrityRun run = new IntegrityRun();
            run.setStartedAt(startedAt);
            run.setCheckedAt(report.checkedAt());
            run.setAccounts(report.accounts());
            run.setCheckedJson(json.writeValueAsString(report.checked()));
            run.setDriftCount(report.driftCount());
            runs.insert(run);
            for (Drift drift : report.drift()) {
                IntegrityDrift row = new IntegrityDrift();
                row.setRunId(run.getId());
                row.setKind(drift.kind());
                row.setRefId(drift.id());
                row.setExpected(drift.expected());
                row.setActual(drift.actual());
                row.setWhat(drift.what().length() > WHAT_LENGTH ? drift.what().substring(0, WHAT_LENGTH) : drift.what());
                drifts.insert(row);
            }
        });
    }

    /** The drift count of the last run, as another instance may have written it; the last value read while the database is away. */
    long lastDriftCount() {
        long now = System.nanoTime();
        if (!driftCountRead || now - driftCountReadAt > GAUGE_TTL_NANOS) {
            try {
                IntegrityRun last = runs.last();
                lastDriftCount = last == null ? 0 : last.getDriftCount();
                driftCountReadAt = now;
                driftCountRead = true;
            } catch (RuntimeException unreachable) {
                // keep the last value; the next scrape asks again
            }
        }
        return lastDriftCount;
    }
}
