package id.serambi.core.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses a feed may live at. A registered feed address is fetched by our servers, so an address
 * inside our own network (the cloud metadata service at 169.254.169.254, the database, the admin console on
 * loopback) would let an agency's admin, or whoever stole their account, read it through us (SSRF). Only
 * public unicast addresses pass; a host name passes only when every address it resolves to is public.
 */
final class AddressPolicy {
    private AddressPolicy() {
    }

    /** Whether {@code address} is an ordinary public unicast address. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // deprecated site-local fec0::/10
            }
            if (isMappedOrCompatibleV4(b)) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x20 && b[1] == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 carries an IPv4 address
            }
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::/96
            }
            if (first == 0x20 && b[1] == 0x01 && (b[2] == 0 && b[3] == 0 || b[2] == 0x0d && (b[3] & 0xff) == 0xb8)) {
                return false; // Teredo 2001::/32 hides an IPv4 address; 2001:db8::/32 is documentation
            }
            return first != 0; // the rest of 0000::/8 is reserved

        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                  // 0.0.0.0/8 "this network"
                || a0 == 10                               // private
                || a0 == 127                              // loopback
                || a0 == 100 && (a1 & 0xc0) == 64         // CGNAT 100.64/10
                || a0 == 169 && a1 == 254                 // link-local, cloud metadata
                || a0 == 172 && (a1 & 0xf0) == 16         // private 172.16/12
                || a0 == 192 && a1 == 168                 // private
                || a0 == 192 && a1 == 0 && a2 == 0        // IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2        // documentation
                || a0 == 198 && (a1 & 0xfe) == 18         // benchmarking 198.18/15
                || a0 == 198 && a1 == 51 && a2 == 100     // documentation
                || a0 == 203 && a1 == 0 && a2 == 113      // documentation
                || a0 >= 224);                            // multicast, reserved, broadcast
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }

    /**
     * Checks an address a feed is to be fetched from: http or https, a host, no user info, and (unless
     * private addresses are allowed) a host whose every address is public. Returns the resolved addresses.
     */
    static List<InetAddress> check(URI uri, boolean allowPrivate) throws FeedFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedFailure("feed.error.scheme");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            throw new FeedFailure("feed.error.address");
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new FeedFailure("feed.error.unknown_host", host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new FeedFailure("feed.error.private_address", host);
                }
            }
        }
        return addresses;
    }
}
