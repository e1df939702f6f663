package org.supportplans.deadlines;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;
import org.supportplans.cases.ClosureReason;

/**
 * A compliance clock on a case: what it counts, from when, by which rule, its due date (or why it is not
 * known yet), its warning dates, and how it ended. Started and stopped by the case's steps; its due
 * date is recomputed from the rule whenever what it depends on changes (a calendar, a pause).
 */
@Entity
@Table(name = "clock")
class Clock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;

    /**
     * The case's school, held on the clock so that a school's deadlines are read from the clock's own index
     * (issue 7); a foreign key to the case's (id, school_id) keeps the two equal.
     */
    @Column(name = "school_id", nullable = false, updatable = false)
    private String schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClockKind kind;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    @Column(nullable = false)
    private String jurisdiction;

    @Column(name = "start_event", nullable = false)
    private String startEvent;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "rule_count", nullable = false)
    private int ruleCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_unit", nullable = false)
    private ClockRule.Unit ruleUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_direction", nullable = false)
    private ClockRule.Direction ruleDirection;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_exclusion", nullable = false)
    private ClockRule.Exclusion ruleExclusion;

    @Column(name = "rule_text", nullable = false)
    private String ruleText;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "due_unknown_reason")
    private String dueUnknownReason;

    @Column(name = "first_warning_on")
    private LocalDate firstWarningOn;

    @Column(name = "final_warning_on")
    private LocalDate finalWarningOn;

    @Column(name = "extended_to")
    private LocalDate extendedTo;

    /** The latest due date the case set beside the rule ({@link CaseClocks.DueBy}); null: the rule's count alone. */
    @Column(name = "due_by")
    private LocalDate dueBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockStatus status;

    @Column(name = "stop_event")
    private String stopEvent;

    @Column(name = "stopped_on")
    private LocalDate stoppedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    private ReasonCode reasonCode;

    @Column(name = "reason_text")
    private String reasonText;

    /** The events the rule ends the clock at, comma-separated; null on a clock started before issue 14. */
    @Column(name = "ends_at")
    private String endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_of_year")
    private ClockRule.EndOfYear endOfYear;

    @Column(name = "referred_on")
    private LocalDate referredOn;

    /** The clock this one runs beside: a state's timeline beside the initial evaluation's clock. */
    @Column(name = "linked_clock_id")
    private Long linkedClockId;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "clock_id", nullable = false)
    @OrderBy("fromDay")
    private List<ClockPause> pauses = new ArrayList<>();

    /** School days the student was absent during the clock's period (Tex. Educ. Code 29.004(a)); read when counted. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "clock_absence", joinColumns = @JoinColumn(name = "clock_id"))
    @Column(name = "absent_on")
    private Set<LocalDate> absences = new HashSet<>();

    @Version
    private long version;

    protected Clock() {}

    Clock(String caseId, String schoolId, ClockRule rule, LocalDate startDate) {
        this.caseId = Objects.requireNonNull(caseId);
        this.schoolId = Objects.requireNonNull(schoolId);
        this.kind = rule.kind();
        this.legalBasis = rule.citation();
        this.jurisdiction = rule.jurisdiction();
        this.startEvent = rule.startEvent().name();
        this.startDate = startDate;
        this.ruleCount = rule.count();
        this.ruleUnit = rule.unit();
        this.ruleDirection = rule.direction();
        this.ruleExclusion = rule.exclusion();
        this.ruleText = rule.describe();
        this.endsAt = rule.endsAt().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.endOfYear = rule.endOfYear();
        this.status = ClockStatus.RUNNING;
    }

    Clock(String caseId, String schoolId, ClockRule rule, LocalDate startDate, LocalDate referredOn, Long linkedTo) {
        this(caseId, schoolId, rule, startDate);
        this.referredOn = referredOn;
        this.linkedClockId = linkedTo;
    }

    /** The rule this clock was started under (a later change of the rules table does not move it). */
    ClockRule rule() {
        return new ClockRule(
                kind,
                jurisdiction,
                ruleCount,
                ruleUnit,
                ruleDirection,
                ruleExclusion,
                ClockStart.valueOf(startEvent),
                legalBasis,
                ClockRules.stopEvents(endsAt),
                endOfYear == null ? ClockRule.EndOfYear.NONE : endOfYear);
    }

    /** The referral date the rule may depend on; the start date when none was kept. */
    LocalDate referredOnOrStart() {
        return referredOn == null ? startDate : referredOn;
    }

    Long getLinkedClockId() {
        return linkedClockId;
    }

    /** The absences the count needs: only a rule that extends the period by them reads them. */
    Set<LocalDate> countedAbsences() {
        return ruleExclusion == ClockRule.Exclusion.STUDENT_ABSENCES ? Set.copyOf(absences) : Set.of();
    }

    /** Records the school days the student was absent; true when one was new. */
    boolean absent(Set<LocalDate> days) {
        if (!status.isOpen()) {
            throw new ClockRuleViolation("The clock has ended (" + status + ").");
        }
        for (LocalDate day : days) {
            if (!day.isAfter(startDate)) {
                throw new ClockRuleViolation(
                        "An absence on " + day + " is not after the clock started (" + startDate + ").");
            }
        }
        boolean added = absences.addAll(days);
        if (added && countedAbsences().size() >= 3) {
            reasonCode = ReasonCode.STUDENT_ABSENT;
        }
        return added;
    }

    void linkTo(Long clockId) {
        this.linkedClockId = clockId;
    }

    /**
     * Takes its first count, limited by the case to {@code latest} (null: no limit; see {@link CaseClocks.DueBy}) when
     * that comes before the rule's date: then this and every later count take the limit, and the rule's text and the
     * legal basis name it and its reason, so that whoever reads the clock sees why it falls due before its rule's
     * date. A limit that is not earlier leaves the clock as its rule counts it.
     */
    void due(DeadlineCounter.Due counted, CaseClocks.DueBy latest) {
        if (latest != null && counted.known() && latest.on().isBefore(counted.date())) {
            dueBy = latest.on();
            legalBasis = legalBasis + "; " + latest.citation();
            ruleText = ruleText + "; by " + latest.on() + " at the latest: " + latest.why() + " (" + latest.citation()
                    + ")";
        }
        due(counted);
    }

    /** Takes a newly counted due date (the earlier of it and the limit the case set); true when it moved. */
    boolean due(DeadlineCounter.Due counted) {
        DeadlineCounter.Due due = dueBy != null && counted.known() && dueBy.isBefore(counted.date())
                ? new DeadlineCounter.Due(dueBy, null)
                : counted;
        boolean moved = !Objects.equals(dueDate, due.date()) || !Objects.equals(dueUnknownReason, due.unknownReason());
        this.dueDate = due.date();
        this.dueUnknownReason = due.unknownReason();
        warnings();
        return moved;
    }

    private void warnings() {
        LocalDate due = effectiveDue();
        if (due == null) {
            firstWarningOn = null;
            finalWarningOn = null;
            return;
        }
        int first;
        int last;
        if (ruleUnit == ClockRule.Unit.YEARS
                || ruleUnit == ClockRule.Unit.BIRTHDAY
                || ruleUnit == ClockRule.Unit.AGE_IN_MONTHS) {
            first = 60;
            last = 14;
        } else if (ruleDirection == ClockRule.Direction.BEFORE) {
            first = 3;
            last = 1;
        } else {
            first = 10;
            last = 3;
        }
        firstWarningOn = atOrAfterStart(due.minusDays(first));
        finalWarningOn = atOrAfterStart(due.minusDays(last));
    }

    private LocalDate atOrAfterStart(LocalDate day) {
        return ruleDirection == ClockRule.Direction.AFTER && day.isBefore(startDate) ? startDate : day;
    }

    /** The date that counts: an agreed extension, or the counted due date. */
    public LocalDate effectiveDue() {
        return extendedTo != null ? extendedTo : dueDate;
    }

    void stop(ClockStop event, LocalDate on) {
        LocalDate due = effectiveDue();
        status = due == null || !on.isAfter(due) ? ClockStatus.MET : ClockStatus.MET_LATE;
        stopEvent = event.name();
        stoppedOn = on;
        closeOpenPause(on);
    }

    /** The case closed first: the clock is cancelled, its stop recorded as {@code CASE_CLOSED_<reason>}. */
    void cancel(ClosureReason reason, LocalDate on) {
        status = ClockStatus.CANCELLED;
        stopEvent = "CASE_CLOSED_" + reason.name();
        stoppedOn = on;
        closeOpenPause(on);
    }

    boolean markOverdue(LocalDate today) {
        LocalDate due = effectiveDue();
        if (status == ClockStatus.RUNNING && due != null && today.isAfter(due)) {
            status = ClockStatus.OVERDUE;
            return true;
        }
        return false;
    }

    void pause(LocalDate from, ReasonCode code, String text) {
        if (status != ClockStatus.RUNNING && status != ClockStatus.OVERDUE) {
            throw new ClockRuleViolation("Only a running clock can be paused; this one is " + status + ".");
        }
        if (from.isBefore(startDate)) {
            throw new ClockRuleViolation("The pause cannot start before the clock (" + startDate + ").");
        }
        pauses.add(new ClockPause(from, code, text));
        status = ClockStatus.PAUSED;
        reasonCode = code;
        reasonText = text;
    }

    void resume(LocalDate on) {
        ClockPause open = openPause();
        if (status != ClockStatus.PAUSED || open == null) {
            throw new ClockRuleViolation("The clock is not paused.");
        }
        if (on.isBefore(open.getFromDay())) {
            throw new ClockRuleViolation("The clock cannot resume before its pause began (" + open.getFromDay() + ").");
        }
        // the day it resumes counts again
        open.end(on.minusDays(1).isBefore(open.getFromDay()) ? open.getFromDay() : on.minusDays(1));
        status = ClockStatus.RUNNING;
    }

    void extend(LocalDate to, ReasonCode code, String text) {
        if (!status.isOpen()) {
            throw new ClockRuleViolation("The clock has ended (" + status + ").");
        }
        if (dueDate != null && !to.isAfter(dueDate)) {
            throw new ClockRuleViolation("An extension must end after the due date (" + dueDate + ").");
        }
        extendedTo = to;
        reasonCode = code;
        reasonText = text;
        if (status == ClockStatus.OVERDUE) {
            status = ClockStatus.RUNNING;
        }
        warnings();
    }

    void explain(ReasonCode code, String text) {
        reasonCode = code;
        reasonText = text;
    }

    /**
     * The warnings the day has reached (1 the first, 2 the final; 0 none, or not running): a clock is warned once
     * for each, by the day's digest, and a day the service was down is caught up with the warning it reached.
     */
    int warningsDueOn(LocalDate day) {
        if (status != ClockStatus.RUNNING) {
            return 0;
        }
        if (finalWarningOn != null && !day.isBefore(finalWarningOn)) {
            return 2;
        }
        return firstWarningOn != null && !day.isBefore(firstWarningOn) ? 1 : 0;
    }

    /** The warning of the day, when it is one not yet given (see {@link #warningsDueOn}); 0 when none. */
    int warn(LocalDate day) {
        int due = warningsDueOn(day);
        if (due > remindersSent) {
            remindersSent = due;
            return due;
        }
        return 0;
    }

    private void closeOpenPause(LocalDate on) {
        ClockPause open = openPause();
        if (open != null) {
            open.end(on);
        }
    }

    private ClockPause openPause() {
        return pauses.stream().filter(p -> p.getToDay() == null).findFirst().orElse(null);
    }

    List<DeadlineCounter.Pause> countedPauses() {
        return pauses.stream()
                .map(p -> new DeadlineCounter.Pause(p.getFromDay(), p.getToDay()))
                .toList();
    }

    public Long getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public ClockKind getKind() {
        return kind;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public String getStartEvent() {
        return startEvent;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public ClockRule.Unit getRuleUnit() {
        return ruleUnit;
    }

    public String getRuleText() {
        return ruleText;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getDueUnknownReason() {
        return dueUnknownReason;
    }

    public LocalDate getFirstWarningOn() {
        return firstWarningOn;
    }

    public LocalDate getFinalWarningOn() {
        return finalWarningOn;
    }

    public LocalDate getExtendedTo() {
        return extendedTo;
    }

    public ClockStatus getStatus() {
        return status;
    }

    public String getStopEvent() {
        return stopEvent;
    }

    public LocalDate getStoppedOn() {
        return stoppedOn;
    }

    public ReasonCode getReasonCode() {
        return reasonCode;
    }

    public String getReasonText() {
        return reasonText;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public List<ClockPause> getPauses() {
        return List.copyOf(pauses);
    }
}
