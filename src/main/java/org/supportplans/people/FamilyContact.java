package org.supportplans.people;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who a district's families contact about the documents they receive, as every document says it (34 CFR
 * 300.503(b)(5): "sources for parents to contact to obtain assistance in understanding"; 300.504: where the
 * procedural safeguards notice is): the district's special education office, where its procedural safeguards
 * notice can be read, and the state's Parent Training and Information Center. Any part may be missing.
 *
 * @param office the office or person, e.g. "Special Education Office" or "Ana Ruiz, Director of Special Education"
 * @param safeguardsUrl where the parents can read the procedural safeguards notice (the state's document)
 * @param parentCenterName the state's Parent Training and Information Center (IDEA section 671), e.g. "PEAK Parent
 *     Center"
 */
@Embeddable
public record FamilyContact(
        @Column(name = "contact_office") String office,
        @Column(name = "contact_phone") String phone,
        @Column(name = "contact_email") String email,
        @Column(name = "safeguards_url") String safeguardsUrl,
        @Column(name = "parent_center_name") String parentCenterName,
        @Column(name = "parent_center_phone") String parentCenterPhone,
        @Column(name = "parent_center_url") String parentCenterUrl) {

    public static final FamilyContact NONE = new FamilyContact(null, null, null, null, null, null, null);

    /** True when the district has said how its office can be reached. */
    public boolean hasOffice() {
        return office != null && (phone != null || email != null);
    }

    /** True when the district has named its state's parent center. */
    public boolean hasParentCenter() {
        return parentCenterName != null;
    }
}
