package dev.loyalty.webhook.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may point, so that it cannot be turned against the network the app runs in (SSRF). Only
 * {@code https}; a host that resolves to any loopback, private, link-local, unique-local, multicast, unspecified
 * or otherwise reserved address is refused. With {@code loyalty.webhooks.allow-private=true} such addresses are
 * allowed, and {@code http} too, but only to them: {@code http} to a public address is never allowed.
 *
 * <p>The same check runs at creation and again at every delivery as the {@link DnsResolver} of the HTTP client:
 * the addresses checked are the addresses connected to, so a name that resolves elsewhere later (DNS rebinding)
 * reaches nothing it should not.
 */
@Component
public class Destinations implements DnsResolver {

    /** How host names become addresses: the system resolver, or a stand-in in tests. */
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Lookup lookup;

    @Autowired
    Destinations(@Value("${loyalty.webhooks.allow-private:false}") boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    Destinations(boolean allowPrivate, Lookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = lookup;
    }

    /** Why a webhook may not point at {@code url}; null when it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an https URL";
        }
        if (scheme.equals("http") && !allowPrivate) {
            return "must be an https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        try {
            check(scheme, hostOf(uri), lookup.all(hostOf(uri)));
        } catch (Refused e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            return "has a host that does not resolve";
        }
        return null;
    }

    /** The URL as the client will send it, once {@link #refusal} has nothing against it. */
    public static URI uri(String url) {
        return URI.create(url.strip());
    }

    /** The host of a URL as a name or an address literal ({@code [::1]} without its brackets). */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The client's only resolver: the host's addresses, every one checked (for https; {@link #forHttp} for http). */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.all(host);
        check("https", host, addresses);
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
    }

    /** The resolver for plain http: only internal addresses, and only with private addresses allowed. */
    DnsResolver forHttp() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = lookup.all(host);
                check("http", host, addresses);
                return addresses;
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private void check(String scheme, String host, InetAddress[] addresses) throws Refused {
        for (InetAddress address : addresses) {
            boolean internal = internal(address);
            if (internal && !allowPrivate) {
                throw new Refused("resolves to an internal address (" + address.getHostAddress()
                        + "); only public hosts may receive webhooks");
            }
            if (!internal && scheme.equals("http")) {
                throw new Refused("must be an https URL: http is allowed only to internal addresses, "
                        + host + " resolves to " + address.getHostAddress());
            }
        }
    }

    /** Loopback, private, link-local, unique-local, multicast, unspecified, shared (CGNAT) or reserved. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240                        // "this network", reserved and broadcast
                    || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (embedsIpv4(b, 0)) {
                return internal(ipv4(b, 12)); // ::a.b.c.d and ::ffff:a.b.c.d
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return internal(ipv4(b, 12)); // NAT64 64:ff9b::/96
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return internal(ipv4(b, 2)); // 6to4 2002::/16
            }
        }
        return false;
    }

    private static boolean embedsIpv4(byte[] b, int from) {
        for (int i = from; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff);
    }

    private static InetAddress ipv4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A destination refused after resolving its host; the HTTP client sees it as a host it cannot reach. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }
}
