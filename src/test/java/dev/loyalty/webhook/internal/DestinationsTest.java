package dev.loyalty.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The SSRF guard, with a resolver the test controls: what is checked is what the client connects to. */
class DestinationsTest {

    @Test
    void classifiesInternalAddresses() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "224.0.0.251", "255.255.255.255", "::1", "::", "fe80::1", "fd12:3456::1",
                "fc00::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1"}) {
            assertThat(Destinations.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"203.0.113.10", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111",
                "::ffff:8.8.8.8"}) {
            assertThat(Destinations.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void aNameThatResolvesToLoopbackAfterItWasCheckedIsRefusedAtDeliveryAndNothingIsConnected() throws Exception {
        Deque<InetAddress> answers = new ArrayDeque<>();
        answers.add(InetAddress.getByName("203.0.113.10"));
        answers.add(InetAddress.getByName("127.0.0.1"));
        Destinations destinations = new Destinations(false, host -> new InetAddress[] {answers.poll()});
        WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        try {
            String url = "https://rebinding.example:" + receiver.port() + "/hook";
            assertThat(destinations.refusal(url)).isNull();

            WebhookSender.Outcome outcome = new WebhookSender(destinations, Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .send(url, "a-receivers-shared-secret", "evt_1", "points.changed", "{}");

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).startsWith("refused").contains("127.0.0.1");
            assertThat(receiver.getAllServeEvents()).isEmpty();
        } finally {
            receiver.stop();
        }
    }

    @Test
    void aLoopbackLiteralIsRefusedAtDeliveryToo() {
        Destinations destinations = new Destinations(false, InetAddress::getAllByName);
        WebhookSender.Outcome outcome = new WebhookSender(destinations, Duration.ofSeconds(2), Duration.ofSeconds(5))
                .send("https://127.0.0.1:9/hook", "a-receivers-shared-secret", "evt_1", "points.changed", "{}");

        assertThat(outcome.error()).startsWith("refused");
    }

    @Test
    void withPrivateAddressesAllowedPlainHttpStillReachesNoPublicAddress() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("203.0.113.10");
        Destinations destinations = new Destinations(true, host -> new InetAddress[] {publicAddress});

        assertThat(destinations.refusal("http://receiver.example/hook")).startsWith("must be an https URL");
        assertThat(destinations.refusal("https://receiver.example/hook")).isNull();
        WebhookSender.Outcome outcome = new WebhookSender(destinations, Duration.ofSeconds(2), Duration.ofSeconds(5))
                .send("http://receiver.example/hook", "a-receivers-shared-secret", "evt_1", "points.changed", "{}");
        assertThat(outcome.error()).startsWith("refused");
    }

    @Test
    void signsTheBodyWithLowercaseHexHmacSha256() {
        // RFC 4231 test case 2
        assertThat(WebhookSender.signature("Jefe", "what do ya want for nothing?".getBytes()))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
