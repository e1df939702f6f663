package org.supportplans.intake;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.CaseRuleViolation;
import org.supportplans.cases.PlanContent;
import org.supportplans.cases.PlanService;
import org.supportplans.cases.Transfers;
import org.supportplans.cases.Triage;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;
import org.supportplans.workflow.CaseProcesses;

/**
 * Takes referrals in: records the referral and, for a student without an open case, opens a case and
 * starts its {@code support-case} process, in one transaction.
 */
@Service
public class IntakeService {

    // a referral older than this is a typing error, not a referral to act on
    private static final int OLDEST_REFERRAL_DAYS = 366;
    // IDEA serves children to age 21 (34 CFR 300.101); Part C from birth
    private static final int OLDEST_STUDENT_AGE = 22;

    private final SchoolRepository schools;
    private final CaseAccess access;
    private final Triage triage;
    private final Transfers transfers;
    private final CaseProcesses processes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IntakeService(
            SchoolRepository schools,
            CaseAccess access,
            Triage triage,
            Transfers transfers,
            CaseProcesses processes,
            TransactionTemplate transaction,
            Clock clock) {
        this.schools = schools;
        this.access = access;
        this.triage = triage;
        this.transfers = transfers;
        this.processes = processes;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Triage.Referred refer(ReferralRequest request, CurrentStaff staff) {
        try {
            return referInOneTransaction(request, staff);
        } catch (DataIntegrityViolationException raced) {
            // another referral of the same student opened the case a moment ago: this one joins it
            return referInOneTransaction(request, staff);
        }
    }

    private Triage.Referred referInOneTransaction(ReferralRequest request, CurrentStaff staff) {
        return transaction.execute(status -> {
            Triage.NewReferral referral = referral(request, staff);
            Triage.Referred referred = triage.refer(referral, staff.userId());
            ReferralRequest.TransferInPart transfer = request.transferIn();
            if (referred.newCase() && transfer != null) {
                // 34 CFR 300.323(e), (f): comparable services from the first day
                transfers.receive(referred.caseId(), referral.receivedOn(), transferIn(transfer), staff.userId());
                processes.start(
                        referred.caseId(),
                        referral,
                        transfer.from(),
                        transfer.previousDistrict().strip());
            } else if (referred.newCase()) {
                processes.start(referred.caseId(), referral);
            }
            return referred;
        });
    }

    private static Transfers.TransferIn transferIn(ReferralRequest.TransferInPart transfer) {
        ReferralRequest.IepPart iep = transfer.iep();
        return new Transfers.TransferIn(
                transfer.from(),
                transfer.previousDistrict().strip(),
                transfer.lastEvaluatedOn(),
                new PlanContent.Iep(
                        iep.startsOn(),
                        iep.endsOn(),
                        iep.presentLevels(),
                        iep.annualGoals(),
                        iep.services().stream()
                                .map(s -> new PlanService(
                                        s.service(),
                                        s.providerRole(),
                                        s.minutes(),
                                        s.frequency(),
                                        s.setting(),
                                        s.startsOn(),
                                        s.endsOn()))
                                .toList(),
                        iep.accommodations(),
                        iep.placement(),
                        iep.transitionPlan()));
    }

    private Triage.NewReferral referral(ReferralRequest request, CurrentStaff staff) {
        School school = schools.findById(request.schoolId())
                .filter(s -> access.mayWorkAt(staff, s))
                .orElseThrow(() -> new NotFoundException("No school " + request.schoolId() + "."));
        LocalDate received = request.receivedOn();
        if (received.isAfter(LocalDate.now(clock.withZone(school.getDistrict().getTimeZone())))) {
            // first: a date in the future would otherwise be told as a student too old
            throw new CaseRuleViolation("The referral date " + received + " is in the future.");
        }
        if (received.isBefore(LocalDate.now(clock).minusDays(OLDEST_REFERRAL_DAYS))) {
            throw new CaseRuleViolation("The referral date " + received + " is more than a year ago.");
        }
        if (request.student().dateOfBirth().isBefore(received.minusYears(OLDEST_STUDENT_AGE))) {
            throw new CaseRuleViolation(
                    "The student would be older than 21 on the referral date: check the date of birth.");
        }
        return new Triage.NewReferral(
                school,
                request.student().localId(),
                request.student().firstName().strip(),
                request.student().lastName().strip(),
                request.student().dateOfBirth(),
                received,
                request.referredBy().role(),
                request.referredBy().name().strip(),
                request.concerns(),
                request.parentRequestedEvaluation(),
                request.reason().strip(),
                parentLanguage(request.parentLanguage()));
    }

    /** The parents' language in its canonical BCP 47 form ({@code ES} as {@code es}); null when not told. */
    static String parentLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        try {
            return new java.util.Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (java.util.IllformedLocaleException e) {
            throw new CaseRuleViolation("parentLanguage " + tag + " is not a BCP 47 language tag (e.g. en, es, vi).");
        }
    }
}
