package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.UUID;

/** A student of a district, known to the district by its local student id. */
@Entity
@Table(name = "student")
class Student {

    @Id
    private String id;

    @Column(name = "district_id", nullable = false)
    private String districtId;

    @Column(name = "local_id", nullable = false)
    private String localId;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    protected Student() {}

    public Student(String districtId, String localId, String firstName, String lastName, LocalDate dateOfBirth) {
        this.id = UUID.randomUUID().toString();
        this.districtId = Objects.requireNonNull(districtId);
        this.localId = Objects.requireNonNull(localId);
        this.firstName = Objects.requireNonNull(firstName);
        this.lastName = Objects.requireNonNull(lastName);
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth);
    }

    public String getId() {
        return id;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getLocalId() {
        return localId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }
}
