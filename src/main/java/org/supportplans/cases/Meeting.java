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
import java.util.List;

/** A plan meeting or an annual review: when it is scheduled, the notice to the parents, who came. */
@Entity
@Table(name = "meeting")
class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingPurpose purpose;

    @Column(name = "scheduled_on")
    private LocalDate scheduledOn;

    private String location;

    @Column(name = "notice_sent_on")
    private LocalDate noticeSentOn;

    @Column(name = "held_on")
    private LocalDate heldOn;

    private String participants;

    private String notes;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected Meeting() {}

    static Meeting scheduled(String caseId, LocalDate on, String location, String by) {
        Meeting meeting = new Meeting();
        meeting.caseId = caseId;
        meeting.purpose = MeetingPurpose.PLAN;
        meeting.scheduledOn = on;
        meeting.location = location;
        meeting.recordedBy = by;
        return meeting;
    }

    static Meeting annualReview(String caseId, LocalDate heldOn, String notes, String by) {
        Meeting meeting = new Meeting();
        meeting.caseId = caseId;
        meeting.purpose = MeetingPurpose.ANNUAL_REVIEW;
        meeting.heldOn = heldOn;
        meeting.notes = notes;
        meeting.recordedBy = by;
        return meeting;
    }

    /** The team's meeting after a reevaluation, revising the plan to address its results (300.324(b)(1)(ii)(B)). */
    static Meeting reviewAfterReevaluation(String caseId, LocalDate heldOn, String notes, String by) {
        Meeting meeting = annualReview(caseId, heldOn, notes, by);
        meeting.purpose = MeetingPurpose.REEVALUATION;
        return meeting;
    }

    public MeetingPurpose getPurpose() {
        return purpose;
    }

    public LocalDate getScheduledOn() {
        return scheduledOn;
    }

    public String getLocation() {
        return location;
    }

    public LocalDate getNoticeSentOn() {
        return noticeSentOn;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public List<String> getParticipants() {
        return participants == null ? List.of() : Arrays.asList(participants.split(","));
    }

    public String getNotes() {
        return notes;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    void noticeSent(LocalDate on) {
        this.noticeSentOn = on;
    }

    void held(LocalDate on, List<String> participants, String notes, String by) {
        if (heldOn != null) {
            throw new NotAwaitedException("The meeting was already recorded as held on " + heldOn + ".");
        }
        if (noticeSentOn != null && on.isBefore(noticeSentOn)) {
            throw new CaseRuleViolation(
                    "The meeting date " + on + " is before the notice was sent to the parents (" + noticeSentOn + ").");
        }
        this.heldOn = on;
        this.participants = String.join(",", participants);
        this.notes = notes;
        this.recordedBy = by;
    }
}
