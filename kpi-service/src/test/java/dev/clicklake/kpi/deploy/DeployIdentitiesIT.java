package dev.clicklake.kpi.deploy;

import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static dev.clicklake.kpi.deploy.RenderedDeploy.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.storage.LakeAccess;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AKS lake identities ({@code deploy/azure/lake-identities.json}) grant exactly what {@link LakeAccess} says,
 * each on one container, and the aks overlay runs each service as its own service account, the one the template
 * federates with that service's identity.
 */
class DeployIdentitiesIT {

    /** Built-in role ids: what each grants on a container. */
    private static final Map<String, LakeAccess.Right> LAKE_ROLES = Map.of(
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", LakeAccess.Right.WRITE,  // Storage Blob Data Contributor
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", LakeAccess.Right.READ);  // Storage Blob Data Reader
    private static final String KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    private static final Pattern REFERENCE = Pattern.compile("\\[(parameters|variables)\\('([^']+)'\\)]");

    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper().readTree(ROOT.resolve("deploy/azure/lake-identities.json").toFile());
    }

    @Test
    void eachServiceIdentityHoldsExactlyItsLayersRights() {
        Set<String> expected = new TreeSet<>();
        for (LakeAccess service : LakeAccess.values()) {
            service.rights().forEach((layer, right) -> expected.add(
                    service.service() + " " + right + " " + layer.name().toLowerCase()));
        }
        Set<String> granted = new TreeSet<>();
        for (JsonNode grant : template.at("/variables/lakeGrants")) {
            LakeAccess.Right right = LAKE_ROLES.get(value(grant.path("role").asText()));
            granted.add(grant.path("service").asText() + " " + right + " " + value(grant.path("container").asText()));
        }
        assertEquals(expected, granted);
        List<String> services = DeployedEnvironment.stream(template.at("/variables/services")).map(JsonNode::asText).toList();
        assertEquals(SERVICES, services);
        assertEquals(SERVICES, List.of(LakeAccess.values()).stream().map(LakeAccess::service).toList());
    }

    @Test
    void everyRoleAssignmentIsScopedToOneContainerOrTheVault() {
        int lake = 0;
        for (JsonNode resource : template.path("resources")) {
            if (!resource.path("type").asText().equals("Microsoft.Authorization/roleAssignments")) {
                continue;
            }
            String scope = resource.path("scope").asText();
            String role = resource.at("/properties/roleDefinitionId").asText();
            if (scope.contains("Microsoft.KeyVault/vaults/")) {
                assertEquals(KEY_VAULT_SECRETS_USER, value("[variables('" + variable(role) + "')]"), "the vault's only role");
                assertTrue(resource.at("/properties/principalId").asText().contains("variables('secretsIdentity')"),
                        "only the secrets identity reads the vault");
            } else {
                assertEquals("[format('Microsoft.Storage/storageAccounts/{0}/blobServices/default/containers/{1}', "
                        + "parameters('storageAccount'), variables('lakeGrants')[copyIndex()].container)]", scope);
                assertTrue(role.contains("variables('lakeGrants')[copyIndex()].role"), role);
                lake++;
            }
        }
        assertEquals(1, lake, "one role-assignment loop over lakeGrants, nothing granted on the whole account");
    }

    @Test
    void eachDeploymentRunsAsItsOwnServiceAccountFederatedWithItsIdentity() {
        List<JsonNode> aks = RenderedDeploy.get().kubernetes("aks");
        String namespace = value("[parameters('namespace')]");
        Set<String> clientIds = new HashSet<>();
        for (String service : SERVICES) {
            JsonNode deployment = DeployedEnvironment.find(aks, "Deployment", service).orElseThrow();
            assertEquals(namespace, deployment.at("/metadata/namespace").asText(), service);
            JsonNode pod = deployment.at("/spec/template");
            assertEquals(service, pod.at("/spec/serviceAccountName").asText(), service);
            assertEquals("true", pod.at("/metadata/labels").path("azure.workload.identity/use").asText(), service);
            JsonNode account = DeployedEnvironment.find(aks, "ServiceAccount", service).orElseThrow();
            clientIds.add(account.at("/metadata/annotations").path("azure.workload.identity/client-id").asText());
        }
        assertEquals(SERVICES.size(), clientIds.size(), "one identity per service account: " + clientIds);
        String subject = "[format('system:serviceaccount:{0}:{1}', parameters('namespace'), variables('services')[copyIndex()])]";
        long federations = DeployedEnvironment.stream(template.path("resources"))
                .filter(r -> r.path("type").asText().endsWith("/federatedIdentityCredentials"))
                .peek(r -> assertEquals(subject, r.at("/properties/subject").asText()))
                .count();
        assertEquals(2, federations, "each service identity, and the secrets identity, federated with every service account");
    }

    /** A parameter's default or a variable's value, from its reference. */
    private static String value(String reference) {
        Matcher matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return reference;
        }
        JsonNode node = matcher.group(1).equals("parameters")
                ? template.path("parameters").path(matcher.group(2)).path("defaultValue")
                : template.path("variables").path(matcher.group(2));
        return value(node.asText());
    }

    private static String variable(String expression) {
        Matcher matcher = Pattern.compile("variables\\('([^']+)'\\)").matcher(expression);
        assertTrue(matcher.find(), expression);
        return matcher.group(1);
    }
}
