package org.iom.dna.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iom.dna.notification.config.NotificationConfig;

/**
 * Which URLs webhooks may be sent to. A registered URL is checked when it is registered and again before every
 * send (its name may resolve elsewhere by then), always before any connection is made: https only (plain http only
 * where configured, for a local stack), no user info, and every address the host resolves to must be public: no
 * loopback, link-local (cloud metadata at 169.254.169.254), private, carrier-grade NAT, multicast, unspecified or
 * reserved ranges, in IPv4, IPv6 or IPv4 inside IPv6. Numeric hosts in other forms than dotted quads ({@code
 * 0x7f000001}, {@code 2130706433}, {@code 0177.1}) are refused outright. Redirects are never followed (the
 * dispatcher's client does not). Only destinations an operator listed in {@code
 * notification.webhooks.trusted-destinations} skip the address check (the local stack's IND stub on loopback).
 */
@ApplicationScoped
public class WebhookDestinations {

    /** Hosts made of digits, dots and hex markers that are not a plain dotted quad. */
    private static final Pattern ODD_NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]+|[0-9x.]+)$");

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");

    private final boolean allowPlainHttp;
    private final List<String> trusted;

    @Inject
    WebhookDestinations(NotificationConfig config) {
        this(
                config.webhooks().allowPlainHttp(),
                config.webhooks().trustedDestinations().orElse(List.of()));
    }

    WebhookDestinations(boolean allowPlainHttp, List<String> trusted) {
        this.allowPlainHttp = allowPlainHttp;
        this.trusted =
                trusted.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** Why the URL may not be called, or empty when it may; resolves the host (never connects to it). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            return Optional.of(allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (trusted.contains(host + ":" + port)) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (ODD_NUMERIC_HOST.matcher(bare).matches()
                && !DOTTED_QUAD.matcher(bare).matches()) {
            return Optional.of("must name its host plainly (a name, a dotted IPv4 address or an IPv6 address)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(
                        "resolves to an address that is not public (loopback, link-local, private or reserved)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0 // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                    && first < 240; // 240.0.0.0/4 reserved, and broadcast
        }
        return false;
    }

    /** ::ffff:a.b.c.d (IPv4-mapped) or ::a.b.c.d (IPv4-compatible). */
    private static boolean isEmbeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0);
    }
}
