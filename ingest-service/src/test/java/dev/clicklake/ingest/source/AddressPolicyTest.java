package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @Test
    void refusesLoopbackLinkLocalPrivateAndUnspecifiedAddresses() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.254",
                "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "0.0.0.0", "::",
                "100.64.0.1", "::ffff:127.0.0.1", "224.0.0.1")) {
            assertTrue(AddressPolicy.isInternal(InetAddress.getByName(internal)), internal);
        }
    }

    /** The forms the hardening review got through: each is refused, and the reason names its block. */
    @Test
    void refusesEmbeddedInternalIpv4SpecialPurposeBlocksAndTheAzurePlatformEndpoint() throws Exception {
        for (String[] c : new String[][] {
                {"::127.0.0.1", "IPv4-compatible"}, {"::a00:1", "IPv4-compatible"},
                {"64:ff9b::7f00:1", "NAT64) carrying 127.0.0.0/8"}, {"64:ff9b::a9fe:a9fe", "NAT64) carrying 169.254.0.0/16"},
                {"2002:7f00:1::", "6to4) carrying 127.0.0.0/8"}, {"2002:a00:1::1", "6to4) carrying 10.0.0.0/8"},
                {"192.0.2.10", "192.0.2.0/24"}, {"198.18.0.1", "198.18.0.0/15"}, {"198.19.255.255", "198.18.0.0/15"},
                {"240.0.0.1", "240.0.0.0/4"}, {"255.255.255.255", "240.0.0.0/4"},
                {"168.63.129.16", "Azure platform"}, {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
                {"2001:db8::1", "documentation"}, {"64:ff9b:1::a00:1", "local-use NAT64"}, {"fec0::1", "site-local"},
                {"198.51.100.7", "documentation"}, {"203.0.113.9", "documentation"}, {"192.0.0.8", "IETF"}}) {
            var refusal = AddressPolicy.refusal("h.example.org", List.of(InetAddress.getByName(c[0])));
            assertTrue(refusal.isPresent(), c[0] + " let through");
            assertTrue(refusal.get().contains(c[1]), c[0] + ": " + refusal.get());
        }
    }

    @Test
    void anEmbeddedPublicIpv4AddressIsJudgedByItself() throws Exception {
        for (String external : List.of("64:ff9b::808:808", "2002:808:808::1", "168.63.129.17", "198.20.0.1",
                "223.255.255.255")) {
            assertFalse(AddressPolicy.isInternal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void letsPublicAddressesThrough() throws Exception {
        for (String external : List.of("140.82.112.3", "185.199.108.133", "8.8.8.8", "172.32.0.1", "100.128.0.1",
                "2606:50c0:8000::154")) {
            assertFalse(AddressPolicy.isInternal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsInternalAndTheReasonSaysWhich() throws Exception {
        var refusal = AddressPolicy.refusal("raw.example.org",
                List.of(InetAddress.getByName("185.199.108.133"), InetAddress.getByName("10.0.0.5")));
        assertTrue(refusal.orElseThrow().contains("10.0.0.5"), refusal.get());
        assertTrue(AddressPolicy.refusal("raw.example.org", List.of(InetAddress.getByName("185.199.108.133"))).isEmpty());
    }
}
