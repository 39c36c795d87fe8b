package dev.clicklake.kpi.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration one service reads, as environment variable names, by the rules Quarkus applies:
 * <ul>
 *   <li>a key of its {@code application.properties} (any profile) or of a {@code @ConfigMapping} in its classes or
 *       lake-contracts' ({@code clicklake.lake.*}), named as SmallRye Config's environment source names it:
 *       upper case, every other character than a letter or digit an underscore
 *       ({@code clicklake.lake.adls.connection-string} is {@code CLICKLAKE_LAKE_ADLS_CONNECTION_STRING});</li>
 *   <li>{@code KAFKA_*}: Quarkus passes every {@code kafka*} name to the Kafka clients, lower-cased with
 *       {@code _} as {@code .} ({@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}), so it must be a
 *       property of the Kafka consumer, producer or admin client;</li>
 *   <li>the JVM launcher's own variables.</li>
 * </ul>
 */
public final class ServiceConfiguration {

    public static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    final String service;
    /** Environment variable name to the property it sets. */
    private final Map<String, String> properties;
    final Properties applicationProperties;

    private ServiceConfiguration(String service, Map<String, String> properties, Properties applicationProperties) {
        this.service = service;
        this.properties = properties;
        this.applicationProperties = applicationProperties;
    }

    public static ServiceConfiguration of(String service) {
        Map<String, String> byEnvName = new TreeMap<>();
        Properties file = applicationProperties(service);
        for (String key : file.stringPropertyNames()) {
            String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            byEnvName.put(envName(property), property + " (application.properties)");
        }
        for (Path classes : List.of(classes(service), classes("lake-contracts"))) {
            configMappingProperties(classes).forEach((property, mapping) ->
                    byEnvName.put(envName(property), property + " (@ConfigMapping " + mapping + ")"));
        }
        return new ServiceConfiguration(service, byEnvName, file);
    }

    /** What an environment variable sets in this service, if anything. */
    public Optional<String> propertyOf(String envName) {
        if (properties.containsKey(envName)) {
            return Optional.of(properties.get(envName));
        }
        if (envName.startsWith("KAFKA_")) {
            String client = envName.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (KAFKA_CLIENT_PROPERTIES.contains(client)) {
                return Optional.of(client + " (Kafka client)");
            }
        }
        return JVM_VARIABLES.contains(envName) ? Optional.of("the java launcher") : Optional.empty();
    }

    /** SmallRye Config's environment variable name of a property. */
    static String envName(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private static final Set<String> KAFKA_CLIENT_PROPERTIES = Stream.of(ConsumerConfig.configNames(),
            ProducerConfig.configNames(), AdminClientConfig.configNames())
            .flatMap(Set::stream).collect(java.util.stream.Collectors.toCollection(TreeSet::new));

    private static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                RenderedDeploy.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path classes(String module) {
        Path classes = RenderedDeploy.ROOT.resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build the module first");
        }
        return classes;
    }

    /**
     * The properties of the @ConfigMapping interfaces among the compiled classes of a module, as SmallRye Config
     * names them, with their interface. The classes are loaded (not initialised) beside this test's classpath,
     * which has what they refer to (SmallRye Config, Quarkus, lake-contracts).
     */
    private static Map<String, String> configMappingProperties(Path classes) {
        Map<String, String> properties = new TreeMap<>();
        byte[] annotation = "Lio/smallrye/config/ConfigMapping;".getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(classes);
                URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                        ServiceConfiguration.class.getClassLoader())) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                if (indexOf(Files.readAllBytes(file), annotation) < 0) {
                    continue; // the class file does not even name the annotation
                }
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(ConfigMapping.class)) {
                    String prefix = type.getAnnotation(ConfigMapping.class).prefix();
                    ConfigMappings.getProperties(new ConfigMappings.ConfigClass(type, prefix)).keySet()
                            .forEach(property -> properties.put(property, type.getSimpleName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
