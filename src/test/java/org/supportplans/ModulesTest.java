package org.supportplans;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map: each top-level package is a module that others reach only through its own package's types
 * (its sub-packages are its own), with no cycles. The diagram in the README is written from it.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SupportPlansApplication.class);

    @Test
    void modulesTalkOnlyThroughTheirPublicTypesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void writeTheModuleDiagram() {
        new Documenter(MODULES, "target/modules")
                .writeModulesAsPlantUml(
                        Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml();
    }
}
