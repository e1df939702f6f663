package org.supportplans.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A school of a district, with the staff (Camunda user ids) who work there. */
@Entity
@Table(name = "school")
public class School {

    @Id
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "district_id")
    private District district;

    @Column(nullable = false)
    private String name;

    @ElementCollection
    @CollectionTable(name = "school_staff", joinColumns = @JoinColumn(name = "school_id"))
    @Column(name = "user_id")
    private Set<String> staff = new HashSet<>();

    protected School() {}

    public School(String id, District district, String name) {
        this.id = Objects.requireNonNull(id);
        this.district = Objects.requireNonNull(district);
        this.name = Objects.requireNonNull(name);
    }

    public String getId() {
        return id;
    }

    public District getDistrict() {
        return district;
    }

    public String getName() {
        return name;
    }

    /** The user ids of the staff who work here. */
    public Set<String> getStaff() {
        return Set.copyOf(staff);
    }

    public boolean employs(String userId) {
        return staff.contains(userId);
    }

    public void assign(String userId) {
        staff.add(userId);
    }

    public void unassign(String userId) {
        staff.remove(userId);
    }

    public void rename(String name) {
        this.name = name;
    }
}
