package dev.clicklake.ingest.source;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only name resolution of URL sources' connections: the HTTP client connects to exactly the addresses
 * returned here, after {@link AddressPolicy} has checked them. The address check and the connection use
 * the same DNS answer, so a name that resolves to a public address when the request is checked and to an
 * internal one a moment later (DNS rebinding) is refused when the connection is made.
 */
final class CheckedDnsResolver implements DnsResolver {

    /** The host resolves to an address the policy refuses: not worth retrying. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String reason) {
            super(reason);
        }
    }

    private final HostLookup lookup;
    private final boolean allowPrivateAddresses;

    CheckedDnsResolver(HostLookup lookup, boolean allowPrivateAddresses) {
        this.lookup = lookup;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.lookup(host);
        if (!allowPrivateAddresses) {
            Optional<String> refusal = AddressPolicy.refusal(host, List.of(addresses));
            if (refusal.isPresent()) {
                throw new RefusedAddressException(refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** No reverse or canonical-name lookups: the name asked for is the name used (TLS checks it). */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
