package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The team's eligibility decision (34 CFR 300.306), with the IDEA categories for an IEP. */
@Entity
@Table(name = "eligibility_decision")
class EligibilityDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "evaluation_id", nullable = false)
    private Long evaluationId;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EligibilityOutcome outcome;

    @Column(name = "idea_categories")
    private String ideaCategories;

    @Column(nullable = false)
    private String rationale;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "team_members")
    private String teamMembers;

    @Column(name = "parents_took_part")
    private Boolean parentsTookPart;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_agreement")
    private EligibilityTeam.Agreement teamAgreement;

    private String dissent;

    @Column(name = "sld_observation")
    private String sldObservation;

    @Column(name = "sld_medical_findings")
    private String sldMedicalFindings;

    @Column(name = "sld_achievement_areas")
    private String sldAchievementAreas;

    @Enumerated(EnumType.STRING)
    @Column(name = "sld_progress_basis")
    private SldReport.ProgressBasis sldProgressBasis;

    @Column(name = "sld_exclusionary_factors")
    private String sldExclusionaryFactors;

    @Column(name = "sld_intervention_data")
    private String sldInterventionData;

    @Column(name = "sld_parents_notified")
    private Boolean sldParentsNotified;

    @Column(name = "sld_certified")
    private Boolean sldCertified;

    protected EligibilityDecision() {}

    EligibilityDecision(
            String caseId,
            Long evaluationId,
            LocalDate decidedOn,
            EligibilityOutcome outcome,
            Set<IdeaCategory> categories,
            String rationale,
            String decidedBy) {
        this.caseId = caseId;
        this.evaluationId = evaluationId;
        this.decidedOn = decidedOn;
        this.outcome = outcome;
        this.ideaCategories = categories.isEmpty()
                ? null
                : categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.rationale = rationale;
        this.decidedBy = decidedBy;
    }

    /** Who decided (34 CFR 300.306(a)(1)). */
    void decidedBy(EligibilityTeam team) {
        this.teamMembers = team.members();
        this.parentsTookPart = team.parentsTookPart();
        this.teamAgreement = team.agreement();
        this.dissent = team.dissent();
    }

    /** The written report of a specific learning disability (34 CFR 300.311). */
    void reported(SldReport report) {
        this.sldObservation = report.observation();
        this.sldMedicalFindings = report.medicalFindings();
        this.sldAchievementAreas =
                report.areas().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.sldProgressBasis = report.basis();
        this.sldExclusionaryFactors = report.exclusionaryFactors();
        this.sldInterventionData = report.interventionData();
        this.sldParentsNotified = report.parentsNotified();
        this.sldCertified = report.certified();
    }

    /** The team, or null for a decision recorded before teams were (version 13.5 of the schema). */
    public EligibilityTeam getTeam() {
        return teamAgreement == null
                ? null
                : new EligibilityTeam(teamMembers, Boolean.TRUE.equals(parentsTookPart), teamAgreement, dissent);
    }

    /** The report of a specific learning disability determination; null for any other decision. */
    public SldReport getSldReport() {
        if (sldProgressBasis == null) {
            return null;
        }
        return new SldReport(
                sldObservation,
                sldMedicalFindings,
                Arrays.stream(sldAchievementAreas.split(","))
                        .map(SldReport.AchievementArea::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SldReport.AchievementArea.class))),
                sldProgressBasis,
                sldExclusionaryFactors,
                sldInterventionData,
                Boolean.TRUE.equals(sldParentsNotified),
                Boolean.TRUE.equals(sldCertified));
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public EligibilityOutcome getOutcome() {
        return outcome;
    }

    public Set<IdeaCategory> getIdeaCategories() {
        if (ideaCategories == null) {
            return EnumSet.noneOf(IdeaCategory.class);
        }
        return Arrays.stream(ideaCategories.split(","))
                .map(IdeaCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IdeaCategory.class)));
    }

    public String getRationale() {
        return rationale;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
