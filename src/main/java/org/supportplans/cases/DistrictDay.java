package org.supportplans.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.District;
import org.supportplans.people.School;

/** Dates are the school's dates: "today" and a day's morning in the time zone of the case's district. */
@Component
public class DistrictDay {

    private final Clock clock;
    private final OpenCases cases;

    DistrictDay(Clock clock, OpenCases cases) {
        this.clock = clock;
        this.cases = cases;
    }

    /** Today in the district of the case: the day a step happens on. */
    @Transactional(readOnly = true)
    public LocalDate today(String caseId) {
        return today(cases.find(caseId));
    }

    LocalDate today(SupportCase supportCase) {
        return today(supportCase.getSchool());
    }

    LocalDate today(School school) {
        return LocalDate.now(clock.withZone(school.getDistrict().getTimeZone()));
    }

    /** The moment a day's work starts in the district of the case (7 a.m. there): when a timer for that day fires. */
    @Transactional(readOnly = true)
    public Instant morningOf(String caseId, LocalDate day) {
        return District.morningOf(
                day, cases.find(caseId).getSchool().getDistrict().getTimeZone());
    }

    /** The time zone of the case's district: the zone its times are shown in. */
    @Transactional(readOnly = true)
    public ZoneId zone(String caseId) {
        return cases.find(caseId).getSchool().getDistrict().getTimeZone();
    }

    /** The moment now, for records that keep when they were written. */
    Instant now() {
        return Instant.now(clock);
    }
}
