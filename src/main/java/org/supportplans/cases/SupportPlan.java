package org.supportplans.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A written plan: an IEP (present levels, goals, services, accommodations, placement, transition), a
 * Section 504 plan (accommodations and who provides them) or an ALP (strength areas, goals, programming).
 *
 * <p>One row is one version. Its content is written once, when it is drafted (or, for a review or an amendment,
 * when it is finalised) and never changed afterwards: a change is a new version ({@link #revision}), and the
 * version it replaces is superseded, keeping its content and the dates it was in effect.
 */
@Entity
@Table(name = "support_plan")
class SupportPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "present_levels")
    private String presentLevels;

    @Column(name = "annual_goals")
    private String annualGoals;

    private String accommodations;

    private String placement;

    @Column(name = "transition_plan")
    private String transitionPlan;

    @Column(name = "strength_areas")
    private String strengthAreas;

    @Column(name = "achievement_goals")
    private String achievementGoals;

    @Column(name = "affective_goals")
    private String affectiveGoals;

    private String programming;

    @Column(name = "written_by", nullable = false)
    private String writtenBy;

    @Column(name = "in_effect_on")
    private LocalDate inEffectOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @ElementCollection
    @CollectionTable(name = "plan_service", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PlanService> services = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_accommodation", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PlanAccommodation> providedAccommodations = new ArrayList<>();

    @Column(name = "plan_version", nullable = false)
    private int planVersion = 1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanOrigin origin = PlanOrigin.INITIAL;

    @Column(name = "previous_id")
    private Long previousId;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(name = "review_due")
    private LocalDate reviewDue;

    @Column(name = "finalised_by")
    private String finalisedBy;

    @Column(name = "finalised_at")
    private Instant finalisedAt;

    @Column(name = "change_summary")
    private String changeSummary;

    @Enumerated(EnumType.STRING)
    @Column(name = "transferred_from")
    private Transfers.From transferredFrom;

    @Column(name = "last_evaluated_on")
    private LocalDate lastEvaluatedOn;

    @Column(name = "progress_reporting")
    private String progressReporting;

    @Column(name = "nondisabled_peers")
    private String nondisabledPeers;

    @Column(name = "assessment_participation")
    private String assessmentParticipation;

    @Column(name = "alternate_assessment_why")
    private String alternateAssessmentWhy;

    @Column(name = "short_term_objectives")
    private String shortTermObjectives;

    @Column(name = "special_factors")
    private String specialFactors;

    @Column(name = "extended_school_year")
    private String extendedSchoolYear;

    @Column(name = "transfer_of_rights")
    private String transferOfRights;

    @Version
    private long version;

    protected SupportPlan() {}

    private SupportPlan(String caseId, PlanKind kind, LocalDate startsOn, LocalDate endsOn, String writtenBy) {
        if (!endsOn.isAfter(startsOn)) {
            throw new CaseRuleViolation("The plan ends (" + endsOn + ") before it starts (" + startsOn + ").");
        }
        this.caseId = caseId;
        this.kind = kind;
        this.status = PlanStatus.DRAFT;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.writtenBy = writtenBy;
    }

    static SupportPlan iep(String caseId, PlanContent.Iep iep, String writtenBy) {
        SupportPlan plan = new SupportPlan(caseId, PlanKind.IEP, iep.startsOn(), iep.endsOn(), writtenBy);
        plan.presentLevels = iep.presentLevels();
        plan.annualGoals = iep.annualGoals();
        plan.accommodations = iep.accommodations();
        plan.placement = iep.placement();
        plan.transitionPlan = iep.transitionPlan();
        plan.services.addAll(iep.services());
        PlanContent.IepElements elements = iep.elements();
        plan.progressReporting = elements.progressReporting();
        plan.nondisabledPeers = elements.nondisabledPeers();
        plan.assessmentParticipation = elements.assessmentParticipation();
        plan.alternateAssessmentWhy = elements.alternateAssessmentWhy();
        plan.shortTermObjectives = elements.shortTermObjectives();
        plan.specialFactors = elements.specialFactors();
        plan.extendedSchoolYear = elements.extendedSchoolYear();
        plan.transferOfRights = elements.transferOfRights();
        return plan;
    }

    static SupportPlan of(String caseId, PlanContent content, String writtenBy) {
        if (content instanceof PlanContent.Iep iep) {
            return iep(caseId, iep, writtenBy);
        }
        if (content instanceof PlanContent.Section504 section504) {
            return section504(caseId, section504, writtenBy);
        }
        return alp(caseId, (PlanContent.Alp) content, writtenBy);
    }

    /** The next version of this plan, with that content, written and finalised by the same person at once. */
    static SupportPlan revision(
            SupportPlan previous,
            PlanContent content,
            PlanOrigin origin,
            String changeSummary,
            String actor,
            Instant at) {
        SupportPlan next = of(previous.caseId, content, actor);
        if (next.kind != previous.kind) {
            throw new IllegalArgumentException("A " + previous.kind + " is revised with " + next.kind + " content");
        }
        next.planVersion = previous.planVersion + 1;
        next.origin = origin;
        next.previousId = previous.id;
        next.changeSummary = changeSummary;
        next.finalise(actor, at);
        return next;
    }

    /** What this version says, as the team wrote it. */
    PlanContent content() {
        return switch (kind) {
            case IEP ->
                new PlanContent.Iep(
                        startsOn,
                        endsOn,
                        presentLevels,
                        annualGoals,
                        List.copyOf(services),
                        accommodations,
                        placement,
                        transitionPlan,
                        new PlanContent.IepElements(
                                progressReporting,
                                nondisabledPeers,
                                assessmentParticipation,
                                alternateAssessmentWhy,
                                shortTermObjectives,
                                specialFactors,
                                extendedSchoolYear,
                                transferOfRights));
            case SECTION_504 -> new PlanContent.Section504(startsOn, endsOn, List.copyOf(providedAccommodations));
            case ALP ->
                new PlanContent.Alp(
                        startsOn, endsOn, getStrengthAreas(), achievementGoals, affectiveGoals, programming);
        };
    }

    static SupportPlan section504(String caseId, PlanContent.Section504 content, String writtenBy) {
        SupportPlan plan =
                new SupportPlan(caseId, PlanKind.SECTION_504, content.startsOn(), content.endsOn(), writtenBy);
        plan.providedAccommodations.addAll(content.accommodations());
        return plan;
    }

    static SupportPlan alp(String caseId, PlanContent.Alp alp, String writtenBy) {
        SupportPlan plan = new SupportPlan(caseId, PlanKind.ALP, alp.startsOn(), alp.endsOn(), writtenBy);
        plan.strengthAreas = String.join(",", alp.strengthAreas());
        plan.achievementGoals = alp.achievementGoals();
        plan.affectiveGoals = alp.affectiveGoals();
        plan.programming = alp.programming();
        return plan;
    }

    public Long getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public PlanKind getKind() {
        return kind;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getPresentLevels() {
        return presentLevels;
    }

    public String getAnnualGoals() {
        return annualGoals;
    }

    public String getAccommodations() {
        return accommodations;
    }

    public String getPlacement() {
        return placement;
    }

    public String getTransitionPlan() {
        return transitionPlan;
    }

    public List<String> getStrengthAreas() {
        return strengthAreas == null ? List.of() : Arrays.asList(strengthAreas.split(","));
    }

    public String getAchievementGoals() {
        return achievementGoals;
    }

    public String getAffectiveGoals() {
        return affectiveGoals;
    }

    public String getProgramming() {
        return programming;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public LocalDate getInEffectOn() {
        return inEffectOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public List<PlanService> getServices() {
        return List.copyOf(services);
    }

    public List<PlanAccommodation> getProvidedAccommodations() {
        return List.copyOf(providedAccommodations);
    }

    public int getPlanVersion() {
        return planVersion;
    }

    public PlanOrigin getOrigin() {
        return origin;
    }

    public Long getPreviousId() {
        return previousId;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public LocalDate getReviewDue() {
        return reviewDue;
    }

    public String getFinalisedBy() {
        return finalisedBy;
    }

    public Instant getFinalisedAt() {
        return finalisedAt;
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    /** For an IEP received on a transfer in: the student's last evaluation, by the previous district. */
    public LocalDate getLastEvaluatedOn() {
        return lastEvaluatedOn;
    }

    /** For an IEP received on a transfer in: from another district of the state, or from another state. */
    public Transfers.From getTransferredFrom() {
        return transferredFrom;
    }

    /** An IEP received from another district (34 CFR 300.323(e), (f)). */
    void transferredIn(Transfers.From from, String summary, LocalDate lastEvaluatedOn) {
        this.origin = PlanOrigin.TRANSFER;
        this.transferredFrom = from;
        this.changeSummary = summary;
        this.lastEvaluatedOn = lastEvaluatedOn;
    }

    /** The version after {@code previous}: a new IEP developed while a transferred one is in effect. */
    void follows(SupportPlan previous) {
        this.planVersion = previous.planVersion + 1;
        this.previousId = previous.id;
    }

    public PlanContent.IepElements getIepElements() {
        return kind == PlanKind.IEP ? ((PlanContent.Iep) content()).elements() : null;
    }

    public boolean isInEffect() {
        return status == PlanStatus.IN_EFFECT;
    }

    boolean isFinalised() {
        return finalisedAt != null;
    }

    /** The team agreed on it (at the meeting, or in writing for an amendment). */
    void finalise(String actor, Instant at) {
        this.finalisedBy = actor;
        this.finalisedAt = at;
    }

    /** In effect from {@code on} (or its start date, when later) to its end date, reviewed by {@code reviewDue}. */
    void putInEffect(LocalDate on, LocalDate reviewDue) {
        this.status = PlanStatus.IN_EFFECT;
        this.inEffectOn = on;
        this.effectiveFrom = on.isAfter(startsOn) ? on : startsOn;
        this.effectiveTo = endsOn;
        this.reviewDue = reviewDue;
    }

    void putInEffect(LocalDate on) {
        putInEffect(on, reviewDue);
    }

    void reviewDue(LocalDate on) {
        this.reviewDue = on;
    }

    /** Replaced by the next version, which takes effect the day after {@code lastDay}. */
    void supersede(LocalDate lastDay) {
        this.status = PlanStatus.SUPERSEDED;
        this.effectiveTo = lastDay;
    }

    void notImplemented() {
        this.status = PlanStatus.CONSENT_REFUSED;
    }

    void end(LocalDate on) {
        this.status = PlanStatus.ENDED;
        this.endedOn = on;
        this.effectiveTo = on;
    }
}
