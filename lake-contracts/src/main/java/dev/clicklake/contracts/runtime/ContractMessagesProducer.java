package dev.clicklake.contracts.runtime;

import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.ContractMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the contract codec and the CloudEvents message factory injectable in every service. */
@ApplicationScoped
public class ContractMessagesProducer {

    @Produces
    @Singleton
    ContractCodec contractCodec() {
        return new ContractCodec();
    }

    @Produces
    @Singleton
    ContractMessages contractMessages(ContractCodec codec,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        return new ContractMessages(codec, service, version, Clock.systemUTC());
    }

    /** Consumers retry infrastructure faults from 200 ms up to every 30 s, until they succeed. */
    @Produces
    @Singleton
    Backoff backoff() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    @Produces
    @Singleton
    ContractConsumer contractConsumer(ContractMessages messages, Backoff backoff) {
        return new ContractConsumer(messages, backoff);
    }
}
