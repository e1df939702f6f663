package org.supportplans.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.supportplans.engine.TaskInputRejected;
import org.supportplans.workflow.FormSchema.Field;

/**
 * Reads what a form submitted, checking it again on the server: a form's validation runs only in the
 * browser, and the engine REST API accepts anything. The rules are the form's own ({@link FormSchema}): the
 * delegates ask for a field by its key, and every bad value is a {@link TaskInputRejected} that names the
 * field as the form labels it. A field the form hides (its {@code conditional.hide}) is not required.
 *
 * <p>A checkbox's "required" (it must be ticked) is left to the case's rule that needs it, whose message cites
 * the law; a date's limits too (see {@link FormSchema}).
 */
final class TaskInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String formId;
    private final Map<String, Field> fields;
    private final String labelPrefix;
    private final Function<String, Object> values;
    private final VariableContext context;

    TaskInputs(FormSchema form, VariableScope scope) {
        this(form, scope::getVariable);
    }

    TaskInputs(FormSchema form, Function<String, Object> variables) {
        this(form.id(), form.fields(), "", variables, variables);
    }

    private TaskInputs(
            String formId,
            Map<String, Field> fields,
            String labelPrefix,
            Function<String, Object> values,
            Function<String, Object> context) {
        this.formId = formId;
        this.fields = fields;
        this.labelPrefix = labelPrefix;
        this.values = values;
        this.context = feelContext(context);
    }

    /** A text field or text area: stripped, null when left empty (and not required). */
    String text(String key) {
        Field field = field(key, "textfield", "textarea");
        Object value = values.apply(key);
        String text = null;
        if (value != null) {
            if (!(value instanceof String string)) {
                throw rejected(field, "expected text");
            }
            text = string.strip();
        }
        if (text == null || text.isEmpty()) {
            return absent(field, "required");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            throw rejected(field, "at most " + field.maxLength() + " characters");
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw rejected(field, "write at least " + field.minLength() + " characters");
        }
        if (field.pattern() != null && !field.pattern().matcher(text).find()) {
            throw rejected(field, "not in the form asked for");
        }
        return text;
    }

    /** A date field: its day (a date-and-time field's too); null when left empty (and not required). */
    LocalDate date(String key) {
        Field field = field(key, "datetime");
        Object value = values.apply(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return absent(field, "required");
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            // a date field submits YYYY-MM-DD; a datetime field YYYY-MM-DDThh:mm
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw rejected(field, "not a date (YYYY-MM-DD)");
        }
    }

    /** A number field, as a whole number within the form's min and max; null when left empty. */
    Integer number(String key) {
        Field field = field(key, "number");
        Object value = values.apply(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return absent(field, "required");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
            number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw rejected(field, "not a whole number");
        }
        return within(field, number).intValueExact();
    }

    /** A number field with decimals (at most two), within the form's min and max; null when left empty. */
    BigDecimal decimal(String key) {
        Field field = field(key, "number");
        Object value = values.apply(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return absent(field, "required");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw rejected(field, "not a number");
        }
        if (number.stripTrailingZeros().scale() > 2) {
            throw rejected(field, "at most two decimals");
        }
        return within(field, number);
    }

    /** The number, when within the form's min and max. */
    private BigDecimal within(Field field, BigDecimal number) {
        boolean tooSmall = field.min() != null && number.compareTo(field.min()) < 0;
        boolean tooLarge = field.max() != null && number.compareTo(field.max()) > 0;
        if (tooSmall || tooLarge) {
            throw rejected(field, range(field));
        }
        return number;
    }

    /** The option chosen in a radio group or a select: one of the form's values; null when none (and optional). */
    String option(String key) {
        Field field = field(key, "radio", "select");
        Object value = values.apply(key);
        if (value == null || value.toString().isBlank()) {
            return absent(field, "choose one");
        }
        return allowed(field, value.toString().strip());
    }

    /** The option chosen in a radio group or a select whose values are the constants of {@code type}. */
    <E extends Enum<E>> E option(String key, Class<E> type) {
        String value = option(key);
        return value == null ? null : constant(field(key, "radio", "select"), value, type);
    }

    /** The values ticked in a checklist or a tag list, each one of the form's; empty when none (and optional). */
    List<String> options(String key) {
        Field field = field(key, "checklist", "taglist");
        List<String> chosen = new ArrayList<>();
        for (JsonNode element : array(field, values.apply(key))) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw rejected(field, "expected a list of values");
            }
            String option = allowed(field, element.asText().strip());
            if (!chosen.contains(option)) {
                chosen.add(option);
            }
        }
        if (chosen.isEmpty() && field.requiredGiven(context)) {
            throw rejected(field, "choose at least one");
        }
        return chosen;
    }

    /** The values ticked in a checklist or a tag list whose values are the constants of {@code type}. */
    <E extends Enum<E>> List<E> options(String key, Class<E> type) {
        Field field = field(key, "checklist", "taglist");
        return options(key).stream().map(value -> constant(field, value, type)).toList();
    }

    /** A checkbox: ticked or not. */
    boolean flag(String key) {
        field(key, "checkbox");
        Object value = values.apply(key);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /**
     * The rows of a dynamic list (a JSON array of objects), each read with its fields' rules; a row's message
     * names the list, the row's place in it and the field, e.g. "Services, entry 2, Minutes: ...".
     */
    List<TaskInputs> rows(String key) {
        Field list = field(key, "dynamiclist");
        List<TaskInputs> rows = new ArrayList<>();
        for (JsonNode element : array(list, values.apply(key))) {
            if (!element.isObject()) {
                throw rejected(list, "expected a list of entries");
            }
            Map<String, Object> row = JSON.convertValue(
                    element, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            String prefix = labelPrefix + list.label() + ", entry " + (rows.size() + 1) + ", ";
            // a row's hide conditions see the row's values first, then the task's
            Function<String, Object> rowContext = name -> row.containsKey(name) ? row.get(name) : values.apply(name);
            rows.add(new TaskInputs(formId, list.rows(), prefix, row::get, rowContext));
        }
        return rows;
    }

    private Field field(String key, String... types) {
        Field field = fields.get(key);
        if (field == null) {
            throw new IllegalStateException("the form " + formId + " has no field with the key " + key);
        }
        if (!Arrays.asList(types).contains(field.type())) {
            throw new IllegalStateException("the field " + key + " of the form " + formId + " is a " + field.type()
                    + ", not a " + String.join(" or ", types));
        }
        return field;
    }

    /** An empty field: refused when the form requires it here, else null. */
    private <T> T absent(Field field, String required) {
        if (field.requiredGiven(context)) {
            throw rejected(field, required);
        }
        return null;
    }

    private TaskInputRejected rejected(Field field, String what) {
        return new TaskInputRejected(labelPrefix + field.label() + ": " + what + ".");
    }

    private String allowed(Field field, String value) {
        if (field.options() != null && !field.options().contains(value)) {
            throw rejected(field, "not one of the choices");
        }
        return value;
    }

    private <E extends Enum<E>> E constant(Field field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw rejected(field, "not one of the choices");
        }
    }

    private static String range(Field field) {
        if (field.min() != null && field.max() != null) {
            return "between " + plain(field.min()) + " and " + plain(field.max());
        }
        return field.min() != null ? "at least " + plain(field.min()) : "at most " + plain(field.max());
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A checklist's, tag list's or dynamic list's values: a JSON array; empty when nothing was sent. */
    private JsonNode array(Field field, Object value) {
        JsonNode node;
        try {
            if (value == null) {
                node = JSON.createArrayNode();
            } else if (value instanceof SpinJsonNode spin) {
                node = JSON.readTree(spin.toString());
            } else if (value instanceof String text) {
                node = text.strip().startsWith("[")
                        ? JSON.readTree(text)
                        : JSON.valueToTree(Arrays.stream(text.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
            } else if (value instanceof Collection<?> || value instanceof Object[]) {
                node = JSON.valueToTree(value);
            } else {
                throw rejected(field, "expected a list");
            }
        } catch (JsonProcessingException e) {
            throw rejected(field, "not a readable list");
        }
        if (!node.isArray()) {
            throw rejected(field, "expected a list");
        }
        return node;
    }

    /** The variables as FEEL sees them when it decides whether the form hides a field. */
    private static VariableContext feelContext(Function<String, Object> variables) {
        return new VariableContext() {
            @Override
            public TypedValue resolve(String name) {
                Object value = variables.apply(name);
                return value == null ? null : Variables.untypedValue(value);
            }

            @Override
            public boolean containsVariable(String name) {
                return variables.apply(name) != null;
            }

            @Override
            public Set<String> keySet() {
                return Set.of();
            }
        };
    }
}
