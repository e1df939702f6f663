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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A school's own {@link SchoolYearCalendar} (a year-round school): table {@code school_own_calendar} with its rows of
 * {@code school_own_no_school_day}. Where a school has none for a year, its clocks count on the district's.
 */
@Entity
@Table(name = "school_own_calendar")
class OwnSchoolCalendarEntity {

    @Embeddable
    record Key(
            @Column(name = "school_id") String schoolId,
            @Column(name = "school_year") String schoolYear) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "first_day", nullable = false)
    private java.time.LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private java.time.LocalDate lastDay;

    @ElementCollection
    @CollectionTable(
            name = "school_own_no_school_day",
            joinColumns = {
                @JoinColumn(name = "school_id", referencedColumnName = "school_id"),
                @JoinColumn(name = "school_year", referencedColumnName = "school_year")
            })
    private List<SchoolCalendarEntity.NoSchoolDays> noSchool = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected OwnSchoolCalendarEntity() {}

    OwnSchoolCalendarEntity(String schoolId, String schoolYear) {
        this.key = new Key(schoolId, schoolYear);
    }

    void replaceWith(SchoolYearCalendar calendar, Instant now) {
        firstDay = calendar.firstDay();
        lastDay = calendar.lastDay();
        noSchool.clear();
        calendar.noSchool()
                .forEach(days ->
                        noSchool.add(new SchoolCalendarEntity.NoSchoolDays(days.from(), days.to(), days.name())));
        updatedAt = now;
    }

    SchoolYearCalendar toCalendar() {
        return new SchoolYearCalendar(
                key.schoolYear(),
                firstDay,
                lastDay,
                noSchool.stream()
                        .sorted(Comparator.comparing(SchoolCalendarEntity.NoSchoolDays::fromDay)
                                .thenComparing(SchoolCalendarEntity.NoSchoolDays::toDay))
                        .map(days -> new SchoolYearCalendar.NoSchool(days.fromDay(), days.toDay(), days.name()))
                        .toList());
    }
}

interface OwnSchoolCalendarRepository
        extends org.springframework.data.jpa.repository.JpaRepository<
                OwnSchoolCalendarEntity, OwnSchoolCalendarEntity.Key> {

    @org.springframework.data.jpa.repository.Query(
            "select distinct c from OwnSchoolCalendarEntity c left join fetch c.noSchool where c.key.schoolId = :schoolId")
    List<OwnSchoolCalendarEntity> findBySchool(String schoolId);
}
