package dev.clicklake.ingest.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refuses URL sources that resolve to anything but a public unicast address, so that an allowed host name cannot
 * be pointed at this machine, a private network or the cloud platform's own endpoints. The blocks are IANA's
 * special-purpose registries (RFC 6890 and its updates) plus Azure's platform addresses; an IPv6 address that
 * carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is judged by the IPv4 address it carries, and
 * Teredo, whose client address is obfuscated, is refused outright. A host is refused when any of its addresses is.
 */
public final class AddressPolicy {

    /** An address block that is not public, with what it is. */
    record Block(byte[] prefix, int bits, String what) {
        static Block of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)), cidr + " " + what);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "(this network)"),
            Block.of("10.0.0.0/8", "(private)"),
            Block.of("100.64.0.0/10", "(carrier-grade NAT)"),
            Block.of("127.0.0.0/8", "(loopback)"),
            Block.of("168.63.129.16/32", "(the Azure platform endpoint)"),
            Block.of("169.254.0.0/16", "(link-local, cloud metadata)"),
            Block.of("172.16.0.0/12", "(private)"),
            Block.of("192.0.0.0/24", "(IETF protocol assignments)"),
            Block.of("192.0.2.0/24", "(documentation)"),
            Block.of("192.88.99.0/24", "(6to4 relay anycast)"),
            Block.of("192.168.0.0/16", "(private)"),
            Block.of("198.18.0.0/15", "(benchmarking)"),
            Block.of("198.51.100.0/24", "(documentation)"),
            Block.of("203.0.113.0/24", "(documentation)"),
            Block.of("224.0.0.0/4", "(multicast)"),
            Block.of("240.0.0.0/4", "(reserved, broadcast)"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", "(unspecified)"),
            Block.of("::1/128", "(loopback)"),
            Block.of("100::/64", "(discard-only)"),
            Block.of("2001::/32", "(Teredo)"),
            Block.of("2001:2::/48", "(benchmarking)"),
            Block.of("2001:10::/28", "(ORCHID)"),
            Block.of("2001:20::/28", "(ORCHIDv2)"),
            Block.of("2001:db8::/32", "(documentation)"),
            Block.of("3fff::/20", "(documentation)"),
            Block.of("64:ff9b:1::/48", "(local-use NAT64)"),
            Block.of("fc00::/7", "(unique-local)"),
            Block.of("fe80::/10", "(link-local)"),
            Block.of("fec0::/10", "(site-local)"),
            Block.of("ff00::/8", "(multicast)"));

    private static final Block IPV4_COMPATIBLE = Block.of("::/96", "(IPv4-compatible)");
    private static final Block IPV4_MAPPED = Block.of("::ffff:0:0/96", "(IPv4-mapped)");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "(NAT64)");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "(6to4)");

    private AddressPolicy() {
    }

    /** Why {@code host} may not be fetched, or empty when every one of its addresses is public. */
    public static Optional<String> refusal(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> block = nonPublicBlock(address);
            if (block.isPresent()) {
                return Optional.of("names host " + host + ", which resolves to the non-public address "
                        + address.getHostAddress() + " in " + block.get()
                        + " (clicklake.ingest.url.allow-private-addresses is off)");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        return nonPublicBlock(address).isPresent();
    }

    /** The non-public block {@code address} is in (for an embedded IPv4 address, the carrier and its block). */
    static Optional<String> nonPublicBlock(InetAddress address) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            return first(IPV4, raw);
        }
        if (address instanceof Inet6Address) {
            for (Block carrier : List.of(IPV4_MAPPED, NAT64)) {
                if (carrier.contains(raw)) {
                    return first(IPV4, Arrays.copyOfRange(raw, 12, 16)).map(v4 -> carrier.what() + " carrying " + v4);
                }
            }
            if (SIX_TO_FOUR.contains(raw)) {
                return first(IPV4, Arrays.copyOfRange(raw, 2, 6)).map(v4 -> SIX_TO_FOUR.what() + " carrying " + v4);
            }
            Optional<String> special = first(IPV6, raw);
            if (special.isPresent()) {
                return special;
            }
            if (IPV4_COMPATIBLE.contains(raw)) {
                return Optional.of(IPV4_COMPATIBLE.what() + ", deprecated");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(List<Block> blocks, byte[] raw) {
        return blocks.stream().filter(b -> b.contains(raw)).map(Block::what).findFirst();
    }
}
