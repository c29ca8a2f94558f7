package dev.loyalty.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientAddressFilterTest {

    private final ClientAddressFilter loopbackOnly = new ClientAddressFilter(List.of("127.0.0.1", "::1"));
    private final ClientAddressFilter behindAProxyNetwork = new ClientAddressFilter(List.of("127.0.0.1", "10.1.0.0/16"));

    @Test
    void theHeaderIsBelievedFromALoopbackProxy() throws Exception {
        assertThat(clientSeenBy(loopbackOnly, "127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clientSeenBy(loopbackOnly, "0:0:0:0:0:0:0:1", "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void theHeaderIsIgnoredFromAPrivateAddressThatIsNotATrustedProxy() throws Exception {
        assertThat(clientSeenBy(loopbackOnly, "10.0.0.5", "203.0.113.7")).isEqualTo("10.0.0.5");
        assertThat(clientSeenBy(loopbackOnly, "192.168.1.20", "127.0.0.1")).isEqualTo("192.168.1.20");
    }

    @Test
    void aClientCannotPrependItsOwnChoiceThroughAChainOfProxies() throws Exception {
        assertThat(clientSeenBy(behindAProxyNetwork, "10.1.2.3", "6.6.6.6, 198.51.100.9, 10.1.0.8"))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void somethingThatIsNotAnAddressEndsTheWalk() throws Exception {
        assertThat(clientSeenBy(loopbackOnly, "127.0.0.1", "evil.example")).isEqualTo("127.0.0.1");
        assertThat(clientSeenBy(loopbackOnly, "127.0.0.1", "")).isEqualTo("127.0.0.1");
    }

    private static String clientSeenBy(ClientAddressFilter filter, String remote, String forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/app/me");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return seen.get().getRemoteAddr();
    }
}
