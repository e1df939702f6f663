package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One area of an evaluation (cognitive, speech and language, ...), assessed by the role that does it. */
@Entity
@Table(name = "evaluation_area")
class AreaEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "evaluation_id")
    private Evaluation evaluation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationArea area;

    @Column(nullable = false)
    private String role;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    private String findings;

    @Column(name = "evaluated_by")
    private String evaluatedBy;

    protected AreaEvaluation() {}

    AreaEvaluation(Evaluation evaluation, EvaluationArea area) {
        this.evaluation = evaluation;
        this.area = area;
        this.role = area.role().groupId();
    }

    public EvaluationArea getArea() {
        return area;
    }

    public String getRole() {
        return role;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getFindings() {
        return findings;
    }

    public String getEvaluatedBy() {
        return evaluatedBy;
    }

    public boolean isDone() {
        return completedOn != null;
    }

    void report(LocalDate on, String findings, String by) {
        if (isDone()) {
            throw new NotAwaitedException("The " + area.label() + " report was already recorded.");
        }
        this.completedOn = on;
        this.findings = findings;
        this.evaluatedBy = by;
    }
}
