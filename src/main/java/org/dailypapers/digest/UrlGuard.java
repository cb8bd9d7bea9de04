package org.dailypapers.digest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses webhook URLs that would make this server call into its own network (SSRF): loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local IPv6, multicast and unspecified addresses,
 * whatever name resolves to them. Checked when a webhook is registered and again before every delivery, since a
 * name can be pointed elsewhere later. Only http and https, no user info in the URL; redirects are never followed.
 */
final class UrlGuard {

    private UrlGuard() {}

    static final class RefusedUrl extends Exception {
        RefusedUrl(String message) {
            super(message);
        }
    }

    static URI check(String raw, boolean allowPrivateNetworks) throws RefusedUrl {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrl("url is not a valid address: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedUrl("url must start with https:// (or http://)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrl("url must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrl("url has no host name");
        }
        if (allowPrivateNetworks) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrl("url's host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new RefusedUrl("url's host " + host + " is a private, loopback or link-local address ("
                        + a.getHostAddress() + "); an admin can allow those with"
                        + " dailypapers.webhooks.allow-private-networks=true");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
