package dev.clicklake.kpi.auth;

import dev.clicklake.contracts.security.CredentialPolicy;
import dev.clicklake.contracts.security.CredentialPolicy.Form;
import dev.clicklake.contracts.security.CredentialPolicy.Setting;
import dev.clicklake.kpi.config.KpiConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses to start kpi-service with a reader credential anyone could know (a value this project has published,
 * such as the formerly tracked {@code .env}'s) and, outside the {@code dev} profile, with a short one or none at
 * all ({@link CredentialPolicy}). The test profile's own credentials are the only ones not checked.
 */
@ApplicationScoped
class CredentialStartupCheck {

    private static final Logger LOG = Logger.getLogger(CredentialStartupCheck.class);

    void onStart(@Observes StartupEvent started, KpiConfig config) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.contains("test")) {
            return;
        }
        KpiConfig.Auth auth = config.auth();
        List<Setting> settings = List.of(
                new Setting("clicklake.kpi.auth.api-keys", Form.KEY, auth.apiKeys().orElse(List.of())),
                new Setting("clicklake.kpi.auth.basic-credentials", Form.USER_PASSWORD,
                        auth.basicCredentials().orElse(List.of())));
        List<String> problems = CredentialPolicy.problems(settings, auth.allowAnonymous(), !profiles.contains("dev"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("kpi-service will not start: " + String.join("; ", problems));
        }
        if (auth.allowAnonymous()) {
            LOG.warn("clicklake.kpi.auth.allow-anonymous=true: a request without any credential reads gold");
        }
    }
}
