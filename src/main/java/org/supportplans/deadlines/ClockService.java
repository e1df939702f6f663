package org.supportplans.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;
import org.supportplans.cases.ClosureReason;
import org.supportplans.system.NotFoundException;

/**
 * The compliance clocks of cases: started and stopped by the case's steps ({@link CaseClocks}), paused,
 * extended and explained by coordinators, recounted when a school calendar changes. Every start, stop
 * and move is published as a {@link ClockEvent} (workflow moves the step's task due dates, ends a missed clock's
 * "record why" task when the clock is cancelled); the morning sweep ({@link DeadlineSweeps}) warns and finds clocks
 * overdue, and the coordinator's "record why" task asks back through {@link LateClocks}.
 */
@Service
@Transactional
class ClockService implements CaseClocks, LateClocks {

    static final Set<ClockStatus> OPEN = EnumSet.of(ClockStatus.RUNNING, ClockStatus.PAUSED, ClockStatus.OVERDUE);

    private final ClockRepository clocks;
    private final ClockChangeRepository changes;
    private final ClockRules rules;
    private final SchoolCalendars calendars;
    private final CaseDirectory cases;
    private final ApplicationEventPublisher events;
    private final java.time.Clock time;
    private final CalendarRequests calendarRequests;
    private final DistrictClockPolicies policies;

    ClockService(
            ClockRepository clocks,
            ClockChangeRepository changes,
            ClockRules rules,
            SchoolCalendars calendars,
            CaseDirectory cases,
            ApplicationEventPublisher events,
            java.time.Clock time,
            CalendarRequests calendarRequests,
            DistrictClockPolicies policies) {
        this.clocks = clocks;
        this.changes = changes;
        this.rules = rules;
        this.calendars = calendars;
        this.cases = cases;
        this.events = events;
        this.time = time;
        this.calendarRequests = calendarRequests;
        this.policies = policies;
    }

    // ---- what the case's steps do -----------------------------------------------------------------

    @Override
    public Optional<LocalDate> start(String caseId, ClockKind kind, ClockStart event, LocalDate start) {
        return start(caseId, kind, event, start, null);
    }

    @Override
    public Optional<LocalDate> start(
            String caseId, ClockKind kind, ClockStart event, LocalDate start, CaseClocks.DueBy latest) {
        CaseDirectory.CaseFacts facts = cases.facts(caseId);
        if (event == ClockStart.CONSENT) {
            resumeAfterConsent(caseId, start);
        }
        Optional<LocalDate> due = startOne(facts, kind, event, start, latest);
        if (kind == ClockKind.INITIAL_EVALUATION) {
            // a state's timeline that ends later than eligibility runs beside the initial evaluation's, linked to it
            startOne(facts, ClockKind.STATE_EVALUATION_TIMELINE, event, start, null);
            link(caseId);
        }
        return due;
    }

    private Optional<LocalDate> startOne(
            CaseDirectory.CaseFacts facts, ClockKind kind, ClockStart event, LocalDate start, CaseClocks.DueBy latest) {
        String caseId = facts.caseId();
        // Pennsylvania reevaluates a student with an intellectual disability every two years (22 Pa. Code 14.124(c))
        ClockRule rule = policies.apply(
                facts.districtId(),
                kind == ClockKind.REEVALUATION
                        ? rules.ruleFor(facts.state(), kind, cases.ideaCategories(caseId))
                        : rules.ruleFor(facts.state(), kind));
        if (rule.startEvent() != event) {
            return Optional.empty(); // this jurisdiction starts the clock at another event, or has no such clock
        }
        if (kind == ClockKind.IEP_MEETING
                && rule.endOfYear() == ClockRule.EndOfYear.TX_FIRST_DAY_OF_FALL
                && evaluationDueJune30(caseId)) {
            rule = rule.withEndOfYear(
                    ClockRule.EndOfYear.TX_15TH_SCHOOL_DAY_OF_NEXT_YEAR, "Tex. Educ. Code 29.004(a-1)");
        }
        Optional<Clock> running = clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(caseId, kind, OPEN);
        if (running.isPresent()) {
            return Optional.ofNullable(running.get().effectiveDue());
        }
        Clock clock = new Clock(caseId, facts.schoolId(), rule, start, facts.referredOn(), null);
        clock.due(count(clock, calendars.calendarOf(facts.districtId(), facts.schoolId())), latest);
        clocks.saveAndFlush(clock);
        return Optional.ofNullable(clock.effectiveDue());
    }

    /**
     * Whether the case's evaluation ran under Texas' 30 June rule (Tex. Educ. Code 29.004(a-1)): its clock was due on
     * 30 June, the end of its consent's school year (three absences and more count it by 29.004(a) instead).
     */
    private boolean evaluationDueJune30(String caseId) {
        return clocks.findFirstByCaseIdAndKindOrderByIdDesc(caseId, ClockKind.INITIAL_EVALUATION)
                .filter(evaluation -> evaluation.rule().endOfYear() == ClockRule.EndOfYear.TX_JUNE_30)
                .filter(evaluation -> evaluation.getDueDate() != null
                        && evaluation
                                .getDueDate()
                                .equals(SchoolYearCalendar.coverageEnd(SchoolYearCalendar.startYear(
                                        SchoolYearCalendar.schoolYearOf(evaluation.getStartDate())))))
                .isPresent();
    }

    /** The parents consented: a clock not counting the time spent obtaining consent counts again from that day. */
    private void resumeAfterConsent(String caseId, LocalDate on) {
        for (Clock clock : clocks.findByCaseIdAndStatusIn(caseId, OPEN)) {
            if (clock.rule().exclusion() == ClockRule.Exclusion.CONSENT_TIME
                    && clock.getStatus() == ClockStatus.PAUSED
                    && clock.getReasonCode() == ReasonCode.CONSENT_PENDING) {
                clock.resume(on);
                recount(clock, "Consent given on " + on);
            }
        }
    }

    /** Links a running state timeline to the running initial evaluation's clock it runs beside. */
    private void link(String caseId) {
        Optional<Clock> initial =
                clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(caseId, ClockKind.INITIAL_EVALUATION, OPEN);
        Optional<Clock> state = clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(
                caseId, ClockKind.STATE_EVALUATION_TIMELINE, OPEN);
        if (initial.isPresent() && state.isPresent() && state.get().getLinkedClockId() == null) {
            state.get().linkTo(initial.get().getId());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> preview(String caseId, ClockKind kind, LocalDate start) {
        CaseDirectory.CaseFacts facts = cases.facts(caseId);
        ClockRule rule = policies.apply(facts.districtId(), rules.ruleFor(facts.state(), kind));
        return Optional.ofNullable(DeadlineCounter.count(
                        rule,
                        start,
                        facts.referredOn(),
                        calendars.calendarOf(facts.districtId(), facts.schoolId()),
                        List.of())
                .date());
    }

    /**
     * Stops the case's open clocks that this event ends: the clock of the kind named, and every other clock whose
     * rule ends at the event (a state's timeline ending at the IEP meeting, the proposed IEP, the IEP implemented).
     * A clock whose rule names its end events is stopped only by one of them (the transition clock is never met by
     * an annual review); a clock started before rules named them, by its kind's step.
     */
    @Override
    public void stop(String caseId, ClockKind kind, ClockStop event, LocalDate on) {
        for (Clock clock : clocks.findByCaseIdAndStatusIn(caseId, OPEN)) {
            ClockRule rule = clock.rule();
            boolean ends = rule.endsAt().isEmpty()
                    ? clock.getKind() == kind
                    : rule.endsAt().contains(event);
            if (ends) {
                clock.stop(event, on);
                events.publishEvent(new ClockEvent.Stopped(ClockState.of(clock)));
            }
        }
        if (event == ClockStop.CONSENT_REQUESTED) {
            // Connecticut: the days spent obtaining consent are not counted (RCSA 10-76d-13(a)(1))
            for (Clock clock : clocks.findByCaseIdAndStatusIn(caseId, OPEN)) {
                if (clock.rule().exclusion() == ClockRule.Exclusion.CONSENT_TIME
                        && clock.getStatus() != ClockStatus.PAUSED) {
                    clock.pause(on, ReasonCode.CONSENT_PENDING, null);
                    recount(clock, "Waiting for the parents' consent: not counted");
                }
            }
        }
        if (event == ClockStop.EVALUATION_REPORT_WRITTEN) {
            // Texas: the ARD committee meets within 30 days of the written report (19 TAC 89.1011)
            start(caseId, ClockKind.IEP_MEETING, ClockStart.EVALUATION_REPORT, on);
        }
    }

    @Override
    public void cancelAll(String caseId, ClosureReason reason) {
        LocalDate today = today(caseId);
        for (Clock clock : clocks.findByCaseIdAndStatusIn(caseId, OPEN)) {
            clock.cancel(reason, today);
            events.publishEvent(new ClockEvent.Stopped(ClockState.of(clock)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> dueOf(String caseId, ClockKind kind) {
        return clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(caseId, kind, OPEN)
                .or(() -> clocks.findFirstByCaseIdAndKindOrderByIdDesc(caseId, kind))
                .map(Clock::effectiveDue);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClockSummary> clocksOf(String caseId) {
        return clocks.findByCaseIdOrderById(caseId).stream()
                .map(ClockService::summary)
                .toList();
    }

    static ClockSummary summary(Clock c) {
        return new ClockSummary(
                c.getId(),
                c.getKind().id(),
                c.getKind().label(),
                c.getLegalBasis(),
                c.getRuleText(),
                c.getStartEvent(),
                c.getStartDate(),
                c.effectiveDue(),
                c.getDueUnknownReason(),
                c.getFirstWarningOn(),
                c.getFinalWarningOn(),
                c.getStatus().name(),
                c.getStoppedOn(),
                c.getReasonCode() == null ? null : c.getReasonCode().name(),
                c.getReasonText());
    }

    // ---- what coordinators do -------------------------------------------------------------------

    /** A clock started by hand: a manifestation determination or a request to inspect records. */
    public Clock startByHand(String caseId, ClockKind kind, LocalDate start) {
        if (kind != ClockKind.MANIFESTATION_DETERMINATION && kind != ClockKind.RECORDS_REQUEST) {
            throw new ClockRuleViolation("The " + kind.id() + " clock starts with the case's steps, not by hand.");
        }
        LocalDate today = today(caseId);
        if (start.isAfter(today) || start.isBefore(today.minusYears(1))) {
            throw new ClockRuleViolation("The start date must be within the last year and not in the future.");
        }
        CaseDirectory.CaseFacts facts = cases.facts(caseId);
        ClockRule rule = rules.ruleFor(facts.state(), kind);
        start(caseId, kind, rule.startEvent(), start);
        return clocks.findFirstByCaseIdAndKindOrderByIdDesc(caseId, kind).orElseThrow();
    }

    public Clock met(Long clockId, LocalDate on) {
        Clock clock = openClock(clockId);
        requireNotBeforeStartOrFuture(clock, on, "The date it was met");
        clock.stop(ClockStop.RECORDED, on);
        events.publishEvent(new ClockEvent.Stopped(ClockState.of(clock)));
        return clock;
    }

    public Clock pause(Long clockId, LocalDate from, ReasonCode code, String text) {
        Clock clock = openClock(clockId);
        requireNotBeforeStartOrFuture(clock, from, "The pause");
        clock.pause(from, code, requireText(code, text));
        recount(clock, "Paused: " + code.description());
        return clock;
    }

    public Clock resume(Long clockId, LocalDate on) {
        Clock clock = openClock(clockId);
        requireNotBeforeStartOrFuture(clock, on, "The resumption");
        clock.resume(on);
        recount(clock, "Resumed on " + on);
        return clock;
    }

    public Clock extend(Long clockId, LocalDate to, ReasonCode code, String text) {
        Clock clock = openClock(clockId);
        if (to.isAfter(today(clock.getCaseId()).plusYears(1))) {
            throw new ClockRuleViolation("An extension reaches a year ahead at most.");
        }
        LocalDate before = clock.effectiveDue();
        clock.extend(to, code, requireText(code, text));
        changes.save(new ClockChange(
                clock.getId(), Instant.now(time), before, clock.effectiveDue(), "Extended: " + code.description()));
        events.publishEvent(new ClockEvent.Moved(ClockState.of(clock)));
        return clock;
    }

    /**
     * The school days the student was absent during the clock's period: Texas extends the evaluation by them when
     * there are three or more (Tex. Educ. Code 29.004(a)). Days in the future or before the start are refused.
     */
    public Clock absent(Long clockId, java.util.Set<LocalDate> days) {
        Clock clock = openClock(clockId);
        if (days.isEmpty()) {
            throw new ClockRuleViolation("Name the school days the student was absent.");
        }
        for (LocalDate day : days) {
            requireNotBeforeStartOrFuture(clock, day, "The absence");
        }
        if (clock.absent(days)) {
            recount(clock, "Absences recorded: " + days.size() + " school day(s)");
        }
        return clock;
    }

    /** Why a clock was missed (or paused): the reason code states report. */
    public Clock explain(Long clockId, ReasonCode code, String text) {
        Clock clock = clocks.findById(clockId).orElseThrow(() -> new NotFoundException("No clock " + clockId + "."));
        boolean late = clock.getStatus() == ClockStatus.MET_LATE || clock.getStatus() == ClockStatus.OVERDUE;
        if (!late) {
            throw new ClockRuleViolation(
                    "Only a clock met late or overdue is explained; this one is " + clock.getStatus() + ".");
        }
        clock.explain(code, requireText(code, text));
        return clock;
    }

    // ---- what the "record why" task asks and tells -------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<ClockState> state(Long clockId) {
        return clocks.findById(clockId).map(ClockState::of);
    }

    @Override
    public void explainLate(Long clockId, ReasonCode code, String text) {
        explain(clockId, code, text);
    }

    @Transactional(readOnly = true)
    public Optional<Clock> find(Long clockId) {
        return clocks.findById(clockId);
    }

    @Transactional(readOnly = true)
    public List<ClockChange> changesOf(Long clockId) {
        return changes.findByClockIdOrderById(clockId);
    }

    /** "If the consent comes back on this date, when is the evaluation due?" */
    @Transactional(readOnly = true)
    public Preview preview(
            String districtId, String schoolId, String state, ClockKind kind, LocalDate start, LocalDate referredOn) {
        ClockRule rule = policies.apply(districtId, rules.ruleFor(state, kind));
        DeadlineCounter.Due due = DeadlineCounter.count(
                rule,
                start,
                referredOn == null ? start : referredOn,
                calendars.calendarOf(districtId, schoolId),
                List.of());
        return new Preview(
                due.date(),
                due.unknownReason(),
                kind.id(),
                start,
                rule.describe(),
                rule.citation(),
                rule.jurisdiction(),
                rule.count(),
                rule.unit().name(),
                rule.direction().name(),
                rule.exclusion().name(),
                rule.startEvent().name(),
                rule.endsAt().stream().map(Enum::name).sorted().toList(),
                rule.endOfYear().name(),
                referredOn == null ? start : referredOn,
                schoolId);
    }

    public record Preview(
            LocalDate dueDate,
            String dueUnknownReason,
            String clock,
            LocalDate start,
            String rule,
            String citation,
            String jurisdiction,
            int count,
            String unit,
            String direction,
            String notCounted,
            String startsAt,
            List<String> endsAt,
            String endOfYear,
            LocalDate referredOn,
            /* the school whose own calendar was counted where it keeps one; null: the district's calendars */
            String school) {}

    // ---- calendars ----------------------------------------------------------------------------------

    /** A school calendar changed: the running clocks that count its days get their due dates moved, recorded. */
    @EventListener
    public void calendarChanged(CalendarChanged changed) {
        // the calendars are read once per school, not once per clock (a school may keep its own)
        java.util.Map<String, DistrictCalendar> bySchool = new java.util.HashMap<>();
        for (Clock clock : clocks.findCalendarDependent(changed.districtId(), OPEN)) {
            DistrictCalendar calendar = bySchool.computeIfAbsent(
                    clock.getSchoolId(), school -> calendars.calendarOf(changed.districtId(), school));
            recount(clock, calendar, "School calendar " + changed.schoolYear() + " changed");
        }
    }

    private void recount(Clock clock, String why) {
        recount(clock, calendars.calendarOf(cases.facts(clock.getCaseId()).districtId(), clock.getSchoolId()), why);
    }

    private void recount(Clock clock, DistrictCalendar calendar, String why) {
        LocalDate before = clock.effectiveDue();
        String unknownBefore = clock.getDueUnknownReason();
        if (clock.due(count(clock, calendar))) {
            if (!Objects.equals(before, clock.effectiveDue())
                    || !Objects.equals(unknownBefore, clock.getDueUnknownReason())) {
                changes.save(new ClockChange(clock.getId(), Instant.now(time), before, clock.effectiveDue(), why));
            }
            events.publishEvent(new ClockEvent.Moved(ClockState.of(clock)));
        }
    }

    private DeadlineCounter.Due count(Clock clock, DistrictCalendar calendar) {
        DeadlineCounter.Due due = countByRule(clock, calendar);
        if (due.provisional()) {
            // the district's administrators are asked for the calendar the count needs
            CaseDirectory.CaseFacts facts = cases.facts(clock.getCaseId());
            calendarRequests.request(
                    facts.districtId(), facts.schoolId(), due.missingYear(), due.date(), facts.timeZone());
        }
        return due;
    }

    private DeadlineCounter.Due countByRule(Clock clock, DistrictCalendar calendar) {
        DeadlineCounter.Due due = DeadlineCounter.count(
                clock.rule(),
                clock.getStartDate(),
                clock.referredOnOrStart(),
                calendar,
                clock.countedPauses(),
                clock.countedAbsences());
        if (clock.getKind() == ClockKind.IEP_MEETING && due.known()) {
            // the IEP meeting by the earlier of its 30 days (34 CFR 300.323(c)(1)) and the state's timeline
            Optional<LocalDate> state = clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(
                            clock.getCaseId(), ClockKind.STATE_EVALUATION_TIMELINE, OPEN)
                    .map(Clock::effectiveDue);
            if (state.isPresent() && state.get().isBefore(due.date())) {
                return new DeadlineCounter.Due(state.get(), null);
            }
        }
        return due;
    }

    private Clock openClock(Long clockId) {
        Clock clock = clocks.findById(clockId).orElseThrow(() -> new NotFoundException("No clock " + clockId + "."));
        if (!clock.getStatus().isOpen()) {
            throw new ClockRuleViolation("The clock has ended (" + clock.getStatus() + ").");
        }
        return clock;
    }

    private void requireNotBeforeStartOrFuture(Clock clock, LocalDate day, String what) {
        if (day.isBefore(clock.getStartDate())) {
            throw new ClockRuleViolation(
                    what + " " + day + " is before the clock started (" + clock.getStartDate() + ").");
        }
        if (day.isAfter(today(clock.getCaseId()))) {
            throw new ClockRuleViolation(what + " " + day + " is in the future.");
        }
    }

    private static String requireText(ReasonCode code, String text) {
        String stripped = text == null ? null : text.strip();
        if (code == ReasonCode.OTHER && (stripped == null || stripped.isEmpty())) {
            throw new ClockRuleViolation("Say in words what the other reason is.");
        }
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    private LocalDate today(String caseId) {
        return LocalDate.now(time.withZone(cases.facts(caseId).timeZone()));
    }
}
