package org.supportplans.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.supportplans.cases.CaseMilestone;
import org.supportplans.progress.ProgressReportFinalised;

/**
 * Produces a case's documents when its steps complete: on each milestone of the case's timeline, once per
 * case and transaction, just before the step's transaction commits (so the documents see everything the step
 * wrote, and are written with it or not at all).
 */
@Component
class DocumentProduction {

    private final Documents documents;

    DocumentProduction(Documents documents) {
        this.documents = documents;
    }

    @EventListener
    void on(CaseMilestone milestone) {
        produce(milestone.caseId(), milestone.actor());
    }

    /** A progress report locked: sealed for the family with the step that locked it. */
    @EventListener
    void on(ProgressReportFinalised report) {
        produce(report.caseId(), report.actor());
    }

    private void produce(String caseId, String actor) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            documents.produceOwed(caseId, actor);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> pending = (Map<String, String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<String, String> cases = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, cases);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    cases.forEach(documents::produceOwed);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DocumentProduction.this);
                }
            });
            pending = cases;
        }
        pending.merge(caseId, actor == null ? "" : actor, (a, b) -> b.isEmpty() ? a : b);
    }
}
