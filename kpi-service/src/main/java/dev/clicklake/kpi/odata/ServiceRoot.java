package dev.clicklake.kpi.odata;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address the feed's {@code @odata.context} and {@code @odata.nextLink} start with. A Host header is the
 * client's to forge, so it is repeated only when it names one of the allowed hosts: the configured public address
 * wins; else the request's own address when its host is allowed; else the path {@code /odata} alone, which a client
 * resolves against the address it used (a forged host never reaches a response).
 */
final class ServiceRoot {

    private ServiceRoot() {
    }

    /** The service root, {@code .../odata} without a trailing slash. */
    static String of(Optional<URI> publicBaseUrl, List<String> allowedHosts, URI requestBase) {
        String base = publicBaseUrl.map(URI::toString)
                .orElseGet(() -> allowed(allowedHosts, requestBase.getHost()) ? requestBase.toString() : "");
        return base.replaceAll("/+$", "") + "/odata";
    }

    private static boolean allowed(List<String> allowedHosts, String host) {
        if (host == null) {
            return false;
        }
        String bare = bare(host);
        return allowedHosts.stream().map(ServiceRoot::bare).anyMatch(bare::equals);
    }

    private static String bare(String host) {
        return host.replaceAll("^\\[|]$", "").toLowerCase(Locale.ROOT);
    }
}
