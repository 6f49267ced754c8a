package com.tsh.erp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads rendered objects as what the API server would take: built-in kinds as fabric8's typed model, with any field
 * the model does not know reported (fabric8 keeps those in {@code additionalProperties} instead of failing, so every
 * object of the tree is checked); custom resources against the OpenAPI schema of their CRD (deploy/k8s/schemas/crds,
 * copied from the operators' releases, SOURCES.md), where a field a schema does not declare is an error too (the API
 * server would prune it silently, which is worse).
 */
final class TypedObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, JsonSchema> CRD_SCHEMAS = loadCrds();

    private TypedObjects() {
    }

    /** What is wrong with the object, or an empty list. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        List<String> out = new ArrayList<>();
        if (group.endsWith(".strimzi.io") || group.endsWith(".cnpg.io") || group.equals("monitoring.coreos.com")) {
            JsonSchema schema = CRD_SCHEMAS.get(apiVersion + "/" + kind);
            if (schema == null) {
                out.add("no CRD in deploy/k8s/schemas/crds serves " + apiVersion + " " + kind);
                return out;
            }
            for (ValidationMessage m : schema.validate(object)) {
                out.add(m.getMessage());
            }
            return out;
        }
        Object typed;
        try {
            typed = SERIALIZATION.unmarshal(object.toString(), KubernetesResource.class);
        } catch (RuntimeException e) {
            out.add("not a valid " + apiVersion + " " + kind + ": " + e.getMessage());
            return out;
        }
        if (typed == null || typed instanceof GenericKubernetesResource) {
            out.add(apiVersion + " " + kind + " is not a Kubernetes kind fabric8's model knows");
            return out;
        }
        unknownFields(typed, "", out);
        return out;
    }

    /** Walks the typed tree through its getters; a non-empty additionalProperties is a field the model does not have. */
    private static void unknownFields(Object o, String path, List<String> out) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "the top" : path));
                }
                continue;
            }
            String field = m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
            unknownFields(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), out);
        }
    }

    private static Map<String, JsonSchema> loadCrds() {
        Map<String, JsonSchema> out = new HashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(Kustomize.K8S.resolve("schemas/crds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                JsonNode crd = Kustomize.yaml().readTree(f.toFile());
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode v : crd.path("spec").path("versions")) {
                    if (!v.path("served").asBoolean()) {
                        continue;
                    }
                    JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                    closeObjects(schema);
                    out.put(group + "/" + v.path("name").asText() + "/" + kind, factory.getSchema(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every object schema that lists its properties, keeps no unknown fields and allows no others gets
     * {@code additionalProperties: false}, so a misspelt field fails here instead of being pruned by the API server.
     */
    static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                closeObjects(it.next());
            }
        } else if (schema != null && schema.isArray()) {
            schema.forEach(TypedObjects::closeObjects);
        }
    }
}
