package org.supportplans.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SchoolRepository extends JpaRepository<School, String> {

    @Query("select s from School s join fetch s.district order by s.name")
    List<School> findAllWithDistrict();
}
