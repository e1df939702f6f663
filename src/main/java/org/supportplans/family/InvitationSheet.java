package org.supportplans.family;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ConsentKind;
import org.supportplans.documents.TaggedPdf;

/**
 * The one-page "How to answer online" sheet that staff print and put in the envelope with the consent request
 * letter: the link and the letter code in clear, in the family's language. The letter is sealed when the consent is
 * asked, before any invitation exists, and must never hold a code; so the letter only says that an online answer is
 * possible with the enclosed sheet, and the sheet is rendered once, when the invitation is made ({@code POST
 * /api/cases/{id}/parent-invitations} with {@code Accept: application/pdf}), and never stored: the service keeps
 * only the hashes, so it cannot print the same code again (a lost sheet means a new invitation).
 */
@Component
class InvitationSheet {

    private final FamilyPages pages;
    private final TaggedPdf pdf;
    private final CaseReader cases;

    InvitationSheet(FamilyPages pages, TaggedPdf pdf, CaseReader cases) {
        this.pages = pages;
        this.pdf = pdf;
        this.cases = cases;
    }

    byte[] pdf(
            String caseId,
            ConsentKind kind,
            Invitations.Purpose purpose,
            String url,
            String letterCode,
            LocalDate expiresOn) {
        CaseView view = cases.read(caseId, FamilySignIn.SERVICE);
        String language = FamilyPages.language(view.parentLanguage());
        Map<String, Object> variables = new HashMap<>();
        variables.put("schoolName", view.school().name());
        variables.put(
                "question",
                FamilyPages.message(
                        language, "ask." + kind + ".title", view.student().firstName()));
        variables.put("url", url);
        variables.put("letterCode", letterCode);
        variables.put("expiresOn", FamilyPageController.format(expiresOn, language));
        return pdf(variables, language);
    }

    byte[] pdf(Map<String, Object> variables, String language) {
        return pdf.render(pages.paper("sheet", language, variables));
    }
}
