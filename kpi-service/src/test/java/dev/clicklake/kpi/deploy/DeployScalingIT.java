package dev.clicklake.kpi.deploy;

import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The autoscalers of the aks overlay fit the topics: a consumer group uses at most one replica per partition, so
 * no ScaledObject may scale past the partition count of a topic it follows, and it must follow the consumer
 * group the service really uses.
 */
class DeployScalingIT {

    private static final Pattern TOPICS = Pattern.compile("KAFKA_TOPICS=\\$\\{KAFKA_TOPICS:-\"([^\"]+)\"}");

    @Test
    void composeAndKubernetesCreateTheLocalStacksTopics() throws IOException {
        assertEquals(topics("deploy/local/stack.sh"), topics("deploy/infra/create-topics.sh"));
    }

    @Test
    void noScaledObjectOutgrowsTheTopicsItFollows() throws IOException {
        Map<String, Integer> partitions = topics("deploy/infra/create-topics.sh");
        List<String> problems = new ArrayList<>();
        int kafkaTriggers = 0;
        for (JsonNode scaled : kinds("ScaledObject")) {
            String service = scaled.path("spec").path("scaleTargetRef").path("name").asText();
            int max = scaled.path("spec").path("maxReplicaCount").asInt();
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                kafkaTriggers++;
                String topic = trigger.path("metadata").path("topic").asText();
                Integer count = partitions.get(topic);
                if (count == null || max > count) {
                    problems.add(service + ": maxReplicaCount " + max + " > partitions of " + topic + " (" + count + ")");
                }
                String group = consumerGroup(service, topic);
                if (!trigger.path("metadata").path("consumerGroup").asText().equals(group)) {
                    problems.add(service + ": follows group " + trigger.path("metadata").path("consumerGroup").asText()
                            + " on " + topic + ", but the service consumes it as " + group);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(2, kafkaTriggers, "enrich-service and kpi-service scale on their consumer lag");
    }

    @Test
    void everyServiceHasExactlyOneAutoscaler() {
        Map<String, List<String>> autoscalers = new TreeMap<>();
        RenderedDeploy.SERVICES.forEach(s -> autoscalers.put(s, new ArrayList<>()));
        for (JsonNode hpa : kinds("HorizontalPodAutoscaler")) {
            autoscalers.get(hpa.path("spec").path("scaleTargetRef").path("name").asText()).add("HPA");
        }
        for (JsonNode scaled : kinds("ScaledObject")) {
            autoscalers.get(scaled.path("spec").path("scaleTargetRef").path("name").asText()).add("ScaledObject");
        }
        autoscalers.forEach((service, found) -> assertEquals(1, found.size(), service + ": " + found));
        for (JsonNode deployment : kinds("Deployment")) {
            assertTrue(deployment.path("spec").path("replicas").isMissingNode(),
                    "the autoscaler owns the replicas of " + deployment.path("metadata").path("name").asText());
        }
    }

    /** The group.id of the service's incoming channel on that topic, from its application.properties. */
    private static String consumerGroup(String service, String topic) {
        var properties = ServiceConfiguration.of(service).applicationProperties;
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && properties.getProperty(key).equals("${clicklake.topic-prefix}" + topic)) {
                return properties.getProperty(key.replaceAll("\\.topic$", ".group.id"));
            }
        }
        return "(no incoming channel on " + topic + ")";
    }

    private static List<JsonNode> kinds(String kind) {
        return RenderedDeploy.get().kubernetes("aks").stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static Map<String, Integer> topics(String script) throws IOException {
        Matcher matcher = TOPICS.matcher(Files.readString(ROOT.resolve(script)));
        assertTrue(matcher.find(), script + " lists its topics as KAFKA_TOPICS=${KAFKA_TOPICS:-\"name:partitions ...\"}");
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : matcher.group(1).split("\\s+")) {
            topics.put(topic.substring(0, topic.indexOf(':')), Integer.parseInt(topic.substring(topic.indexOf(':') + 1)));
        }
        return topics;
    }
}
