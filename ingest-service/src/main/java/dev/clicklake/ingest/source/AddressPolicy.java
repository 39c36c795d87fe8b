package dev.clicklake.ingest.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Refuses URL sources that resolve to this machine or to a private network (loopback, link-local,
 * site-local, IPv6 unique-local, carrier-grade NAT, unspecified, multicast), so that an allowed host name
 * cannot be pointed at internal services. A host is refused when any of its addresses is.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why {@code host} may not be fetched, or empty when every one of its addresses is public. */
    public static Optional<String> refusal(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("names host " + host + ", which resolves to the non-public address "
                        + address.getHostAddress() + " (clicklake.ingest.url.allow-private-addresses is off)");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xFE) == 0xFC; // fc00::/7 unique-local
        }
        return (raw[0] & 0xFF) == 100 && (raw[1] & 0xC0) == 64 // 100.64.0.0/10 carrier-grade NAT
                || (raw[0] & 0xFF) == 0; // 0.0.0.0/8 "this network"
    }
}
