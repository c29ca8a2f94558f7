package dev.loyalty.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address, as rate limits and logs see it ({@code getRemoteAddr()}): {@code X-Forwarded-For}
 * is believed only when the connection comes from one of {@code loyalty.http.trusted-proxies} (addresses
 * or CIDRs; loopback by default). The header is read from the right, skipping trusted proxies, so a
 * client cannot choose its own address by sending one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter extends OncePerRequestFilter {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddressFilter(@Value("${loyalty.http.trusted-proxies:127.0.0.1,::1}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || !trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!looksLikeAnAddress(hop)) {
                break;
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        String address = client;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return address;
            }

            @Override
            public String getRemoteHost() {
                return address;
            }
        }, response);
    }

    private boolean trusted(String address) {
        if (!looksLikeAnAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 or IPv6 literal; never a host name, which matching would resolve through DNS. */
    private static boolean looksLikeAnAddress(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        }
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }
}
