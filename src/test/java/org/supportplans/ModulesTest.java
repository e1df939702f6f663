package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The module map: each top-level package is a module that the others reach only through the public types of its
 * own package (what it keeps to itself is package-private, or in its sub-packages), and no two modules depend on
 * each other. The README's picture of the map is written from it and must match it.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SupportPlansApplication.class);

    static final Path COMMITTED = Path.of("docs/modules/components.puml");

    @Test
    void modulesTalkOnlyThroughTheirPublicTypesAndFormNoCycle() {
        MODULES.verify();
    }

    /**
     * The map as Spring Modulith's {@link Documenter} draws it, against the one the README shows. After a change
     * of the map: {@code ./mvnw -o -Pfast test -Dtest=ModulesTest -Dmodules.update=true} writes the new one (and
     * its picture, {@code docs/modules/components.svg}); commit both.
     */
    @Test
    void theReadmeShowsTheModuleMapAsItIs() throws IOException {
        Path generated = Path.of("target/modules");
        new Documenter(MODULES, generated.toString())
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML));
        String map = Files.readString(generated.resolve("components.puml"));

        if (Boolean.getBoolean("modules.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, map);
            try (OutputStream svg = Files.newOutputStream(COMMITTED.resolveSibling("components.svg"))) {
                // Smetana, PlantUML's own layout engine: no Graphviz needed
                new SourceStringReader(map.replaceFirst("@startuml", "@startuml\n!pragma layout smetana"))
                        .outputImage(svg, new FileFormatOption(FileFormat.SVG));
            }
        }

        // the Documenter writes the same lines in an order that depends on what else ran in the JVM: compare the sets
        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED).lines().sorted().toList())
                .as("the module map changed: run ./mvnw -o -Pfast test -Dtest=ModulesTest -Dmodules.update=true and"
                        + " commit docs/modules/")
                .isEqualTo(map.lines().sorted().toList());
    }
}
