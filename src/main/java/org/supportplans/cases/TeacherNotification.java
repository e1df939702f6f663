package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A teacher of record told what a plan in effect asks of them (34 CFR 300.323(d)). */
@Entity
@Table(name = "teacher_notification")
class TeacherNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "plan_id", nullable = false)
    private Long planId;

    @Column(name = "teacher_id", nullable = false)
    private String teacherId;

    @Column(nullable = false)
    private String role;

    @Column(name = "to_provide", nullable = false)
    private String toProvide;

    @Column(name = "notified_at", nullable = false)
    private Instant notifiedAt;

    @Column(nullable = false)
    private boolean emailed;

    protected TeacherNotification() {}

    TeacherNotification(String caseId, Long planId, String teacherId, String role, String toProvide, Instant at) {
        this.caseId = caseId;
        this.planId = planId;
        this.teacherId = teacherId;
        this.role = role;
        this.toProvide = toProvide;
        this.notifiedAt = at;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public String getRole() {
        return role;
    }

    public String getToProvide() {
        return toProvide;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public boolean isEmailed() {
        return emailed;
    }

    void emailed() {
        this.emailed = true;
    }
}
