package dev.tender.app.webhooks;

import io.micronaut.context.annotation.Value;
import io.vavr.control.Either;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook may be sent to. A merchant's URL is a request the service makes on the merchant's say,
 * from inside the operator's network: without this policy it reaches the database, the cloud's metadata
 * service or anything else only the service can reach (server-side request forgery). So a target must be an
 * absolute {@code http}/{@code https} URL with a host and no user-info, at most 2048 characters without control
 * characters (raw or percent-encoded), whose host resolves, and to public addresses only: none loopback,
 * link-local (the metadata address 169.254.169.254 among them), private (10/8, 172.16/12, 192.168/16,
 * fc00::/7, fec0::/10), carrier-grade NAT (100.64/10), "this network" (0/8), any-local, multicast or broadcast,
 * IPv4 inside IPv6 (mapped, compatible, NAT64) judged as the IPv4 it carries. Every address of the host is
 * checked, as the client may connect to any of them. {@code tender.webhooks.allow-private-targets} lifts the
 * address rule (receivers on localhost in tests and development), never the others.
 *
 * <p>The delivery checks again before each attempt (DNS may have changed since the URL was set); a check is a
 * name lookup (the JVM caches it) and no I/O else, with no side effect. What a check cannot close: the HTTP
 * client looks the name up again when it connects, so a name that changes its answer in between (DNS
 * rebinding) slips past; and a receiver's redirect leads wherever it says. A delivery should not follow
 * redirects, and may connect to an address this policy took.
 */
@Singleton
public final class TargetPolicy {

    public static final int MAX_LENGTH = 2048;
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])");
    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};

    private final boolean allowPrivateTargets;

    public TargetPolicy(@Value("${tender.webhooks.allow-private-targets:false}") boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** The URL to send to, or why it may not be one (a sentence the caller prefixes with the field's name). */
    public Either<String, URI> check(String url) {
        if (url == null || url.isBlank()) {
            return Either.left("must be an absolute http or https URL");
        }
        if (url.length() > MAX_LENGTH) {
            return Either.left("must be at most " + MAX_LENGTH + " characters");
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || ENCODED_CONTROL.matcher(url).find()) {
            return Either.left("must not contain control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Either.left("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Either.left("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Either.left("must not carry a user name or password (use webhook_username and webhook_password)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Either.left("must name a valid host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException unresolved) {
            return Either.left("does not resolve: its host " + host + " has no address");
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                String refused = refused(address);
                if (refused != null) {
                    return Either.left("must not target " + refused + " (" + host + " is "
                            + address.getHostAddress() + "): webhooks go to public addresses only");
                }
            }
        }
        return Either.right(uri);
    }

    /** What is wrong with sending to the address, or null if it is public. */
    static String refused(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null) {
                try {
                    return refused(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address && Arrays.equals(b, METADATA)) {
            return "the cloud metadata address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified (any-local) address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc)) {
            return "a private address";
        }
        if (address instanceof Inet4Address && (b[0] == 0 || (b[0] == 100 && (b[1] & 0xc0) == 64)
                || (b[0] & 0xff) >= 240)) {
            return "a reserved or shared address";
        }
        return null;
    }

    /** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96). */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean zeros = isZero(v6, 0, 10);
        boolean mapped = zeros && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeros && v6[10] == 0 && v6[11] == 0 && !isZero(v6, 12, 16)
                && !(isZero(v6, 12, 15) && v6[15] == 1); // ::1 is IPv6's loopback, ::0 its any-local
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b
                && isZero(v6, 4, 12);
        return mapped || compatible || nat64 ? Arrays.copyOfRange(v6, 12, 16) : null;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
