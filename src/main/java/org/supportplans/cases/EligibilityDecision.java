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
