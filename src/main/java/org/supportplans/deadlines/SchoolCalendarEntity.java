package org.supportplans.deadlines;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stored {@link SchoolYearCalendar}: table {@code school_calendar} with its rows of {@code
 * no_school_day} (their own identity ids are not needed here: the days are replaced as a whole).
 */
@Entity
@Table(name = "school_calendar")
class SchoolCalendarEntity {

    @Embeddable
    record Key(
            @Column(name = "district_id") String districtId,
            @Column(name = "school_year") String schoolYear) implements Serializable {}

    @Embeddable
    record NoSchoolDays(
            @Column(name = "from_day", nullable = false) LocalDate fromDay,
            @Column(name = "to_day", nullable = false) LocalDate toDay,
            @Column(nullable = false, length = 200) String name) {}

    @EmbeddedId
    private Key key;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @ElementCollection
    @CollectionTable(
            name = "no_school_day",
            joinColumns = {
                @JoinColumn(name = "district_id", referencedColumnName = "district_id"),
                @JoinColumn(name = "school_year", referencedColumnName = "school_year")
            })
    private List<NoSchoolDays> noSchool = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected SchoolCalendarEntity() {}

    SchoolCalendarEntity(String districtId, String schoolYear) {
        this.key = new Key(districtId, schoolYear);
    }

    String districtId() {
        return key.districtId();
    }

    void replaceWith(SchoolYearCalendar calendar, Instant now) {
        firstDay = calendar.firstDay();
        lastDay = calendar.lastDay();
        noSchool.clear();
        calendar.noSchool().forEach(days -> noSchool.add(new NoSchoolDays(days.from(), days.to(), days.name())));
        updatedAt = now;
    }

    SchoolYearCalendar toCalendar() {
        return new SchoolYearCalendar(
                key.schoolYear(),
                firstDay,
                lastDay,
                noSchool.stream()
                        .sorted(Comparator.comparing(NoSchoolDays::fromDay).thenComparing(NoSchoolDays::toDay))
                        .map(days -> new SchoolYearCalendar.NoSchool(days.fromDay(), days.toDay(), days.name()))
                        .toList());
    }
}
