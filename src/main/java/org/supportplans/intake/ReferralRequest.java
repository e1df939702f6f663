package org.supportplans.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.supportplans.cases.Concern;
import org.supportplans.cases.ReferrerRole;
import org.supportplans.cases.Transfers;

/** {@code POST /api/referrals}: the body of DESIGN.md section 4. */
public record ReferralRequest(
        @NotNull @Valid StudentPart student,
        @NotBlank @Size(max = 64) String schoolId,
        // not @PastOrPresent: "today" is the district's date (its time zone), checked by the case's phase service
        @NotNull LocalDate receivedOn,
        @NotNull @Valid ReferrerPart referredBy,
        @NotEmpty Set<@NotNull Concern> concerns,
        @NotNull Boolean parentRequestedEvaluation,
        @NotBlank @Size(min = 10, max = 4000) String reason,
        // the parents' native language, BCP 47 (e.g. "es", "vi"); absent: English
        @Size(max = 35)
        @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "a BCP 47 language tag, e.g. en, es, vi")
        String parentLanguage,

        @Valid TransferInPart transferIn) {

    /** The body of DESIGN.md section 4, in English and without a transfer. */
    public ReferralRequest(
            StudentPart student,
            String schoolId,
            LocalDate receivedOn,
            ReferrerPart referredBy,
            Set<Concern> concerns,
            Boolean parentRequestedEvaluation,
            String reason) {
        this(student, schoolId, receivedOn, referredBy, concerns, parentRequestedEvaluation, reason, null, null);
    }

    /**
     * A student who transfers in with an IEP from another district (34 CFR 300.323(e), (f)): where it comes from,
     * the district, the date of the last evaluation, and the IEP whose services the school provides from the first
     * day.
     */
    public record TransferInPart(
            @NotNull Transfers.From from,
            @NotBlank @Size(max = 200) String previousDistrict,
            @NotNull @Past LocalDate lastEvaluatedOn,
            @NotNull @Valid IepPart iep) {}

    public record IepPart(
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @Size(min = 10, max = 8000) String presentLevels,
            @NotBlank @Size(min = 10, max = 8000) String annualGoals,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid ServicePart> services,
            @Size(max = 8000) String accommodations,

            @NotNull
            @Pattern(
                    regexp = "REGULAR_CLASS_80_PERCENT_OR_MORE|REGULAR_CLASS_40_TO_79_PERCENT"
                            + "|REGULAR_CLASS_LESS_THAN_40_PERCENT|SEPARATE_SCHOOL|RESIDENTIAL_FACILITY"
                            + "|HOME_OR_HOSPITAL")
            String placement,

            @Size(max = 8000) String transitionPlan) {}

    public record ServicePart(
            @NotBlank @Size(max = 200) String service,
            @NotBlank @Size(max = 64) String providerRole,
            @Min(5) @Max(600) int minutes,

            @NotNull @Pattern(regexp = "DAILY|WEEKLY|MONTHLY")
            String frequency,

            @NotNull @Pattern(regexp = "GENERAL_EDUCATION|SPECIAL_EDUCATION|RELATED_SERVICES_ROOM|HOME_OR_HOSPITAL")
            String setting,

            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    public record StudentPart(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only")
            String localId,

            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate dateOfBirth) {}

    public record ReferrerPart(
            @NotNull ReferrerRole role,
            @NotBlank @Size(max = 200) String name) {}
}
