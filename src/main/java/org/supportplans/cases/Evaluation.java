package org.supportplans.cases;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An initial evaluation or a reevaluation, with the areas the team evaluates. */
@Entity
@Table(name = "evaluation")
class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationKind kind;

    @Column(name = "consent_on")
    private LocalDate consentOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "continued_eligibility")
    private String continuedEligibility;

    private String summary;

    @Column(name = "completed_by")
    private String completedBy;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AreaEvaluation> areas = new ArrayList<>();

    protected Evaluation() {}

    Evaluation(String caseId, EvaluationKind kind, LocalDate consentOn, LocalDate dueOn) {
        this.caseId = caseId;
        this.kind = kind;
        this.consentOn = consentOn;
        this.dueOn = dueOn;
    }

    public Long getId() {
        return id;
    }

    public EvaluationKind getKind() {
        return kind;
    }

    public LocalDate getConsentOn() {
        return consentOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getContinuedEligibility() {
        return continuedEligibility;
    }

    public String getSummary() {
        return summary;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public List<AreaEvaluation> getAreas() {
        return List.copyOf(areas);
    }

    public boolean isPlanned() {
        return !areas.isEmpty();
    }

    Optional<AreaEvaluation> area(EvaluationArea area) {
        return areas.stream().filter(a -> a.getArea() == area).findFirst();
    }

    void plan(List<EvaluationArea> selected) {
        if (isPlanned()) {
            throw new NotAwaitedException("The evaluation areas were already chosen.");
        }
        selected.forEach(area -> areas.add(new AreaEvaluation(this, area)));
    }

    void complete(LocalDate on, String by) {
        this.completedOn = on;
        this.completedBy = by;
    }

    void completeReevaluation(LocalDate on, boolean stillEligible, String summary, String by) {
        complete(on, by);
        this.continuedEligibility = stillEligible ? "YES" : "NO";
        this.summary = summary;
    }
}
