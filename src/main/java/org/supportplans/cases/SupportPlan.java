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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A written plan: an IEP (present levels, goals, services, accommodations, placement, transition), a
 * Section 504 plan (accommodations and who provides them) or an ALP (strength areas, goals, programming).
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
        return plan;
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

    public boolean isInEffect() {
        return status == PlanStatus.IN_EFFECT;
    }

    void putInEffect(LocalDate on) {
        this.status = PlanStatus.IN_EFFECT;
        this.inEffectOn = on;
    }

    void notImplemented() {
        this.status = PlanStatus.CONSENT_REFUSED;
    }

    void end(LocalDate on) {
        this.status = PlanStatus.ENDED;
        this.endedOn = on;
    }
}
