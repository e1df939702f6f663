package org.supportplans.deadlines;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.supportplans.cases.ClockKind;

interface ClockRepository extends JpaRepository<Clock, Long> {

    List<Clock> findByCaseIdOrderById(String caseId);

    Optional<Clock> findFirstByCaseIdAndKindOrderByIdDesc(String caseId, ClockKind kind);

    Optional<Clock> findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(
            String caseId, ClockKind kind, Collection<ClockStatus> statuses);

    List<Clock> findByCaseIdAndStatusIn(String caseId, Collection<ClockStatus> statuses);

    /** The open clocks of a district's cases whose count depends on its school calendars. */
    @Query("""
            select c from Clock c where c.status in :open
              and (c.ruleUnit in (org.supportplans.deadlines.ClockRule.Unit.SCHOOL_DAYS,
                                  org.supportplans.deadlines.ClockRule.Unit.BUSINESS_DAYS)
                   or c.ruleExclusion <> org.supportplans.deadlines.ClockRule.Exclusion.NONE
                   or c.endOfYear <> org.supportplans.deadlines.ClockRule.EndOfYear.NONE
                   or c.kind = org.supportplans.cases.ClockKind.IEP_MEETING)
              and c.caseId in (select sc.id from SupportCase sc where sc.school.district.id = :districtId)
            """)
    List<Clock> findCalendarDependent(
            @Param("districtId") String districtId, @Param("open") Collection<ClockStatus> open);

    /**
     * The running clocks of a district's schools that the day's sweep has to look at: a warning not yet given, or
     * the date that counts passed.
     */
    @Query("""
            select c from Clock c where c.status = org.supportplans.deadlines.ClockStatus.RUNNING
              and c.firstWarningOn <= :day
              and (c.remindersSent < 2 or coalesce(c.extendedTo, c.dueDate) < :day)
              and c.schoolId in (select s.id from School s where s.district.id = :districtId)
            order by c.id
            """)
    List<Clock> findToSweep(@Param("districtId") String districtId, @Param("day") java.time.LocalDate day);
}

interface ClockChangeRepository extends JpaRepository<ClockChange, Long> {

    List<ClockChange> findByClockIdOrderById(Long clockId);
}
