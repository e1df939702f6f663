package org.supportplans.people;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** A school district: the state whose rules apply to its clocks, and the time zone its dates are in. */
@Entity
@Table(name = "district")
public class District {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    /** Two-letter code of the state (the jurisdiction), e.g. {@code CO}. */
    @Column(nullable = false, length = 2)
    private String state;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Embedded
    private FamilyContact familyContact;

    protected District() {}

    public District(String id, String name, String state, ZoneId timeZone) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.state = Objects.requireNonNull(state);
        this.timeZone = timeZone.getId();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getState() {
        return state;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    /** Who the district's families contact about their documents; {@link FamilyContact#NONE} until it is set. */
    public FamilyContact getFamilyContact() {
        return familyContact == null ? FamilyContact.NONE : familyContact;
    }

    public void setFamilyContact(FamilyContact familyContact) {
        this.familyContact = Objects.requireNonNull(familyContact);
    }

    /** The moment a school day's work starts (7 a.m. in the district's time zone): when timers for that day fire. */
    public static Instant morningOf(LocalDate day, ZoneId timeZone) {
        return day.atTime(7, 0).atZone(timeZone).toInstant();
    }
}
