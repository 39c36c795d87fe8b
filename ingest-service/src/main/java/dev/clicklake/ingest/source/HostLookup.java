package dev.clicklake.ingest.source;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses: the system resolver in the service, a fixed answer in tests. */
@FunctionalInterface
public interface HostLookup {

    HostLookup SYSTEM = InetAddress::getAllByName;

    InetAddress[] lookup(String host) throws UnknownHostException;
}
