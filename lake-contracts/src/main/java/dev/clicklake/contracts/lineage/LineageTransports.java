package dev.clicklake.contracts.lineage;

import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.ConsoleTransport;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.Transport;

/** The openlineage-java transport {@link LineageConfig} asks for; a missing required key fails at start-up, naming it. */
final class LineageTransports {

    private LineageTransports() {
    }

    static Transport create(LineageConfig config) {
        return switch (config.transport()) {
            case CONSOLE -> new ConsoleTransport();
            case FILE -> new FileTransport(new FileConfig(config.file().path().orElseThrow(() -> new IllegalStateException(
                    "clicklake.lineage.file.path is required when clicklake.lineage.transport=file"))));
            case HTTP -> new HttpTransport(http(config.http()));
        };
    }

    static HttpConfig http(LineageConfig.Http http) {
        HttpConfig config = new HttpConfig();
        config.setUrl(http.url().orElseThrow(() -> new IllegalStateException(
                "clicklake.lineage.http.url is required when clicklake.lineage.transport=http")));
        config.setEndpoint(http.endpoint());
        config.setTimeoutInMillis(Math.toIntExact(http.timeout().toMillis()));
        http.apiKey().filter(key -> !key.isBlank()).ifPresent(key -> {
            ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
            auth.setApiKey(key);
            config.setAuth(auth);
        });
        return config;
    }
}
