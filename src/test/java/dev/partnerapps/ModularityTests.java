package dev.partnerapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.Options;
import org.springframework.util.FileSystemUtils;

/**
 * The module boundaries each package-info.java declares, checked; and docs/modules/ (module
 * canvases and C4 component diagrams) written from them, so the committed diagrams follow the code.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs", "modules");

    /**
     * Also written by the Documenter, but opened without truncation (Spring Modulith 2.0.3): a shorter
     * description would leave the tail of the previous one behind it, invalid JSON in the build output.
     */
    private static final Path MODULE_METADATA = Path.of("target", "classes", "META-INF", "spring-modulith",
            "application-modules.json");

    private final ApplicationModules modules = ApplicationModules.of(PartnerAppsApplication.class);

    @Test
    void modulesUseOnlyTheirAllowedDependenciesPublicTypesAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyTopLevelPackageIsAVerifiedModule() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("api", "application", "audit", "authserver", "company", "enablement",
                        "errors", "paging", "system", "usage");
    }

    /**
     * Written into a temporary folder first (the Documenter empties its output folder before it
     * writes) and copied over docs/modules only once complete, so a failing run leaves the committed
     * files as they were.
     */
    @Test
    void writesTheModuleDocumentationIntoDocs(@TempDir Path written) throws IOException {
        Files.deleteIfExists(MODULE_METADATA);
        new Documenter(modules, Options.defaults().withOutputFolder(written.toString()))
                .writeDocumentation(DiagramOptions.defaults().withStyle(DiagramStyle.C4),
                        CanvasOptions.defaults());
        try (Stream<Path> files = Files.list(written)) {
            for (Path file : files.toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(written.resolve("components.puml")).content().contains("Component(", "Rel(");
        FileSystemUtils.deleteRecursively(DOCS);
        FileSystemUtils.copyRecursively(written, DOCS);
    }

    /**
     * The Documenter lists relations and events in hash order, which changes from run to run;
     * sorted, the committed files change only when the modules do.
     */
    private static List<String> inStableOrder(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> run = new ArrayList<>();
        boolean firstInCell = false;
        for (String line : lines) {
            boolean listed = line.startsWith("Rel(") || line.startsWith("* `") || line.startsWith("|* `");
            if (listed && (run.isEmpty() || !line.startsWith("|"))) {
                firstInCell = firstInCell || line.startsWith("|");
                run.add(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            flush(run, firstInCell, result);
            firstInCell = false;
            if (listed) {
                firstInCell = true;
                run.add(line.substring(1));
            } else {
                result.add(line);
            }
        }
        flush(run, firstInCell, result);
        return result;
    }

    private static void flush(List<String> run, boolean firstInCell, List<String> result) {
        Collections.sort(run);
        for (int i = 0; i < run.size(); i++) {
            result.add(i == 0 && firstInCell ? "|" + run.get(i) : run.get(i));
        }
        run.clear();
    }
}
