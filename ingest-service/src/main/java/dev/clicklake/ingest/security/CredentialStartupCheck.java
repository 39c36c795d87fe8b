package dev.clicklake.ingest.security;

import dev.clicklake.contracts.security.CredentialPolicy;
import dev.clicklake.contracts.security.CredentialPolicy.Form;
import dev.clicklake.contracts.security.CredentialPolicy.Setting;
import dev.clicklake.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses to start ingest-service with an API key anyone could know (a value this project has published) and,
 * outside the {@code dev} profile, with a short key or none at all ({@link CredentialPolicy}). The test profile's
 * own keys are the only ones not checked.
 */
@ApplicationScoped
class CredentialStartupCheck {

    private static final Logger LOG = Logger.getLogger(CredentialStartupCheck.class);

    void onStart(@Observes StartupEvent started, IngestConfig config) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.contains("test")) {
            return;
        }
        List<String> problems = CredentialPolicy.problems(
                List.of(new Setting("clicklake.ingest.api-keys", Form.KEY, config.apiKeys().orElse(List.of()))),
                config.allowAnonymous(), !profiles.contains("dev"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ingest-service will not start: " + String.join("; ", problems));
        }
        if (config.allowAnonymous() && config.apiKeys().orElse(List.of()).isEmpty()) {
            LOG.warn("clicklake.ingest.allow-anonymous=true and no API key: anyone who reaches this service can ingest");
        }
    }
}
