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
