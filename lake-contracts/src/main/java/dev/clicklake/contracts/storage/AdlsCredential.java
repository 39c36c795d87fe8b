package dev.clicklake.contracts.storage;

import java.util.Map;
import java.util.Objects;

/**
 * How {@link AdlsLakeStorage} authenticates. Secrets come from the caller (e.g. the environment) and are
 * never printed: {@code toString()} hides them.
 */
public sealed interface AdlsCredential {

    /**
     * The credential named by a config value: {@code connection-string}, {@code sas} or
     * {@code shared-key} (these take {@code secret}; {@code shared-key} also takes {@code accountName}), or
     * {@code default-credential} (workload or managed identity, environment, Azure CLI...), which takes
     * neither.
     */
    static AdlsCredential fromConfig(String auth, String accountName, String secret) {
        return switch (Objects.requireNonNull(auth, "auth")) {
            case "connection-string" -> new ConnectionString(secret);
            case "sas" -> new Sas(secret);
            case "shared-key" -> new SharedKey(accountName, secret);
            case "default-credential" -> new DefaultCredential();
            case "container-sas" -> throw new IllegalArgumentException(
                    "container-sas takes one token per container: build an AdlsCredential.ContainerSas");
            default -> throw new IllegalArgumentException("unknown ADLS auth '" + auth
                    + "'; expected connection-string, sas, container-sas, shared-key or default-credential");
        };
    }

    /**
     * An account connection string. Only its credentials are used: the endpoint always comes from
     * {@link LakeSettings.Adls#endpoint()}.
     */
    record ConnectionString(String value) implements AdlsCredential {

        public ConnectionString {
            requireSecret(value, "connection string");
        }

        @Override
        public String toString() {
            return "ConnectionString[***]";
        }
    }

    /** A shared access signature token, with or without its leading {@code ?}. */
    record Sas(String token) implements AdlsCredential {

        public Sas {
            requireSecret(token, "SAS token");
        }

        @Override
        public String toString() {
            return "Sas[***]";
        }
    }

    /**
     * One SAS token per container, each scoped to its container (a service SAS, {@code sr=c}): the service holds no
     * credential at all for a container that is absent, and storage refuses what a token's permissions do not allow.
     */
    record ContainerSas(Map<String, String> tokens) implements AdlsCredential {

        public ContainerSas {
            tokens = Map.copyOf(Objects.requireNonNull(tokens, "tokens"));
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("container SAS: no token for any container");
            }
            tokens.forEach((container, token) -> requireSecret(token, "SAS token of container " + container));
        }

        @Override
        public String toString() {
            return "ContainerSas[containers=" + new java.util.TreeSet<>(tokens.keySet()) + ", tokens=***]";
        }
    }

    /** The account name and one of its access keys. */
    record SharedKey(String accountName, String accountKey) implements AdlsCredential {

        public SharedKey {
            requireSecret(accountName, "account name");
            requireSecret(accountKey, "account key");
        }

        @Override
        public String toString() {
            return "SharedKey[accountName=" + accountName + ", accountKey=***]";
        }
    }

    /**
     * azure-identity's {@code DefaultAzureCredential}: on AKS, workload identity (from the
     * {@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID} and {@code AZURE_FEDERATED_TOKEN_FILE} variables
     * the webhook injects) or managed identity.
     */
    record DefaultCredential() implements AdlsCredential {
    }

    private static void requireSecret(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
