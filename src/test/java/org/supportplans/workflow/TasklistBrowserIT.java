package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Browser;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/**
 * A coordinator refers a student through our API, as the product does (the case's database records
 * first, then its process), and triages the referral in Camunda Tasklist, in a real browser, with the
 * Camunda Form the task names ({@code forms/triage-referral.form}); the case then waits for the
 * parents' consent to evaluate. Screenshots of the steps: {@code target/screenshots/}.
 */
@Tag("slow") // drives a browser: Failsafe's execution "slow" (pom.xml)
@PostgresIntegrationTest
class TasklistBrowserIT {

    private static final String RATIONALE = "Reading two years below grade level; the parents asked for an evaluation.";
    private static final String STUDENT_NAME = "Maya Lopez";
    private static final String TRIAGE_TASK = "Triage the referral";
    private static final String RECORD_PARENT_ANSWER_TASK = "Record the parents' answer";

    /** A parent's referral as the API takes it; the student's local id and the day it came in vary. */
    private static final String REFERRAL = """
            {"student":{"localId":"%s","firstName":"Maya","lastName":"Lopez","dateOfBirth":"2016-04-02"},\
            "schoolId":"lincoln-elementary","receivedOn":"%s",\
            "referredBy":{"role":"PARENT","name":"Ana Lopez"},\
            "concerns":["ACADEMIC","COMMUNICATION"],"parentRequestedEvaluation":true,\
            "reason":"Reading two years below grade level."}""";

    private static final By FORM = By.cssSelector("[cam-tasklist-task] form.fjs-form");

    private static final By FORM_LABELS =
            By.cssSelector("[cam-tasklist-task] form.fjs-form label.fjs-form-field-label");
    private static final By CAMUNDA_ERRORS = By.cssSelector(".page-notifications .alert-danger");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    HistoryService historyService;

    private Browser browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeEach
    void openABrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorRefersAStudentThenTriagesTheReferralInTasklist() {
        String caseId = referAStudent();
        Task triage = awaitTask(caseId, TRIAGE_TASK);
        assertThat(triage.getTaskDefinitionKey()).isEqualTo("Task_TriageReferral");
        CamundaForm form = deployedForm(triage);

        browser.signInToCamunda("http://localhost:" + port + "/camunda/app/tasklist/", "coordinator", "coordinator");
        showFilter("My school's open tasks");
        openTask(triage);

        // the form shows whom the referral is about, from the case's variables
        browser.await(
                "the student's name on the form",
                ExpectedConditions.textToBePresentInElementLocated(FORM, STUDENT_NAME));
        assertThat(visibleFormLabels())
                .contains(form.label("triageOutcome"), form.label("triageRationale"))
                .containsAll(form.optionLabels("triageOutcome"));
        browser.screenshot("tasklist-triage-1-form");

        claim();
        choose(form.optionLabel("triageOutcome", "EVALUATE_IDEA"));
        type(form.label("triageRationale"), RATIONALE);
        browser.screenshot("tasklist-triage-2-filled-in");

        complete();
        browser.screenshot("tasklist-triage-3-completed");

        // the process instance of the task: the case itself, or the process the case calls to triage
        HistoricProcessInstance triaged = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(triage.getProcessInstanceId())
                .singleResult();
        assertThat(triaged.getBusinessKey()).isEqualTo(caseId);
        assertThat(triaged.getEndTime()).as("end of the triage").isNotNull();
        assertThat(variable(triaged, "triageOutcome")).isEqualTo("EVALUATE_IDEA");
        assertThat(variable(triaged, "triageRationale")).isEqualTo(RATIONALE);

        HistoricTaskInstance done = historyService
                .createHistoricTaskInstanceQuery()
                .taskId(triage.getId())
                .singleResult();
        assertThat(done.getAssignee()).isEqualTo("coordinator");
        assertThat(done.getDeleteReason()).isEqualTo("completed");

        // the case moved on: the school now asks the parents for their consent to evaluate
        Http coordinator = Http.as(port, "coordinator", "coordinator");
        eventually("the case in phase CONSENT_TO_EVALUATE", () -> {
            Http.Response supportCase = coordinator.get("/api/cases/" + caseId);
            assertThat(supportCase.status()).as(supportCase.body()).isEqualTo(200);
            assertThat(supportCase.json().path("phase").asText()).isEqualTo("CONSENT_TO_EVALUATE");
        });
        awaitTask(caseId, RECORD_PARENT_ANSWER_TASK);
    }

    /**
     * What a coordinator meets on signing in: no end-of-life banner, no "Start process" or "Create task" (cases
     * start from referrals), the filters staff work from in their order, and the tasks due soonest first.
     */
    @Test
    void aCoordinatorSignsInToFiltersSortedByDueDateWithNothingToStartByHand() {
        String caseId = referAStudent();
        Task triage = awaitTask(caseId, TRIAGE_TASK);

        browser.signInToCamunda("http://localhost:" + port + "/camunda/app/tasklist/", "coordinator", "coordinator");
        browser.await("the filters", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter a")));
        List<String> filters = browser.driver().findElements(By.cssSelector(".task-filter h4.name a")).stream()
                .map(name ->
                        name.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").strip()) // less its count
                .toList();
        assertThat(filters).containsSubsequence("Due this week", "Assigned to me", "My school's open tasks");
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .as("Camunda 7 CE's end-of-life banner")
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver().findElements(By.cssSelector("li.start-process-action, li.create-task-action")))
                .as("Start process, Create task")
                .isNotEmpty()
                .noneMatch(WebElement::isDisplayed);

        showFilter("My school's open tasks");
        browser.await(
                "the tasks sorted by due date",
                page -> String.valueOf(((JavascriptExecutor) page).executeScript("return window.location.hash"))
                        .contains("dueDate"));
        openTask(triage);
        browser.screenshot("tasklist-first-sign-in");
    }

    /**
     * "Save" keeps the form's draft in the browser's local storage, with the student's case in it; signing
     * out removes it (our custom script {@code clear-drafts.js}, README "Access").
     */
    @Test
    void aDraftSavedInTasklistIsGoneOnceTheUserSignsOut() {
        String caseId = referAStudent();
        Task triage = awaitTask(caseId, TRIAGE_TASK);
        CamundaForm form = deployedForm(triage);
        String draftKey = "camunda-form:" + triage.getId();

        browser.signInToCamunda("http://localhost:" + port + "/camunda/app/tasklist/", "coordinator", "coordinator");
        showFilter("My school's open tasks");
        openTask(triage);
        claim();
        type(form.label("triageRationale"), RATIONALE);
        browser.click(By.xpath("//*[contains(@class,'form-actions')]/button[normalize-space()='Save']"));
        browser.await("the draft in local storage", page -> localStorage(draftKey) != null);
        assertThat(localStorage(draftKey)).contains(RATIONALE);
        browser.screenshot("tasklist-draft-1-saved");

        // the header's "Sign out" (in the user's drop-down menu)
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('li.logout a').click()");
        browser.await(
                "Tasklist's login form",
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));

        browser.await("the draft gone from local storage", page -> localStorage(draftKey) == null);
        browser.screenshot("tasklist-draft-2-signed-out");
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult())
                .as("the task itself is still open")
                .isNotNull();
    }

    private String localStorage(String key) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return window.localStorage.getItem(arguments[0])", key);
    }

    /** As a coordinator would through the API: the case gets its database records and its process. */
    private String referAStudent() {
        String localId = "S-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate receivedOn = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        String referral = REFERRAL.formatted(localId, receivedOn);

        Http.Response created = Http.as(port, "coordinator", "coordinator").post("/api/referrals", referral);

        assertThat(created.status())
                .as("POST /api/referrals: %s", created.body())
                .isEqualTo(201);
        String caseId = created.json().path("caseId").asText();
        assertThat(caseId).as("caseId in %s", created.body()).isNotBlank();
        assertThat(created.header("Location")).endsWith("/api/cases/" + caseId);
        return caseId;
    }

    /** The case's open task of that name, once the engine has got there. */
    private Task awaitTask(String caseId, String name) {
        eventually(
                "a task \"" + name + "\" of case " + caseId,
                () -> assertThat(activeTask(caseId, name)).isNotNull());
        return activeTask(caseId, name);
    }

    private Task activeTask(String caseId, String name) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskName(name)
                .active()
                .singleResult();
    }

    /** Waits for the engine: a call activity or an asynchronous continuation may run after the request. */
    private static void eventually(String description, ThrowingRunnable assertion) {
        Awaitility.await(description)
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(assertion);
    }

    private void showFilter(String name) {
        browser.click(By.xpath("//*[contains(@class,'task-filter')]//a[normalize-space(text())=\"" + name + "\"]"));
    }

    private void openTask(Task task) {
        browser.click(By.cssSelector(".tasks-list a[href='#/?task=" + task.getId() + "']"));
        browser.await(ExpectedConditions.textToBe(By.cssSelector("[cam-tasklist-task] h2.task"), task.getName()));
        browser.await(ExpectedConditions.visibilityOfElementLocated(FORM));
    }

    /** Tasklist shows a group's task read-only until somebody claims it. */
    private void claim() {
        browser.click(By.cssSelector("[cam-tasklist-task-meta] button.claim"));
        browser.await(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-tasklist-task-meta] button.unclaim")));
        browser.await(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-form] .disabled-form")));
    }

    private void choose(String option) {
        By radio = field(option);
        browser.click(radio);
        assertThat(browser.driver().findElement(radio).isSelected()).as(option).isTrue();
    }

    private void type(String label, String text) {
        browser.driver().findElement(field(label)).sendKeys(text);
    }

    private void complete() {
        browser.click(By.xpath("//*[contains(@class,'form-actions')]/button[normalize-space()='Complete']"));
        // Tasklist closes a completed task, or keeps it open and says what went wrong
        browser.await(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .no-task")),
                ExpectedConditions.visibilityOfElementLocated(CAMUNDA_ERRORS)));
        assertThat(browser.driver().findElements(CAMUNDA_ERRORS))
                .extracting(WebElement::getText)
                .isEmpty();
    }

    private List<String> visibleFormLabels() {
        return browser.driver().findElements(FORM_LABELS).stream()
                .filter(WebElement::isDisplayed)
                .map(TasklistBrowserIT::labelText)
                .toList();
    }

    /** The input a form label names: a text field by its label, a radio button by its option. */
    private By field(String label) {
        WebElement labelElement = browser.await(
                "a form label \"" + label + "\"",
                page -> page.findElements(FORM_LABELS).stream()
                        .filter(element -> labelText(element).equals(label))
                        .findFirst()
                        .orElse(null));
        return By.id(labelElement.getDomAttribute("for"));
    }

    /** A label's text without the asterisk of a required field. */
    private static String labelText(WebElement label) {
        return label.getText().replace("*", "").strip();
    }

    private Object variable(HistoricProcessInstance instance, String name) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    /** The task's form as deployed: the test reads and clicks the wording the form gives its fields. */
    private CamundaForm deployedForm(Task task) {
        try (InputStream json = formService.getDeployedTaskForm(task.getId())) {
            return new CamundaForm(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("the form of " + task.getName(), e);
        }
    }

    private record CamundaForm(JsonNode schema) {

        String label(String key) {
            return component(key).path("label").asText();
        }

        List<String> optionLabels(String key) {
            return StreamSupport.stream(component(key).path("values").spliterator(), false)
                    .map(option -> option.path("label").asText())
                    .toList();
        }

        String optionLabel(String key, String value) {
            return StreamSupport.stream(component(key).path("values").spliterator(), false)
                    .filter(option -> option.path("value").asText().equals(value))
                    .map(option -> option.path("label").asText())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the form offers no " + value + " for " + key));
        }

        private JsonNode component(String key) {
            return StreamSupport.stream(schema.path("components").spliterator(), false)
                    .filter(component -> key.equals(component.path("key").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the form has no field " + key));
        }
    }
}
