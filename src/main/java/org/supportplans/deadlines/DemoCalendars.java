package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.supportplans.deadlines.SchoolYearCalendar.NoSchool;
import org.supportplans.people.DemoData;
import org.supportplans.people.DemoProperties;
import org.supportplans.people.DistrictRepository;
import org.supportplans.system.StartupLock;

/**
 * The demo district's school calendars (2025-2026 and 2026-2027), like a Denver-area district's: school
 * from mid-August to late May, the federal holidays, a fall break, Thanksgiving week, two weeks of winter
 * break, spring break in March and a few teacher planning days. Loaded after {@link DemoData}, wherever
 * it loads the demo district, and only for a year not loaded yet.
 */
@Component
@Order(3)
class DemoCalendars implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalendars.class);

    static final List<SchoolYearCalendar> YEARS = List.of(
            new SchoolYearCalendar(
                    "2025-2026",
                    LocalDate.of(2025, 8, 18),
                    LocalDate.of(2026, 5, 28),
                    List.of(
                            day(2025, 9, 1, "Labor Day"),
                            day(2025, 9, 26, "Teacher planning day"),
                            days(2025, 10, 23, 2025, 10, 24, "Fall break"),
                            days(2025, 11, 24, 2025, 11, 28, "Thanksgiving break"),
                            days(2025, 12, 22, 2026, 1, 2, "Winter break"),
                            day(2026, 1, 5, "Teacher planning day"),
                            day(2026, 1, 19, "Martin Luther King Jr. Day"),
                            day(2026, 2, 13, "Teacher planning day"),
                            day(2026, 2, 16, "Presidents' Day"),
                            days(2026, 3, 23, 2026, 3, 27, "Spring break"),
                            day(2026, 4, 17, "Teacher planning day"),
                            day(2026, 5, 25, "Memorial Day"))),
            new SchoolYearCalendar(
                    "2026-2027",
                    LocalDate.of(2026, 8, 17),
                    LocalDate.of(2027, 5, 27),
                    List.of(
                            day(2026, 9, 7, "Labor Day"),
                            day(2026, 9, 25, "Teacher planning day"),
                            days(2026, 10, 22, 2026, 10, 23, "Fall break"),
                            days(2026, 11, 23, 2026, 11, 27, "Thanksgiving break"),
                            days(2026, 12, 21, 2027, 1, 1, "Winter break"),
                            day(2027, 1, 4, "Teacher planning day"),
                            day(2027, 1, 18, "Martin Luther King Jr. Day"),
                            day(2027, 2, 12, "Teacher planning day"),
                            day(2027, 2, 15, "Presidents' Day"),
                            days(2027, 3, 22, 2027, 3, 26, "Spring break"),
                            day(2027, 4, 16, "Teacher planning day"))));

    private final DemoProperties properties;
    private final DataSource dataSource;
    private final DistrictRepository districts;
    private final SchoolCalendars calendars;
    private final StartupLock startupLock;

    DemoCalendars(
            DemoProperties properties,
            DataSource dataSource,
            DistrictRepository districts,
            SchoolCalendars calendars,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.properties = properties;
        this.dataSource = dataSource;
        this.districts = districts;
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        if (!properties.seedOn(url)) {
            return;
        }
        startupLock.whileHolding(this::ensureAll);
    }

    private void ensureAll() {
        if (!districts.existsById(DemoData.DISTRICT_ID)) {
            return;
        }
        for (SchoolYearCalendar year : YEARS) {
            if (calendars.find(DemoData.DISTRICT_ID, year.schoolYear()).isEmpty()) {
                calendars.put(DemoData.DISTRICT_ID, year);
                log.info("Demo district's school calendar {} loaded", year.schoolYear());
            }
        }
    }

    private static NoSchool day(int year, int month, int day, String name) {
        LocalDate date = LocalDate.of(year, month, day);
        return new NoSchool(date, date, name);
    }

    private static NoSchool days(
            int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay, String name) {
        return new NoSchool(LocalDate.of(fromYear, fromMonth, fromDay), LocalDate.of(toYear, toMonth, toDay), name);
    }
}
