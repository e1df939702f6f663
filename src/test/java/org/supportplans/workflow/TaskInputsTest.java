package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.supportplans.engine.TaskInputRejected;

/** The server checks a form's values again with the form's own labels and rules. */
class TaskInputsTest {

    private static final FormSchema EVERY_KIND = FormSchema.read(FormSchemaTest.EVERY_KIND);

    private static TaskInputs submitted(FormSchema form, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new TaskInputs(form, values::get);
    }

    private static TaskInputs submitted(Object... namesAndValues) {
        return submitted(EVERY_KIND, namesAndValues);
    }

    private static FormSchema form(String id) {
        return FormSchemaTest.read(ProcessModels.formIds().get(id));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    enum Answer {
        YES,
        NO
    }

    enum Area {
        READING
    }

    @Test
    void aMessageNamesTheFieldAsTheFormLabelsIt() {
        FormSchema schedule = form("schedule-plan-meeting");

        assertThatThrownBy(() -> submitted(schedule).text("planMeetingLocation"))
                .isInstanceOf(TaskInputRejected.class)
                .hasMessage("Time and place: required.");
        assertThatThrownBy(() -> submitted(schedule).date("planMeetingOn")).hasMessage("Meeting date: required.");
        assertThatThrownBy(() -> submitted(form("triage-referral")).option("triageOutcome"))
                .hasMessage("What happens next?: choose one.");
    }

    @Test
    void text() {
        assertThat(submitted("name", "  Maya ").text("name")).isEqualTo("Maya");
        assertThat(submitted().text("notes")).as("optional, left empty").isNull();
        assertThat(submitted("notes", "   ").text("notes")).isNull();
        assertThatThrownBy(() -> submitted().text("name")).hasMessage("Name: required.");
        assertThatThrownBy(() -> submitted("name", " ").text("name")).hasMessage("Name: required.");
        assertThatThrownBy(() -> submitted("name", "M").text("name")).hasMessage("Name: write at least 2 characters.");
        assertThatThrownBy(() -> submitted("name", "M" + "a".repeat(40)).text("name"))
                .hasMessage("Name: at most 40 characters.");
        assertThatThrownBy(() -> submitted("name", "maya").text("name")).hasMessage("Name: not in the form asked for.");
        assertThatThrownBy(() -> submitted("name", 12345).text("name")).hasMessage("Name: expected text.");
        assertThatThrownBy(() -> submitted("notes", "x".repeat(8001)).text("notes"))
                .hasMessage("Notes: at most 8000 characters.");
    }

    @Test
    void number() {
        assertThat(submitted("minutes", 45).number("minutes")).isEqualTo(45);
        assertThat(submitted("minutes", "45").number("minutes")).isEqualTo(45);
        assertThat(submitted("minutes", 5.0).number("minutes")).isEqualTo(5);
        assertThatThrownBy(() -> submitted().number("minutes")).hasMessage("Minutes: required.");
        assertThatThrownBy(() -> submitted("minutes", 4).number("minutes")).hasMessage("Minutes: between 5 and 600.");
        assertThatThrownBy(() -> submitted("minutes", 601).number("minutes")).hasMessage("Minutes: between 5 and 600.");
        assertThatThrownBy(() -> submitted("minutes", "lots").number("minutes"))
                .hasMessage("Minutes: not a whole number.");
        assertThatThrownBy(() -> submitted("minutes", 7.5).number("minutes"))
                .hasMessage("Minutes: not a whole number.");
    }

    @Test
    void aDecimal() {
        assertThat(submitted("minutes", 44.5).decimal("minutes")).isEqualByComparingTo("44.5");
        assertThat(submitted("minutes", "45").decimal("minutes")).isEqualByComparingTo("45");
        assertThatThrownBy(() -> submitted().decimal("minutes")).hasMessage("Minutes: required.");
        assertThatThrownBy(() -> submitted("minutes", 4.99).decimal("minutes"))
                .hasMessage("Minutes: between 5 and 600.");
        assertThatThrownBy(() -> submitted("minutes", "many").decimal("minutes"))
                .hasMessage("Minutes: not a number.");
        assertThatThrownBy(() -> submitted("minutes", "45.125").decimal("minutes"))
                .hasMessage("Minutes: at most two decimals.");
    }

    /** The progress report's measurements written on its form (issue 19): a goal, a day, a value with decimals. */
    @Test
    void theProgressReportsMeasurements() {
        FormSchema report = form("progress-report");
        List<TaskInputs> rows = submitted(
                        report,
                        "newDataPoints",
                        json(List.of(Map.of("goal", 2, "measuredOn", "2026-10-15", "value", 3.5))))
                .rows("newDataPoints");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).number("goal")).isEqualTo(2);
        assertThat(rows.get(0).date("measuredOn")).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(rows.get(0).decimal("value")).isEqualByComparingTo("3.5");
        assertThat(rows.get(0).text("note")).isNull();
        assertThat(submitted(report).rows("newDataPoints")).as("none added").isEmpty();
        assertThatThrownBy(() -> submitted(
                                report,
                                "newDataPoints",
                                json(List.of(Map.of("goal", 0, "measuredOn", "2026-10-15", "value", 3))))
                        .rows("newDataPoints")
                        .get(0)
                        .number("goal"))
                .hasMessage("Measurements not recorded yet, entry 1, Goal number: between 1 and 20.");
    }

    @Test
    void date() {
        assertThat(submitted("heldOn", "2026-03-02").date("heldOn")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(submitted("heldOn", "2026-03-02T09:30").date("heldOn")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> submitted().date("heldOn")).hasMessage("Held on: required.");
        assertThatThrownBy(() -> submitted("heldOn", "next week").date("heldOn"))
                .hasMessage("Held on: not a date (YYYY-MM-DD).");
    }

    @Test
    void options() {
        assertThat(submitted("answer", "YES").option("answer", Answer.class)).isEqualTo(Answer.YES);
        assertThat(submitted().option("often")).as("optional, none chosen").isNull();
        assertThatThrownBy(() -> submitted().option("answer", Answer.class)).hasMessage("Answer: choose one.");
        assertThatThrownBy(() -> submitted("answer", "MAYBE").option("answer", Answer.class))
                .hasMessage("Answer: not one of the choices.");
        assertThatThrownBy(() -> submitted("answer", 5).option("answer")).hasMessage("Answer: not one of the choices.");
        assertThatThrownBy(() -> submitted("often", "HOURLY").option("often"))
                .hasMessage("How often: not one of the choices.");

        assertThat(submitted("areas", Spin.JSON("[\"READING\", \"READING\"]")).options("areas", Area.class))
                .containsExactly(Area.READING);
        assertThat(submitted("areas", List.of("READING")).options("areas")).containsExactly("READING");
        assertThatThrownBy(() -> submitted("areas", List.of()).options("areas"))
                .hasMessage("Areas: choose at least one.");
        assertThatThrownBy(() -> submitted("areas", List.of("GRUMPY")).options("areas"))
                .hasMessage("Areas: not one of the choices.");
        assertThatThrownBy(() -> submitted("areas", List.of(7)).options("areas"))
                .hasMessage("Areas: expected a list of values.");
        assertThat(submitted("tags", "a, b").options("tags"))
                .as("options from a variable: any value")
                .containsExactly("a", "b");
        assertThat(submitted().options("tags")).isEmpty();
    }

    @Test
    void aFieldTheFormHidesIsNotRequired() {
        FormSchema iep = form("write-iep");
        assertThat(submitted(iep, "transitionRequired", false).text("transitionPlan"))
                .isNull();
        assertThat(submitted(iep).text("transitionPlan"))
                .as("no such variable: hidden")
                .isNull();
        assertThatThrownBy(() -> submitted(iep, "transitionRequired", true).text("transitionPlan"))
                .hasMessage("Transition plan: required.");
        assertThatThrownBy(() -> submitted(iep, "transitionRequired", true, "transitionPlan", "Jobs.")
                        .text("transitionPlan"))
                .hasMessage("Transition plan: write at least 20 characters.");

        FormSchema triage = form("triage-referral");
        assertThat(submitted(triage, "triageOutcome", "DECLINE").date("interventionFollowUpOn"))
                .isNull();
        assertThatThrownBy(() -> submitted(triage, "triageOutcome", "INTERVENTIONS_FIRST")
                        .date("interventionFollowUpOn"))
                .hasMessage("Triage again on: required.");
        assertThat(submitted(triage, "triageOutcome", "DECLINE", "interventionFollowUpOn", "2026-05-04")
                        .date("interventionFollowUpOn"))
                .as("a hidden field's value, when sent, is still read")
                .isEqualTo(LocalDate.of(2026, 5, 4));

        FormSchema eligibility = form("eligibility-decision");
        assertThat(submitted(eligibility, "eligibilityOutcome", "SECTION_504").options("ideaCategories"))
                .isEmpty();
        assertThatThrownBy(() -> submitted(eligibility, "eligibilityOutcome", "IEP_AND_ALP")
                        .options("ideaCategories"))
                .hasMessage("Disability categories (IDEA): choose at least one.");
    }

    @Test
    void aRowOfADynamicListIsReadWithItsFieldsRulesAndNamedByItsPlace() {
        FormSchema iep = form("write-iep");
        Map<String, Object> service = new HashMap<>(Map.of(
                "service", "Reading",
                "providerRole", "special-education-teacher",
                "minutes", 45,
                "frequency", "DAILY",
                "setting", "SPECIAL_EDUCATION",
                "startsOn", "2026-03-02",
                "endsOn", "2027-03-01"));
        Map<String, Object> second = new HashMap<>(service);
        second.put("minutes", 900);
        List<TaskInputs> rows = submitted(iep, "services", Spin.JSON(json(List.of(service, second))))
                .rows("services");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number("minutes")).isEqualTo(45);
        assertThat(rows.get(0).option("providerRole")).isEqualTo("special-education-teacher");
        assertThatThrownBy(() -> rows.get(1).number("minutes"))
                .hasMessage("Services, entry 2, Minutes: between 5 and 600.");
        assertThat(submitted(iep).rows("services"))
                .as("none sent: the plan's rules say whether one is needed")
                .isEmpty();
        assertThatThrownBy(() -> submitted(iep, "services", "[1]").rows("services"))
                .hasMessage("Services: expected a list of entries.");
    }

    @Test
    void aCheckboxIsTickedOrNot() {
        assertThat(submitted("agreed", true).flag("agreed")).isTrue();
        assertThat(submitted("agreed", "true").flag("agreed")).isTrue();
        assertThat(submitted().flag("agreed")).isFalse();
    }

    @Test
    void aKeyOrKindTheFormDoesNotHaveIsOurMistakeNotThePersons() {
        assertThatThrownBy(() -> submitted().text("nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the form every-kind has no field with the key nothing");
        assertThatThrownBy(() -> submitted().date("name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a textfield, not a datetime");
    }
}
