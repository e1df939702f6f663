package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The school refuses what the parents asked for: prior written notice of the refusal (34 CFR 300.503(a)(2)) with the
 * elements of 300.503(b).
 */
class ParentRequestsTest extends PhaseTest {

    static final ParentRequests.Refusal MORE_SPEECH = new ParentRequests.Refusal(
            LocalDate.of(2026, 10, 12),
            "Speech therapy three times a week instead of twice",
            ParentRequestSubject.SERVICES,
            "Her articulation goal is on track with two sessions; a third would take her out of reading.",
            "The speech-language pathologist's session notes since September\nThis quarter's progress data",
            "A third session: rejected, it would cost her reading instruction; home practice sheets: offered.");

    @Test
    void aRefusalSendsPriorWrittenNoticeOfWhatWasAskedAndWhy() {
        CaseSteps supportCase = aCaseInEffect();
        clock.today(TODAY);

        CaseView.NoticeView notice = requests.refuse(supportCase.id, MORE_SPEECH, ACTOR);
        entities.flush();
        entities.clear();

        assertThat(notice.kind()).isEqualTo(NoticeKind.PRIOR_WRITTEN_NOTICE);
        assertThat(notice.sentOn()).isEqualTo(TODAY);
        NoticeContent content = notice.content();
        // 300.503(b)(1): what the school refuses; (2) why; (3) what it used; (6) the options; (7) other factors
        assertThat(content.action()).isEqualTo(NoticeContent.Action.REFUSED);
        assertThat(content.subject())
                .isEqualTo("Your request of 2026-10-12: Speech therapy three times a week instead of twice");
        assertThat(content.reasons()).startsWith("Her articulation goal is on track");
        assertThat(content.evidence()).contains("session notes");
        assertThat(content.optionsConsidered()).contains("home practice sheets");
        assertThat(content.otherFactors())
                .isEqualTo("What you asked for, about your child's special education and related services: Speech"
                        + " therapy three times a week instead of twice");
        // (4): the IDEA safeguards for a child with an IEP
        assertThat(content.safeguards()).isEqualTo(NoticeContent.IDEA_SAFEGUARDS);
        assertThat(supportCase.read().getNotices())
                .extracting(ParentNotice::getId)
                .contains(notice.id());
    }

    @Test
    void aRequestIsDatedBetweenTheCaseOpeningAndToday() {
        CaseSteps supportCase = aCaseInEffect();
        clock.today(TODAY);
        ParentRequests.Refusal tomorrow = new ParentRequests.Refusal(
                TODAY.plusDays(1),
                MORE_SPEECH.request(),
                MORE_SPEECH.about(),
                MORE_SPEECH.reasons(),
                MORE_SPEECH.evidence(),
                MORE_SPEECH.optionsConsidered());

        assertThatThrownBy(() -> requests.refuse(supportCase.id, tomorrow, ACTOR))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("in the future");
    }
}
