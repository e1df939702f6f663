package org.supportplans.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Days a clock stood still, and why (e.g. the parents did not produce the child, 34 CFR 300.301(d)(1)). */
@Entity
@Table(name = "clock_pause")
class ClockPause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_day", nullable = false)
    private LocalDate fromDay;

    @Column(name = "to_day")
    private LocalDate toDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    private ReasonCode reasonCode;

    @Column(name = "reason_text")
    private String reasonText;

    protected ClockPause() {}

    ClockPause(LocalDate fromDay, ReasonCode reasonCode, String reasonText) {
        this.fromDay = fromDay;
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
    }

    void end(LocalDate lastPausedDay) {
        this.toDay = lastPausedDay;
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public LocalDate getToDay() {
        return toDay;
    }

    public ReasonCode getReasonCode() {
        return reasonCode;
    }

    public String getReasonText() {
        return reasonText;
    }
}
