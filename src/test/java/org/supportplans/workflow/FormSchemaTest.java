package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.supportplans.people.Role;

/** The Camunda Forms of {@code forms/} as the server reads them, and the keys the server asks them for. */
class FormSchemaTest {

    /** One component of each kind form-js has, as the Camunda Modeler writes them. */
    static final String EVERY_KIND = """
            {
              "id": "every-kind", "type": "default", "schemaVersion": 16,
              "components": [
                {"type": "text", "text": "# Heading"},
                {"type": "separator"},
                {"type": "textfield", "key": "name", "label": "Name",
                 "validate": {"required": true, "minLength": 2, "maxLength": 40, "pattern": "^[A-Z]"}},
                {"type": "textarea", "key": "notes", "label": "Notes", "validate": {"maxLength": 8000}},
                {"type": "number", "key": "minutes", "label": "Minutes", "decimalDigits": 0,
                 "validate": {"required": true, "min": 5, "max": 600}},
                {"type": "select", "key": "often", "label": "How often",
                 "values": [{"label": "Daily", "value": "DAILY"}, {"label": "Weekly", "value": "WEEKLY"}]},
                {"type": "radio", "key": "answer", "label": "Answer", "validate": {"required": true},
                 "values": [{"label": "Yes", "value": "YES"}, {"label": "No", "value": "NO"}]},
                {"type": "checkbox", "key": "agreed", "label": "Agreed",
                 "conditional": {"hide": "=answer != \\"YES\\""}},
                {"type": "checklist", "key": "areas", "label": "Areas", "validate": {"required": true},
                 "values": [{"label": "Reading", "value": "READING"}]},
                {"type": "taglist", "key": "tags", "label": "Tags", "valuesKey": "tagOptions"},
                {"type": "datetime", "key": "heldOn", "subtype": "date", "dateLabel": "Held on",
                 "validate": {"required": true, "min": "=string(today())"}},
                {"type": "datetime", "key": "at", "subtype": "time", "timeLabel": "At"},
                {"type": "group", "label": "More", "components": [
                  {"type": "textfield", "key": "room", "label": "Room"}
                ]},
                {"type": "dynamiclist", "path": "services", "label": "Services", "isRepeating": true,
                 "components": [
                   {"type": "textfield", "key": "service", "label": "Service", "validate": {"required": true}},
                   {"type": "separator"}
                 ]}
              ]
            }
            """;

    @Test
    void readsEveryKindOfComponentWithItsLabelAndRules() {
        FormSchema form = FormSchema.read(EVERY_KIND);

        assertThat(form.id()).isEqualTo("every-kind");
        assertThat(form.fields().keySet())
                .as("input fields only, a group's fields among the form's, in the form's order")
                .containsExactly(
                        "name",
                        "notes",
                        "minutes",
                        "often",
                        "answer",
                        "agreed",
                        "areas",
                        "tags",
                        "heldOn",
                        "at",
                        "room",
                        "services");
        FormSchema.Field name = form.field("name");
        assertThat(name.label()).isEqualTo("Name");
        assertThat(name.required()).isTrue();
        assertThat(name.minLength()).isEqualTo(2);
        assertThat(name.maxLength()).isEqualTo(40);
        assertThat(name.pattern().pattern()).isEqualTo("^[A-Z]");
        assertThat(form.field("notes").required()).isFalse();
        assertThat(form.field("notes").minLength()).isNull();
        assertThat(form.field("minutes").min()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(form.field("minutes").max()).isEqualByComparingTo(BigDecimal.valueOf(600));
        assertThat(form.field("often").options()).containsExactly("DAILY", "WEEKLY");
        assertThat(form.field("answer").options()).containsExactly("YES", "NO");
        assertThat(form.field("areas").options()).containsExactly("READING");
        assertThat(form.field("tags").options())
                .as("options taken from a variable are not the form's")
                .isNull();
        assertThat(form.field("agreed").hide()).isEqualTo("answer != \"YES\"");
        assertThat(form.field("heldOn").label())
                .as("a date field shows its dateLabel")
                .isEqualTo("Held on");
        assertThat(form.field("heldOn").min())
                .as("a date's limits are FEEL, left to the case's rules")
                .isNull();
        assertThat(form.field("at").label()).isEqualTo("At");
        assertThat(form.field("services").type()).isEqualTo("dynamiclist");
        assertThat(form.field("services").rows().keySet()).containsExactly("service");
        assertThat(form.field("services").rows().get("service").required()).isTrue();
    }

    @Test
    void decidesWithFeelWhetherTheFormHidesAField() {
        FormSchema.Field agreed = FormSchema.read(EVERY_KIND).field("agreed");

        assertThat(agreed.hiddenGiven(Variables.putValue("answer", "NO").asVariableContext()))
                .isTrue();
        assertThat(agreed.hiddenGiven(Variables.putValue("answer", "YES").asVariableContext()))
                .isFalse();
        assertThat(agreed.hiddenGiven(Variables.createVariables().asVariableContext()))
                .as("an unknown variable is null in FEEL")
                .isTrue();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> FormSchema.read("{\"components\": []}")).hasMessageContaining("not a Camunda Form");
        assertThatThrownBy(() -> FormSchema.read("""
                        {"id": "f", "type": "default", "components": [
                          {"type": "textfield", "key": "a"}, {"type": "textarea", "key": "a"}]}
                        """)).hasMessageContaining("two fields with the key a");
        assertThatThrownBy(() -> FormSchema.read("""
                        {"id": "f", "type": "default", "components": [
                          {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "a"}]}]}
                        """)).hasMessageContaining("a group with a path");
        assertThatThrownBy(() -> FormSchema.read(EVERY_KIND).field("nothing"))
                .hasMessageContaining("the form every-kind has no field with the key nothing");
    }

    @Test
    void readsEveryFormOfTheTree() {
        Map<String, Path> forms = ProcessModels.formIds();
        assertThat(forms).isNotEmpty();
        forms.forEach((id, file) -> {
            FormSchema form = read(file);
            assertThat(form.id()).isEqualTo(id);
            assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
            assertThat(form.fields()).as(id).isNotEmpty();
            allFields(form)
                    .forEach(field -> assertThat(field.label())
                            .as(id + ": the field " + field.key() + " has a label the person reads")
                            .isNotEqualTo(field.key()));
        });
    }

    /**
     * A renamed field fails the build: for every user task with a form, every key its "complete" listener reads
     * through {@link TaskInputs} is a field of that form, of a kind the reading method takes, and every option
     * read as a constant is one of the constant's values.
     */
    @Test
    void everyKeyTheServerReadsIsAFieldOfTheTasksForm() {
        Map<String, List<Read>> readsByBean = readsByBean();
        int tasksChecked = 0;
        for (Map.Entry<String, BpmnModelInstance> model : ProcessModels.bpmn().entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() == null) {
                    continue;
                }
                String where = model.getKey() + " " + task.getId();
                Path file = ProcessModels.formIds().get(task.getCamundaFormRef());
                assertThat(file).as(where + ": the form it names").isNotNull();
                FormSchema form = read(file);
                for (String bean : completeListeners(task)) {
                    List<Read> reads = readsByBean.get(bean);
                    assertThat(reads).as(where + ": what " + bean + " reads").isNotEmpty();
                    for (Read read : reads) {
                        checkRead(where + " (" + bean + ")", form, read);
                    }
                    tasksChecked++;
                }
            }
        }
        assertThat(tasksChecked)
                .as("user tasks with a form read through TaskInputs")
                .isGreaterThanOrEqualTo(12);
    }

    /** The annual review writes the next IEP with the draft's reading ({@code IepWriter.read}): its form has the fields. */
    @Test
    void theAnnualReviewAsksForTheIepAsTheDraftDoes() {
        FormSchema review = read(ProcessModels.formIds().get("annual-review"));
        List<Read> reads = readsByBean().get("iepWriter");
        assertThat(reads).hasSizeGreaterThan(15);
        for (Read read : reads) {
            checkRead("annual-review (what IepWriter.read reads)", review, read);
        }
    }

    @Test
    void aServiceIsProvidedByARoleOfTheSchoolTeam() {
        for (String id : List.of("write-iep", "write-504-plan")) {
            FormSchema form = read(ProcessModels.formIds().get(id));
            FormSchema.Field list = form.fields().values().stream()
                    .filter(f -> f.type().equals("dynamiclist"))
                    .findFirst()
                    .orElseThrow();
            assertThat(list.rows().get("providerRole").options())
                    .as(id)
                    .allSatisfy(role -> assertThat(Role.ofGroupId(role)).isPresent());
        }
    }

    private static final Map<String, List<String>> KINDS = Map.of(
            "text", List.of("textfield", "textarea"),
            "date", List.of("datetime"),
            "number", List.of("number"),
            "option", List.of("radio", "select"),
            "options", List.of("checklist", "taglist"),
            "flag", List.of("checkbox"),
            "rows", List.of("dynamiclist"));

    /** A read such as {@code row.option("frequency", Frequency.class)}: on the task or on a dynamic list's row. */
    record Read(boolean row, String method, String key, String constantType) {}

    private static final Pattern READ = Pattern.compile(
            "\\b(input|row)\\.(text|date|number|option|options|flag|rows)\\(\\s*(?:\"(\\w+)\"|Variables\\.(\\w+))"
                    + "(?:\\s*,\\s*(\\w+)\\.class)?");
    private static final Pattern BEAN = Pattern.compile("@Component\\(\"(\\w+)\"\\)");
    private static final Pattern CLASS = Pattern.compile("\\bclass (\\w+) extends ([\\w.]+)");

    private static void checkRead(String where, FormSchema form, Read read) {
        FormSchema.Field field = read.row()
                ? form.fields().values().stream()
                        .filter(list -> list.rows().containsKey(read.key()))
                        .map(list -> list.rows().get(read.key()))
                        .findFirst()
                        .orElse(null)
                : form.fields().get(read.key());
        assertThat(field)
                .as(where + " reads " + read.key() + ", a field of the form " + form.id()
                        + (read.row() ? "'s dynamic list" : ""))
                .isNotNull();
        assertThat(KINDS.get(read.method()))
                .as(where + ": " + read.key() + " is a " + field.type() + ", read with " + read.method() + "()")
                .contains(field.type());
        if (read.constantType() != null) {
            List<String> constants = Arrays.stream(
                            constantType(read.constantType()).getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            assertThat(constants)
                    .as(where + ": every option of " + read.key() + " is a " + read.constantType())
                    .containsAll(field.options());
        }
    }

    /**
     * What each {@code @Component("bean")} of the {@code *Steps} classes reads, from their source; a bean that extends
     * another bean's class of the same file reads what that class reads as well.
     */
    private static Map<String, List<Read>> readsByBean() {
        Map<String, List<Read>> reads = new HashMap<>();
        Map<String, List<Read>> readsByClass = new HashMap<>();
        Map<String, String> superclassOfBean = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/supportplans"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("Steps.java")).toList()) {
                String source = Files.readString(file);
                Matcher bean = BEAN.matcher(source);
                List<Integer> starts = new ArrayList<>();
                List<String> names = new ArrayList<>();
                while (bean.find()) {
                    starts.add(bean.start());
                    names.add(bean.group(1));
                }
                for (int i = 0; i < starts.size(); i++) {
                    String block = source.substring(
                            starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : source.length());
                    List<Read> found = new ArrayList<>();
                    Matcher read = READ.matcher(block);
                    while (read.find()) {
                        String key = read.group(3) != null ? read.group(3) : variable(read.group(4));
                        found.add(new Read(read.group(1).equals("row"), read.group(2), key, read.group(5)));
                    }
                    reads.put(names.get(i), found);
                    Matcher declared = CLASS.matcher(block);
                    if (declared.find()) {
                        readsByClass.put(declared.group(1), found);
                        superclassOfBean.put(names.get(i), declared.group(2));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        superclassOfBean.forEach((bean, superclass) -> {
            List<Read> inherited = readsByClass.get(superclass);
            if (inherited != null) {
                List<Read> all = new ArrayList<>(reads.get(bean));
                all.addAll(inherited);
                reads.put(bean, all);
            }
        });
        return reads;
    }

    private static String variable(String constant) {
        try {
            Field field = SupportCaseProcess.Variables.class.getDeclaredField(constant);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no Variables." + constant, e);
        }
    }

    /** An enum the delegates read options as: the cases or deadlines module's, or one of the Steps classes'. */
    private static Class<?> constantType(String simpleName) {
        List<String> candidates = new ArrayList<>(
                List.of("org.supportplans.cases." + simpleName, "org.supportplans.deadlines." + simpleName));
        for (Class<?> steps : List.of(PlanSteps.class, ReviewSteps.class, EvaluationSteps.class, TriageSteps.class)) {
            candidates.add(steps.getName() + "$" + simpleName);
        }
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate);
            } catch (ClassNotFoundException e) {
                // the next candidate
            }
        }
        throw new AssertionError("no enum " + simpleName + " among " + candidates);
    }

    private static List<String> completeListeners(UserTask task) {
        List<String> beans = new ArrayList<>();
        if (task.getExtensionElements() == null) {
            return beans;
        }
        for (CamundaTaskListener listener : task.getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaTaskListener.class)
                .list()) {
            if ("complete".equals(listener.getCamundaEvent()) && listener.getCamundaDelegateExpression() != null) {
                beans.add(ProcessModels.beanName(listener.getCamundaDelegateExpression()));
            }
        }
        return beans;
    }

    private static List<FormSchema.Field> allFields(FormSchema form) {
        Map<String, FormSchema.Field> all = new LinkedHashMap<>();
        form.fields().forEach((key, field) -> {
            all.put(key, field);
            field.rows().forEach((rowKey, rowField) -> all.put(key + "." + rowKey, rowField));
        });
        return List.copyOf(all.values());
    }

    static FormSchema read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return FormSchema.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
