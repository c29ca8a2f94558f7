package dev.loyalty.bench;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.counter.CounterService;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.coupon.CouponTemplates;
import dev.loyalty.coupon.CouponType;
import dev.loyalty.coupon.TemplateChange;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hot coupon over HTTP: {@code stock} (100) coupons, {@code members} (2000) members each trying once,
 * from {@code clients} (64) concurrent clients; then staff verifying {@code members} coupons over HTTP.
 * Run with {@code bench/run hot-coupon}.
 */
public final class HotCouponBenchmark {

    public static void main(String[] args) throws Exception {
        int stock = Integer.getInteger("stock", 100);
        int members = Integer.getInteger("members", 2_000);
        int clients = Integer.getInteger("clients", 64);
        String run = Long.toString(System.currentTimeMillis(), 36);

        try (ConfigurableApplicationContext app = BenchSupport.startApp(org.springframework.boot.WebApplicationType.SERVLET)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf("database %s, stock %d, %d members, %d clients%n",
                    app.getEnvironment().getProperty("spring.datasource.url"), stock, members, clients);
            PointsService points = app.getBean(PointsService.class);
            CouponTemplates templates = app.getBean(CouponTemplates.class);
            CouponMall coupons = app.getBean(CouponMall.class);
            CounterService counter = app.getBean(CounterService.class);
            TokenService tokens = app.getBean(TokenService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            List<Long> ids = BenchSupport.createMembers(app.getBean(DataSource.class), members + 1, run);
            long cashier = ids.remove(ids.size() - 1);
            BenchSupport.timed(clients, members, i -> points.earn(
                    new PointsMovement(ids.get(i), 100, PointsSource.ADMIN, "bench-seed:" + run + ":" + i, null, null)));
            long store = BenchSupport.asAdmin(() -> counter.createStore("bench " + run, null)).id();
            BenchSupport.asAdmin(() -> counter.bindStaff(cashier, store));
            long hot = BenchSupport.asAdmin(() -> templates.createTemplate(template("hot " + run, stock))).id();
            long plenty = BenchSupport.asAdmin(() -> templates.createTemplate(template("plenty " + run, members))).id();
            List<String> bearer = ids.stream().map(id -> tokens.issue(new Actor(Actor.Type.MEMBER, id)).token()).toList();
            String staffToken = tokens.issue(new Actor(Actor.Type.MEMBER, cashier)).token();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;

            BenchSupport.timed(clients, 500, i -> http.send(HttpRequest.newBuilder(URI.create(base + "/api/app/mall/items"))
                    .header("Authorization", "Bearer " + bearer.get(i)).GET().build(), HttpResponse.BodyHandlers.discarding()));

            AtomicInteger issued = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            LatencyRecorder redeem = new LatencyRecorder(members);
            URI redeemUri = URI.create(base + "/api/app/mall/items/" + hot + "/redeem");
            long redeemWall = BenchSupport.timed(clients, members, i -> {
                HttpRequest request = HttpRequest.newBuilder(redeemUri).header("Authorization", "Bearer " + bearer.get(i))
                        .header("Idempotency-Key", "bench-" + i).POST(HttpRequest.BodyPublishers.noBody()).build();
                long started = System.nanoTime();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                redeem.record(System.nanoTime() - started);
                if (status == 201) {
                    issued.incrementAndGet();
                } else if (status == 409) {
                    refused.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            });

            List<String> codes = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                codes.add(coupons.redeem(ids.get(i), plenty, "plenty-" + i).coupon().code());
            }
            AtomicInteger verifyErrors = new AtomicInteger();
            LatencyRecorder verify = new LatencyRecorder(members);
            URI verifyUri = URI.create(base + "/api/staff/coupons/verify");
            long verifyWall = BenchSupport.timed(clients, members, i -> {
                HttpRequest request = HttpRequest.newBuilder(verifyUri).header("Authorization", "Bearer " + staffToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + codes.get(i) + "\"}")).build();
                long started = System.nanoTime();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    verifyErrors.incrementAndGet();
                }
                verify.record(System.nanoTime() - started);
            });

            System.out.println(redeem.summary("redeem attempts", redeemWall)
                    + String.format("   issued %d, refused %d, errors %d", issued.get(), refused.get(), errors.get()));
            System.out.printf("coupons in the database %d, stock left %d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE template_id = ?", Long.class, hot),
                    jdbc.queryForObject("SELECT total_stock - taken FROM coupon_template WHERE id = ?", Long.class, hot));
            System.out.println(verify.summary("verifications", verifyWall) + "   errors " + verifyErrors.get());
        }
    }

    private static TemplateChange template(String name, long stock) {
        return new TemplateChange(name, CouponType.GIFT, 0, 0, 0, 0, 10, stock, 1, 30, null, null, null, true);
    }
}
