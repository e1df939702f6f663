package org.supportplans.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the application rather than as the signed-in staff member: for steps whose
 * right our own code has checked already (a teacher who refers a student need not hold rights on
 * process definitions; anyone may look up a rule). The caller's authentication is restored after.
 */
@Component
public class AsApplication {

    private final IdentityService identityService;

    AsApplication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> engineCall) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return engineCall.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
