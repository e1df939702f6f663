package org.supportplans.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.supportplans.engine.TaskInputRejected;

/**
 * Reads what a form submitted, checking it again on the server: a form's validation runs only in the
 * browser, and the engine REST API accepts anything. Every bad value is a {@link TaskInputRejected} that
 * names the field as the form labels it.
 */
final class TaskInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Object> variables;

    TaskInputs(VariableScope scope) {
        this(scope::getVariable);
    }

    private TaskInputs(Function<String, Object> variables) {
        this.variables = variables;
    }

    String text(String name, String label, int minLength, int maxLength) {
        String value = optionalText(name, label, maxLength);
        if (value == null || value.length() < minLength) {
            throw new TaskInputRejected(
                    label + ": " + (value == null ? "required" : "write at least " + minLength + " characters") + ".");
        }
        return value;
    }

    String optionalText(String name, String label, int maxLength) {
        Object value = variables.apply(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new TaskInputRejected(label + ": expected text.");
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            throw new TaskInputRejected(label + ": at most " + maxLength + " characters.");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    LocalDate date(String name, String label) {
        LocalDate date = optionalDate(name, label);
        if (date == null) {
            throw new TaskInputRejected(label + ": required.");
        }
        return date;
    }

    LocalDate optionalDate(String name, String label) {
        Object value = variables.apply(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
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
            throw new TaskInputRejected(label + ": not a date (YYYY-MM-DD).");
        }
    }

    <E extends Enum<E>> E choice(String name, String label, Class<E> type) {
        Object value = variables.apply(name);
        if (value == null) {
            throw new TaskInputRejected(label + ": choose one.");
        }
        return constant(value.toString(), label, type);
    }

    boolean flag(String name) {
        Object value = variables.apply(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** The values of a checklist or tag list (a JSON array of strings). */
    <E extends Enum<E>> List<E> choices(String name, String label, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (JsonNode element : array(name, label)) {
            E constant = constant(element.asText(), label, type);
            if (!values.contains(constant)) {
                values.add(constant);
            }
        }
        return values;
    }

    /** The values of a checklist whose values are free strings (e.g. role ids). */
    List<String> strings(String name, String label) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array(name, label)) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new TaskInputRejected(label + ": expected a list of values.");
            }
            values.add(element.asText());
        }
        return values;
    }

    /** The rows of a dynamic list (a JSON array of objects), each read with the same checks. */
    List<TaskInputs> rows(String name, String label) {
        List<TaskInputs> rows = new ArrayList<>();
        for (JsonNode element : array(name, label)) {
            if (!element.isObject()) {
                throw new TaskInputRejected(label + ": expected a list of entries.");
            }
            Map<String, Object> row = JSON.convertValue(
                    element, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            rows.add(new TaskInputs(row::get));
        }
        return rows;
    }

    int number(String name, String label, int min, int max) {
        Object value = variables.apply(name);
        if (value == null) {
            throw new TaskInputRejected(label + ": required.");
        }
        int number;
        try {
            number = value instanceof Number n
                    ? n.intValue()
                    : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new TaskInputRejected(label + ": not a whole number.");
        }
        if (number < min || number > max) {
            throw new TaskInputRejected(label + ": between " + min + " and " + max + ".");
        }
        return number;
    }

    private JsonNode array(String name, String label) {
        Object value = variables.apply(name);
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
                throw new TaskInputRejected(label + ": expected a list.");
            }
        } catch (JsonProcessingException e) {
            throw new TaskInputRejected(label + ": not a readable list.");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new TaskInputRejected(label + ": choose at least one.");
        }
        return node;
    }

    private static <E extends Enum<E>> E constant(String value, String label, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new TaskInputRejected(label + ": not one of the choices.");
        }
    }
}
