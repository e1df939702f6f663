package org.supportplans.workflow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.supportplans.cases.PlanOrigin;
import org.supportplans.cases.PlanVersionFinalised;
import org.supportplans.system.AsApplication;

/**
 * An IEP amended without a meeting: the IEP team is informed of the changes (34 CFR 300.324(a)(4)(ii)) and every
 * teacher of record is told what the amended IEP asks of them, once the amendment is committed. (A plan meeting's
 * and an annual review's new versions are told by their processes' own step, retried when mail is down.)
 */
@Component
class AmendedPlanTeachers {

    private final TeacherNotifier notifier;
    private final AsApplication asApplication;

    AmendedPlanTeachers(TeacherNotifier notifier, AsApplication asApplication) {
        this.notifier = notifier;
        this.asApplication = asApplication;
    }

    // after the amendment's commit: in a transaction of its own (joining the finished one would write nothing)
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void amended(PlanVersionFinalised version) {
        if (version.origin() == PlanOrigin.AMENDMENT) {
            // as the application, as the process's step runs: the teachers of record are found whoever amended
            asApplication.call(() -> {
                notifier.run(null, version.caseId());
                return null;
            });
        }
    }
}
