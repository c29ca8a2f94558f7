package dev.loyalty.bench;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.MemberCodes;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.wallet.WalletService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Wallet payments over HTTP from {@code clients} (64) concurrent tills: {@code payments} (4000) spread over
 * {@code members} (1000) wallets, then the same number on one hot wallet. Run with {@code bench/run wallet-pay}.
 */
public final class WalletPaymentBenchmark {

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 1_000);
        int payments = Integer.getInteger("payments", 4_000);
        int clients = Integer.getInteger("clients", 64);
        String run = Long.toString(System.currentTimeMillis(), 36);

        try (ConfigurableApplicationContext app = BenchSupport.startApp(org.springframework.boot.WebApplicationType.SERVLET)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf("database %s, %d payments, %d members, %d clients%n",
                    app.getEnvironment().getProperty("spring.datasource.url"), payments, members, clients);
            CounterService counter = app.getBean(CounterService.class);
            WalletService wallets = app.getBean(WalletService.class);
            MemberCodes codes = app.getBean(MemberCodes.class);
            List<Long> ids = BenchSupport.createMembers(app.getBean(DataSource.class), members + 2, run);
            long cashier = ids.remove(ids.size() - 1);
            long hot = ids.remove(ids.size() - 1);
            long store = BenchSupport.asAdmin(() -> counter.createStore("bench " + run, null)).id();
            BenchSupport.asAdmin(() -> counter.bindStaff(cashier, store));
            StaffBinding till = new StaffBinding(cashier, store);
            BenchSupport.timed(clients, members, i -> wallets.topUp(till, codes.show(ids.get(i), null).code(), "seed-" + i, 1_000_000, null));
            wallets.topUp(till, codes.show(hot, null).code(), "seed-hot", 100_000_000, null);
            String staffToken = app.getBean(TokenService.class).issue(new Actor(Actor.Type.MEMBER, cashier)).token();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI pay = URI.create("http://127.0.0.1:" + port + "/api/staff/wallet/payments");

            measure(http, pay, staffToken, codes, clients, 500, "warm", i -> ids.get(i % ids.size()), null);
            measure(http, pay, staffToken, codes, clients, payments, "many",
                    i -> ids.get(ThreadLocalRandom.current().nextInt(ids.size())), "payments, many wallets");
            measure(http, pay, staffToken, codes, clients, payments, "hot", i -> hot, "payments, one hot wallet");
        }
    }

    private static void measure(HttpClient http, URI pay, String token, MemberCodes codes, int clients, int payments,
            String prefix, IntToLongFunction member, String label) throws Exception {
        AtomicInteger errors = new AtomicInteger();
        LatencyRecorder latency = new LatencyRecorder(payments);
        long wall = BenchSupport.timed(clients, payments, i -> {
            String body = "{\"memberCode\":\"" + codes.show(member.applyAsLong(i), null).code() + "\",\"orderNo\":\"" + prefix + "-"
                    + i + "\",\"amountCents\":" + (100 + i % 900) + "}";
            HttpRequest request = HttpRequest.newBuilder(pay).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long started = System.nanoTime();
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                errors.incrementAndGet();
            }
            latency.record(System.nanoTime() - started);
        });
        if (label != null) {
            System.out.println(latency.summary(label, wall) + "   errors " + errors.get());
        }
    }
}
