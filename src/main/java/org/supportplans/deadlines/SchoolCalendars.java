package org.supportplans.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school calendars of the districts, one per district and school year. Loading or replacing a
 * calendar tells the clocks ({@link CalendarChanged}) in the same transaction.
 */
@Service
public class SchoolCalendars {

    private final SchoolCalendarRepository calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SchoolCalendars(SchoolCalendarRepository calendars, ApplicationEventPublisher events, Clock clock) {
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    /** Every school year loaded for the district (none for an unknown district). */
    @Transactional(readOnly = true)
    public DistrictCalendar calendarOf(String districtId) {
        return new DistrictCalendar(
                districtId,
                calendars.findByDistrict(districtId).stream()
                        .map(SchoolCalendarEntity::toCalendar)
                        .toList());
    }

    @Transactional(readOnly = true)
    public Optional<SchoolYearCalendar> find(String districtId, String schoolYear) {
        return calendars
                .findById(new SchoolCalendarEntity.Key(districtId, schoolYear))
                .map(SchoolCalendarEntity::toCalendar);
    }

    /**
     * Loads the district's calendar of the school year, or replaces the one loaded, and publishes
     * {@link CalendarChanged} before the transaction commits. The district must exist.
     */
    @Transactional
    public void put(String districtId, SchoolYearCalendar calendar) {
        SchoolCalendarEntity stored = calendars
                .findById(new SchoolCalendarEntity.Key(districtId, calendar.schoolYear()))
                .orElseGet(() -> new SchoolCalendarEntity(districtId, calendar.schoolYear()));
        stored.replaceWith(calendar, Instant.now(clock));
        // written before the listeners run, so that what they query sees the new days
        calendars.saveAndFlush(stored);
        events.publishEvent(new CalendarChanged(districtId, calendar.schoolYear()));
    }
}
