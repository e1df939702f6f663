package org.supportplans.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.supportplans.cases.Concern;
import org.supportplans.cases.ReferrerRole;

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
        String parentLanguage) {

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
