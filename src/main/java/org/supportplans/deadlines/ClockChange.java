package org.supportplans.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A move of a clock's due date, and why: recorded on the clock, never changed. */
@Entity
@Table(name = "clock_change")
class ClockChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "clock_id", nullable = false, updatable = false)
    private Long clockId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "previous_due", updatable = false)
    private LocalDate previousDue;

    @Column(name = "new_due", updatable = false)
    private LocalDate newDue;

    @Column(nullable = false, updatable = false)
    private String why;

    protected ClockChange() {}

    ClockChange(Long clockId, Instant changedAt, LocalDate previousDue, LocalDate newDue, String why) {
        this.clockId = clockId;
        this.changedAt = changedAt;
        this.previousDue = previousDue;
        this.newDue = newDue;
        this.why = why;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public LocalDate getPreviousDue() {
        return previousDue;
    }

    public LocalDate getNewDue() {
        return newDue;
    }

    public String getWhy() {
        return why;
    }
}
