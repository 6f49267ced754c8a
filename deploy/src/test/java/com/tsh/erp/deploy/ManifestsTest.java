package com.tsh.erp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.Topics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s as a cluster would get it: the base and every overlay rendered by kustomize, every object read as a
 * typed Kubernetes or custom resource (unknown fields fail), and the rules of the deployment checked on what is
 * rendered, not on the source files: probes, resources, a hardened non-root container, pinned images, every
 * ConfigMap and Secret key a container reads declared, every setting a service needs provided, ports that match
 * the services' own settings, a KafkaTopic for every topic of libs/events, and traffic only through the gateway.
 */
class ManifestsTest {

    /** The services and their modules (each has a Deployment of the module's name). */
    static final List<String> SERVICES = List.of("gateway", "catalog-service", "client-service", "order-service", "zoho-sync-service");

    /**
     * Settings a service needs in production that have no usable default in its application.properties: secrets,
     * which are never written there, and the Zoho organization's own ids (the defaults are the simulator's). Every
     * setting whose default points at 127.0.0.1 is found from the file itself.
     */
    static final Map<String, List<String>> SECRET_SETTINGS = Map.of(
            "gateway", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "TSH_ADMIN_USERNAME", "TSH_ADMIN_PASSWORD"),
            "catalog-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
            "client-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
            "order-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
            "zoho-sync-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "TSH_ZOHO_CLIENT_SECRET", "TSH_ZOHO_REFRESH_TOKEN", "TSH_ZOHO_ORGANIZATION_ID", "TSH_ZOHO_CLIENT_ID",
                    "TSH_ZOHO_CUSTOM_FIELDS_ITEM_NAME_AR", "TSH_ZOHO_CUSTOM_FIELDS_ITEM_TSH_ID"));

    static List<Path> targets() {
        return Kustomize.targets();
    }

    static List<Path> overlays() {
        return Kustomize.targets().stream().filter(p -> p.getParent().getFileName().toString().equals("overlays")).toList();
    }

    static String label(Path target) {
        return Kustomize.ROOT.relativize(target).toString();
    }

    @Test
    void thereIsABaseAStagingAndAProductionOverlay() {
        Set<String> names = new TreeSet<>();
        targets().forEach(t -> names.add(t.getFileName().toString()));
        assertTrue(names.containsAll(Set.of("base", "staging", "production")), "rendered: " + names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyObjectIsATypedKubernetesOrCustomResource(Path target) {
        List<JsonNode> objects = Kustomize.render(target);
        assertFalse(objects.isEmpty(), label(target) + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            TypedObjects.problems(o).forEach(p -> problems.add(Kustomize.name(o) + ": " + p));
        }
        assertEquals(List.of(), problems, label(target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyServiceHasItsDeploymentServiceAccountPdbAutoscalerAndNetworkPolicy(Path target) {
        List<JsonNode> objects = Kustomize.render(target);
        for (String service : SERVICES) {
            JsonNode d = one(objects, "Deployment", service, target);
            for (String kind : List.of("Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy")) {
                one(objects, kind, service, target);
            }
            assertEquals(service, d.at("/spec/template/spec/serviceAccountName").asText(), service + " runs as its own account");
            JsonNode hpa = one(objects, "HorizontalPodAutoscaler", service, target);
            assertEquals(service, hpa.at("/spec/scaleTargetRef/name").asText());
            assertTrue(hpa.at("/spec/metrics").toString().contains("cpu"), service + "'s autoscaler follows CPU");
            JsonNode pdb = one(objects, "PodDisruptionBudget", service, target);
            assertTrue(selects(pdb.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels")), service + "'s PDB selects its pods");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyContainerIsProbedLimitedPinnedAndRunsHardenedAsNonRoot(Path target) {
        List<String> problems = new ArrayList<>();
        for (JsonNode o : Kustomize.render(target)) {
            JsonNode pod = podSpec(o);
            if (pod == null) {
                continue;
            }
            for (JsonNode c : containers(pod)) {
                String where = Kustomize.name(o) + " container " + c.path("name").asText();
                String image = c.path("image").asText();
                String tag = image.contains("@sha256:") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                        ? image.substring(image.lastIndexOf(':') + 1) : "";
                if (tag.isEmpty() || tag.equals("latest")) {
                    problems.add(where + ": image " + image + " is not pinned to a version");
                }
                for (String r : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    if (c.at("/resources/" + r).isMissingNode()) {
                        problems.add(where + ": no resources." + r.replace('/', '.'));
                    }
                }
                if (!(c.at("/securityContext/runAsNonRoot").asBoolean(false) || pod.at("/securityContext/runAsNonRoot").asBoolean(false))) {
                    problems.add(where + ": may run as root (runAsNonRoot)");
                }
                if (!c.at("/securityContext/readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": root filesystem is writable");
                }
                if (c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": privilege escalation is allowed");
                }
            }
        }
        for (String service : SERVICES) {
            JsonNode c = serviceContainer(Kustomize.render(target), service, target);
            for (String[] probe : new String[][] {{"startupProbe", "/q/health/started"}, {"readinessProbe", "/q/health/ready"},
                    {"livenessProbe", "/q/health/live"}}) {
                if (!probe[1].equals(c.at("/" + probe[0] + "/httpGet/path").asText())) {
                    problems.add(service + ": " + probe[0] + " is not GET " + probe[1]);
                }
            }
            String jvm = resolvedEnv(Kustomize.render(target), service, target).getOrDefault("JAVA_TOOL_OPTIONS", "");
            if (!(jvm.contains("-Xmx") || jvm.contains("MaxRAMPercentage"))) {
                problems.add(service + ": the JVM's heap is not sized to the container (JAVA_TOOL_OPTIONS: " + jvm + ")");
            }
        }
        assertEquals(List.of(), problems, label(target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyConfigMapAndSecretKeyAContainerReadsIsDeclared(Path target) throws IOException {
        List<JsonNode> objects = Kustomize.render(target);
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("ConfigMap")) {
                Set<String> keys = new HashSet<>();
                o.path("data").fieldNames().forEachRemaining(keys::add);
                configMaps.put(o.at("/metadata/name").asText(), keys);
            }
        }
        Map<String, Set<String>> secrets = declaredSecrets();
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            JsonNode pod = podSpec(o);
            if (pod == null) {
                continue;
            }
            for (JsonNode c : containers(pod)) {
                String where = Kustomize.name(o) + " container " + c.path("name").asText();
                for (JsonNode e : c.path("env")) {
                    JsonNode cm = e.at("/valueFrom/configMapKeyRef");
                    if (!cm.isMissingNode() && !configMaps.getOrDefault(cm.path("name").asText(), Set.of()).contains(cm.path("key").asText())) {
                        problems.add(where + ": ConfigMap " + cm.path("name").asText() + " has no key " + cm.path("key").asText());
                    }
                    JsonNode s = e.at("/valueFrom/secretKeyRef");
                    if (!s.isMissingNode() && !secrets.getOrDefault(s.path("name").asText(), Set.of()).contains(s.path("key").asText())) {
                        problems.add(where + ": Secret " + s.path("name").asText() + " key " + s.path("key").asText()
                                + " is not declared in deploy/k8s/README.md");
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("configMapRef") && !configMaps.containsKey(from.at("/configMapRef/name").asText())) {
                        problems.add(where + ": no ConfigMap " + from.at("/configMapRef/name").asText());
                    }
                    if (from.has("secretRef") && !secrets.containsKey(from.at("/secretRef/name").asText())) {
                        problems.add(where + ": Secret " + from.at("/secretRef/name").asText() + " is not declared in deploy/k8s/README.md");
                    }
                }
            }
            for (JsonNode v : pod.path("volumes")) {
                if (v.has("configMap") && !configMaps.containsKey(v.at("/configMap/name").asText())) {
                    problems.add(Kustomize.name(o) + ": volume from a missing ConfigMap " + v.at("/configMap/name").asText());
                }
                if (v.has("secret")) {
                    Set<String> keys = secrets.get(v.at("/secret/secretName").asText());
                    if (keys == null) {
                        problems.add(Kustomize.name(o) + ": volume from Secret " + v.at("/secret/secretName").asText() + ", not declared");
                    } else {
                        for (JsonNode item : v.at("/secret/items")) {
                            if (!keys.contains(item.path("key").asText())) {
                                problems.add(Kustomize.name(o) + ": Secret " + v.at("/secret/secretName").asText() + " key "
                                        + item.path("key").asText() + " is not declared");
                            }
                        }
                    }
                }
            }
        }
        // Secrets named anywhere else: an Ingress's TLS, CloudNativePG's role passwords and backup credentials
        for (JsonNode o : objects) {
            secretReferences(o, "", Kustomize.name(o), secrets, problems);
        }
        assertEquals(List.of(), problems, label(target));
    }

    /** {@code secretName: x} anywhere, and {@code <something>Secret: {name, key}} or {@code s3Credentials.*: {name, key}}. */
    private static void secretReferences(JsonNode node, String field, String where, Map<String, Set<String>> secrets, List<String> problems) {
        if (node.isObject()) {
            boolean reference = (field.endsWith("Secret") || field.equals("accessKeyId") || field.equals("secretAccessKey"))
                    && node.has("name");
            if (reference) {
                String name = node.path("name").asText();
                if (!secrets.containsKey(name)) {
                    problems.add(where + ": " + field + " names Secret " + name + ", not declared in deploy/k8s/README.md");
                } else if (node.has("key") && !secrets.get(name).contains(node.path("key").asText())) {
                    problems.add(where + ": " + field + " reads key " + node.path("key").asText() + " of Secret " + name + ", not declared");
                }
            }
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("secretName") && e.getValue().isTextual() && !secrets.containsKey(e.getValue().asText())) {
                    problems.add(where + ": secretName " + e.getValue().asText() + " is not declared in deploy/k8s/README.md");
                }
                secretReferences(e.getValue(), e.getKey(), where, secrets, problems);
            });
        } else if (node.isArray()) {
            node.forEach(n -> secretReferences(n, field, where, secrets, problems));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everySettingAServiceNeedsInProductionIsProvided(Path target) throws IOException {
        List<JsonNode> objects = Kustomize.render(target);
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> provided = resolvedEnv(objects, service, target).keySet();
            Set<String> needed = new TreeSet<>(SECRET_SETTINGS.get(service));
            Properties p = applicationProperties(service);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (!key.startsWith("%") && (value.contains("127.0.0.1") || value.contains("localhost"))) {
                    needed.add(envName(key));
                }
            }
            needed.removeAll(provided);
            if (!needed.isEmpty()) {
                problems.add(service + " is not given " + needed);
            }
        }
        assertEquals(List.of(), problems, label(target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void portsMatchTheServicesOwnSettings(Path target) throws IOException {
        List<JsonNode> objects = Kustomize.render(target);
        for (String service : SERVICES) {
            int port = Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
            JsonNode c = serviceContainer(objects, service, target);
            JsonNode http = null;
            for (JsonNode cp : c.path("ports")) {
                if (cp.path("name").asText().equals("http")) {
                    http = cp;
                }
            }
            assertTrue(http != null && http.path("containerPort").asInt() == port, service + " listens on " + port + ": " + c.path("ports"));
            String env = resolvedEnv(objects, service, target).get("QUARKUS_HTTP_PORT");
            assertTrue(env == null || env.equals(String.valueOf(port)), service + ": QUARKUS_HTTP_PORT " + env);
            JsonNode svc = one(objects, "Service", service, target);
            for (JsonNode sp : svc.at("/spec/ports")) {
                String targetPort = sp.path("targetPort").asText();
                assertTrue(targetPort.equals("http") || targetPort.equals(String.valueOf(port)),
                        service + "'s Service sends to " + targetPort + ", the container listens on " + port);
            }
            assertTrue(selects(svc.at("/spec/selector"), one(objects, "Deployment", service, target).at("/spec/template/metadata/labels")),
                    service + "'s Service selects its pods");
        }
        // the gateway reaches each service on the Service's port
        Map<String, String> gateway = resolvedEnv(objects, "gateway", target);
        Map<String, String> urls = new LinkedHashMap<>();
        Map.of("catalog", "catalog-service", "clients", "client-service", "orders", "order-service", "zoho-sync", "zoho-sync-service")
                .forEach((k, s) -> urls.put(s, gateway.get(envName("tsh.gateway.services." + k + ".url"))));
        urls.forEach((s, url) -> {
            JsonNode svc = one(objects, "Service", s, target);
            String port = svc.at("/spec/ports/0/port").asText();
            assertEquals("http://" + s + ":" + port, url, "the gateway's address of " + s);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyTopicAndItsDeadLetterTopicHasAKafkaTopic(Path target) throws IllegalAccessException {
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode o : Kustomize.render(target)) {
            if (o.path("kind").asText().equals("KafkaTopic")) {
                String name = o.at("/spec/topicName").asText(o.at("/metadata/name").asText());
                declared.put(name.isEmpty() ? o.at("/metadata/name").asText() : name, o);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String topic : topics()) {
            for (String t : List.of(topic, topic + ".dlq")) {
                JsonNode kt = declared.get(t);
                if (kt == null) {
                    missing.add(t);
                } else {
                    long days30 = 30L * 24 * 3600 * 1000;
                    if (kt.at("/spec/config/cleanup.policy").asText("delete").equals("compact")) {
                        // a compacted topic (read models rebuilt from the start) keeps every event a while before
                        // compaction, and what it keeps longer is a whole state that the version rule ignores when old
                        long lag = Long.parseLong(kt.at("/spec/config/min.compaction.lag.ms").asText("0"));
                        assertTrue(lag > 0 && lag < days30, t + " min.compaction.lag.ms " + lag);
                    } else {
                        // consumers remember handled event ids for 30 days (the inbox): a topic must not keep events
                        // longer, or a consumer reset to the earliest offset could apply an event whose id it forgot
                        long retention = Long.parseLong(kt.at("/spec/config/retention.ms").asText("0"));
                        assertTrue(retention > 0 && retention < days30, t + " retention.ms " + retention);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "topics of libs/events without a KafkaTopic in " + label(target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void onlyTheGatewayTakesTrafficFromOutsideAndTheServicesOnlyFromTheGatewayAndPrometheus(Path target) {
        List<JsonNode> objects = Kustomize.render(target);
        for (String service : SERVICES) {
            JsonNode np = one(objects, "NetworkPolicy", service, target);
            assertTrue(np.at("/spec/policyTypes").toString().contains("Ingress"), service + "'s policy restricts ingress");
            for (JsonNode rule : np.at("/spec/ingress")) {
                assertTrue(rule.has("from") && rule.path("from").size() > 0, service + ": an ingress rule open to everyone");
                for (JsonNode from : rule.path("from")) {
                    String ns = from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
                    String pod = from.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText();
                    boolean prometheus = ns.equals("monitoring") && pod.isEmpty();
                    boolean allowed = service.equals("gateway") ? prometheus || ns.startsWith("ingress") && pod.isEmpty()
                            : prometheus || pod.equals("gateway") && !from.has("namespaceSelector");
                    assertTrue(allowed, service + " takes traffic from " + from);
                    assertFalse(from.has("ipBlock"), service + " takes traffic from an address block " + from);
                }
            }
        }
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("Ingress")) {
                for (JsonNode backend : o.findValues("service")) {
                    assertEquals("gateway", backend.path("name").asText(), Kustomize.name(o) + " routes to " + backend);
                }
                assertFalse(o.at("/spec/tls").isMissingNode() || o.at("/spec/tls").isEmpty(), Kustomize.name(o) + " without TLS");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayExposesTheGatewayOverTls(Path overlay) throws IOException {
        List<JsonNode> ingresses = Kustomize.render(overlay).stream().filter(o -> o.path("kind").asText().equals("Ingress")).toList();
        assertTrue(ingresses.size() >= 1, label(overlay) + " has no Ingress for the gateway");
        // an upload the gateway takes (a products import) must not be refused by nginx first (its default: 1m)
        long gatewayLimit = bytes(applicationProperties("gateway").getProperty("quarkus.http.limits.max-body-size", "10240K"));
        for (JsonNode ingress : ingresses) {
            String size = ingress.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m");
            assertTrue(bytes(size) >= gatewayLimit, label(overlay) + ": the Ingress takes bodies up to " + size
                    + ", less than the gateway's " + gatewayLimit + " bytes");
        }
    }

    /** A size as Quarkus or nginx write it (10240K, 11M, 12m) in bytes. */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(java.util.Locale.ROOT);
        long unit = s.endsWith("K") ? 1024 : s.endsWith("M") ? 1024 * 1024 : s.endsWith("G") ? 1024L * 1024 * 1024 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    // ---------------------------------------------------------------- helpers

    static JsonNode one(List<JsonNode> objects, String kind, String name, Path target) {
        List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.at("/metadata/name").asText().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name + " in " + label(target));
        return found.get(0);
    }

    static JsonNode podSpec(JsonNode o) {
        return switch (o.path("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> o.at("/spec/template/spec");
            case "CronJob" -> o.at("/spec/jobTemplate/spec/template/spec");
            case "Pod" -> o.path("spec");
            default -> null;
        };
    }

    static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> out = new ArrayList<>();
        pod.path("initContainers").forEach(out::add);
        pod.path("containers").forEach(out::add);
        return out;
    }

    static JsonNode serviceContainer(List<JsonNode> objects, String service, Path target) {
        JsonNode d = one(objects, "Deployment", service, target);
        for (JsonNode c : d.at("/spec/template/spec/containers")) {
            if (c.path("name").asText().equals(service)) {
                return c;
            }
        }
        throw new AssertionError(service + "'s Deployment has no container named " + service);
    }

    /** The environment the service's container gets: envFrom ConfigMaps' data, then env (values, or the key a ref names). */
    static Map<String, String> resolvedEnv(List<JsonNode> objects, String service, Path target) {
        Map<String, JsonNode> configMaps = new HashMap<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap")).forEach(o -> configMaps.put(o.at("/metadata/name").asText(), o));
        JsonNode c = serviceContainer(objects, service, target);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            JsonNode cm = configMaps.get(from.at("/configMapRef/name").asText());
            if (cm != null) {
                cm.path("data").fields().forEachRemaining(e -> env.put(from.path("prefix").asText("") + e.getKey(), e.getValue().asText()));
            }
            if (from.has("secretRef")) {
                env.put("secretRef:" + from.at("/secretRef/name").asText(), "");
            }
        }
        for (JsonNode e : c.path("env")) {
            String value = e.has("value") ? e.path("value").asText() : null;
            JsonNode cmRef = e.at("/valueFrom/configMapKeyRef");
            if (value == null && !cmRef.isMissingNode() && configMaps.containsKey(cmRef.path("name").asText())) {
                value = configMaps.get(cmRef.path("name").asText()).at("/data/" + cmRef.path("key").asText()).asText(null);
            }
            env.put(e.path("name").asText(), value == null ? "" : expand(value, env));
        }
        return env;
    }

    /** Kubernetes' $(VAR) references to variables defined before. */
    private static String expand(String value, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(b).toString();
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** MicroProfile Config's environment name of a property: non-alphanumerics to '_', upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Kustomize.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static List<String> topics() throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        assertFalse(out.isEmpty(), "no topics read from Topics");
        return out;
    }

    /**
     * The Secrets an operator creates before applying (never in the repository), as deploy/k8s/README.md declares
     * them: a table row per Secret, its name in backquotes in the first column and its keys in backquotes in the
     * second ({@code | `tsh-catalog-db` | `username` (= `tsh_catalog`), `password` | ... |}).
     */
    static Map<String, Set<String>> declaredSecrets() throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        Pattern quoted = Pattern.compile("`([^`]+)`");
        try (Stream<String> lines = Files.lines(Kustomize.K8S.resolve("README.md"))) {
            lines.filter(l -> l.startsWith("| `")).forEach(l -> {
                String[] cells = l.split("\\|");
                if (cells.length < 3) {
                    return;
                }
                Matcher name = quoted.matcher(cells[1]);
                if (name.find()) {
                    Set<String> keys = out.computeIfAbsent(name.group(1), k -> new HashSet<>());
                    Matcher k = quoted.matcher(cells[2]);
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                }
            });
        }
        return out;
    }
}
