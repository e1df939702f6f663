package org.supportplans.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.CaseAccess;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * The staff's copy of a parent's receipt: the same tagged PDF the parent downloads from the receipt page, by its
 * receipt number ({@code receiptNumbers} of {@code GET /api/cases/{id}/parent-invitations}). Staff of the case's
 * school only.
 */
@RestController
@Tag(name = "Cases")
class FamilyReceiptController {

    private final CaseAccess access;
    private final FamilyReceipts receipts;

    FamilyReceiptController(CaseAccess access, FamilyReceipts receipts) {
        this.access = access;
        this.receipts = receipts;
    }

    @GetMapping("/api/cases/{id}/family-receipts/{receiptNumber}")
    @Operation(summary = "A parent's receipt of an answer given on the family's page, as a tagged PDF")
    ResponseEntity<byte[]> receipt(@PathVariable String id, @PathVariable long receiptNumber) {
        access.requireVisible(id, CurrentStaff.require());
        FamilyAnswers.Evidence evidence = receipts.ofCase(id, receiptNumber)
                .orElseThrow(() -> new NotFoundException("No receipt " + receiptNumber + " of case " + id + "."));
        return FamilyPageController.pdf(receipts.pdf(evidence), FamilyReceipts.fileName(evidence));
    }
}
