package org.supportplans.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * A Camunda Form (the form-js schema of a {@code .form} file) as the server reads it: for each field key, the
 * label the person sees and the rules the form checks in the browser (required, length, number range,
 * pattern, the options of a radio, select or checklist), and when the form hides the field.
 *
 * <p>Groups without a path add their fields to the form's; a dynamic list is one field whose rows have fields
 * of their own. A date field's limits are FEEL expressions over "today" and the case's dates: the case's
 * rules check those dates on the server, with the district's calendar, so they are not read here. Options
 * that a form takes from a variable ({@code valuesKey}, {@code valuesExpression}) are not checked here either.
 */
final class FormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    // the FEEL engine Camunda's DMN engine uses (feel-scala), for the fields' conditional.hide
    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield",
            "textarea",
            "number",
            "select",
            "radio",
            "checkbox",
            "checklist",
            "taglist",
            "datetime",
            "dynamiclist");

    private final String id;
    private final Map<String, Field> fields;

    private FormSchema(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    static FormSchema read(InputStream json) {
        try {
            return read(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable form", e);
        }
    }

    static FormSchema read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable form", e);
        }
    }

    private static FormSchema read(JsonNode form) {
        String id = form.path("id").asText(null);
        if (id == null || !"default".equals(form.path("type").asText())) {
            throw new IllegalArgumentException("not a Camunda Form: no id or not of type default");
        }
        return new FormSchema(id, fieldsOf(id, form.path("components")));
    }

    private static Map<String, Field> fieldsOf(String formId, JsonNode components) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("group")) {
                if (component.hasNonNull("path")
                        && !component.path("path").asText().isEmpty()) {
                    throw new IllegalArgumentException(
                            formId + ": a group with a path (nested values) is not read by the server");
                }
                fieldsOf(formId, component.path("components")).forEach((key, field) -> add(formId, fields, field));
            } else if (INPUT_TYPES.contains(type)) {
                add(formId, fields, field(formId, type, component));
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static void add(String formId, Map<String, Field> fields, Field field) {
        if (fields.putIfAbsent(field.key(), field) != null) {
            throw new IllegalArgumentException(formId + ": two fields with the key " + field.key());
        }
    }

    private static Field field(String formId, String type, JsonNode component) {
        String key = type.equals("dynamiclist")
                ? component.path("path").asText(null)
                : component.path("key").asText(null);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(formId + ": a " + type + " without a key");
        }
        JsonNode validate = component.path("validate");
        return new Field(
                key,
                type,
                label(component, key),
                validate.path("required").asBoolean(false),
                validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
                validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                // a number's limits are numbers; a date's are FEEL (see the class comment)
                validate.path("min").isNumber() ? validate.get("min").decimalValue() : null,
                validate.path("max").isNumber() ? validate.get("max").decimalValue() : null,
                validate.hasNonNull("pattern")
                        ? Pattern.compile(validate.get("pattern").asText())
                        : null,
                options(component),
                hide(component),
                type.equals("dynamiclist") ? fieldsOf(formId, component.path("components")) : Map.of());
    }

    /** What the person reads beside the field: a date field shows its dateLabel (or timeLabel), not its label. */
    private static String label(JsonNode component, String key) {
        for (String name : List.of("dateLabel", "label", "timeLabel")) {
            String label = component.path(name).asText("").strip();
            if (!label.isEmpty()) {
                return label;
            }
        }
        return key;
    }

    private static List<String> options(JsonNode component) {
        if (!component.path("values").isArray()) {
            return null;
        }
        List<String> options = new ArrayList<>();
        component
                .path("values")
                .forEach(option -> options.add(option.path("value").asText()));
        return List.copyOf(options);
    }

    private static String hide(JsonNode component) {
        String hide = component.path("conditional").path("hide").asText("").strip();
        if (hide.startsWith("=")) {
            hide = hide.substring(1).strip();
        }
        return hide.isEmpty() ? null : hide;
    }

    String id() {
        return id;
    }

    /** The fields by key, in the form's order; a dynamic list's row fields are in its {@link Field#rows()}. */
    Map<String, Field> fields() {
        return fields;
    }

    Optional<Field> find(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The field the server reads: a key the form does not have is a mistake in our code, not in the input. */
    Field field(String key) {
        return find(key)
                .orElseThrow(() -> new IllegalStateException("the form " + id + " has no field with the key " + key));
    }

    /**
     * A field of a form.
     *
     * @param options the values a radio, select, checklist or tag list allows; null when not fixed in the form
     * @param hide the FEEL expression under which the form hides the field, without its leading {@code =}
     * @param rows a dynamic list's fields, for each of its rows
     */
    record Field(
            String key,
            String type,
            String label,
            boolean required,
            Integer minLength,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            Pattern pattern,
            List<String> options,
            String hide,
            Map<String, Field> rows) {

        /** Whether the form hides the field, given the task's variables (a hidden field is not required). */
        boolean hiddenGiven(VariableContext variables) {
            if (hide == null) {
                return false;
            }
            return Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(hide, variables));
        }

        /** Required, unless the form hides it. */
        boolean requiredGiven(VariableContext variables) {
            return required && !hiddenGiven(variables);
        }
    }
}
