package org.supportplans.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;

/**
 * The school calendars of the districts, one per district and school year. Loading or replacing a
 * calendar tells the clocks ({@link CalendarChanged}) in the same transaction.
 */
@Service
public class SchoolCalendars {

    private final SchoolCalendarRepository calendars;
    private final OwnSchoolCalendarRepository ownCalendars;
    private final DistrictRepository districts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SchoolCalendars(
            SchoolCalendarRepository calendars,
            OwnSchoolCalendarRepository ownCalendars,
            DistrictRepository districts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calendars = calendars;
        this.ownCalendars = ownCalendars;
        this.districts = districts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The calendars a school's clocks count on: for each school year the school's own calendar where it keeps one
     * (a year-round school), else the district's.
     */
    @Transactional(readOnly = true)
    public DistrictCalendar calendarOf(String districtId, String schoolId) {
        DistrictCalendar district = calendarOf(districtId);
        if (schoolId == null) {
            return district;
        }
        java.util.Map<String, SchoolYearCalendar> years = new java.util.TreeMap<>();
        district.years().forEach(year -> years.put(year.schoolYear(), year));
        ownCalendars.findBySchool(schoolId).stream()
                .map(OwnSchoolCalendarEntity::toCalendar)
                .forEach(year -> years.put(year.schoolYear(), year));
        return new DistrictCalendar(districtId, district.state(), List.copyOf(years.values()));
    }

    /** The school's own calendars (none for a school that follows the district's). */
    @Transactional(readOnly = true)
    public List<SchoolYearCalendar> ownCalendarsOf(String schoolId) {
        return ownCalendars.findBySchool(schoolId).stream()
                .map(OwnSchoolCalendarEntity::toCalendar)
                .sorted(java.util.Comparator.comparing(SchoolYearCalendar::firstDay))
                .toList();
    }

    /** Loads or replaces a school's own calendar of a school year; the district's clocks are recounted. */
    @Transactional
    public boolean putForSchool(String districtId, String schoolId, SchoolYearCalendar calendar) {
        OwnSchoolCalendarEntity.Key key = new OwnSchoolCalendarEntity.Key(schoolId, calendar.schoolYear());
        boolean created = ownCalendars.findById(key).isEmpty();
        OwnSchoolCalendarEntity stored = ownCalendars
                .findById(key)
                .orElseGet(() -> new OwnSchoolCalendarEntity(schoolId, calendar.schoolYear()));
        stored.replaceWith(calendar, Instant.now(clock));
        ownCalendars.saveAndFlush(stored);
        events.publishEvent(new CalendarChanged(districtId, calendar.schoolYear()));
        return created;
    }

    /** Every school year loaded for the district (none for an unknown district). */
    @Transactional(readOnly = true)
    public DistrictCalendar calendarOf(String districtId) {
        return new DistrictCalendar(
                districtId,
                districts.findById(districtId).map(District::getState).orElse(null),
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
