package dev.clicklake.kpi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lineage graph a server such as Marquez draws from COMPLETE run events: a node per dataset
 * ({@code namespace/name}) and per job, an edge from each input to the job and from the job to each output.
 */
final class LineageGraph {

    private final Map<String, Set<String>> edges = new LinkedHashMap<>();

    LineageGraph(List<JsonNode> events) {
        for (JsonNode event : events) {
            if (!"COMPLETE".equals(event.get("eventType").asText())) {
                continue;
            }
            String job = job(event);
            event.get("inputs").forEach(input -> edge(dataset(input), job));
            event.get("outputs").forEach(output -> edge(job, dataset(output)));
        }
    }

    static String job(JsonNode event) {
        return "job:" + event.at("/job/namespace").asText() + "/" + event.at("/job/name").asText();
    }

    static String dataset(JsonNode dataset) {
        return dataset.get("namespace").asText() + "/" + dataset.get("name").asText();
    }

    /** Every node reachable from {@code start} along the edges. */
    Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            for (String to : edges.getOrDefault(next.pop(), Set.of())) {
                if (seen.add(to)) {
                    next.push(to);
                }
            }
        }
        return seen;
    }

    /** The graph as a mermaid flowchart, jobs as rounded nodes, for the docs. */
    String mermaid() {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of("flowchart LR"));
        edges.forEach((from, tos) -> tos.forEach(to -> lines.add("  " + node(ids, from) + " --> " + node(ids, to))));
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String node(Map<String, String> ids, String name) {
        boolean known = ids.containsKey(name);
        String id = ids.computeIfAbsent(name, n -> "n" + ids.size());
        if (known) {
            return id;
        }
        String label = name.replace("\"", "'");
        return name.startsWith("job:") ? id + "([\"" + label.substring(4) + "\"])" : id + "[\"" + label + "\"]";
    }

    private void edge(String from, String to) {
        edges.computeIfAbsent(from, f -> new LinkedHashSet<>()).add(to);
    }
}
