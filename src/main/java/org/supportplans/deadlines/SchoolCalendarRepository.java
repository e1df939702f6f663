package org.supportplans.deadlines;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SchoolCalendarRepository extends JpaRepository<SchoolCalendarEntity, SchoolCalendarEntity.Key> {

    @Query(
            "select distinct c from SchoolCalendarEntity c left join fetch c.noSchool where c.key.districtId = :districtId")
    List<SchoolCalendarEntity> findByDistrict(String districtId);
}
