package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The house rules that a compiler does not check: module boundaries and null-marking. */
class ModuleStructureTest {
  static final ApplicationModules MODULES = ApplicationModules.of(KimberliteApplication.class);

  @Test
  void modulesRespectTheirBoundariesAndAllowedDependencies() {
    // Fails on cycles, on access to another module's internal packages, and on any dependency
    // not listed in the module's allowedDependencies (docs/architecture.md).
    MODULES.verify();
  }

  @Test
  void everyModuleOfTheArchitectureThatExistsIsDetected() {
    List<String> names =
        MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList();
    assertThat(names).contains("shared", "registry", "cli");
  }

  @Test
  void sharedDependsOnNoOtherModule() {
    ApplicationModule shared = MODULES.getModuleByName("shared").orElseThrow();
    assertThat(shared.getBootstrapDependencies(MODULES).toList()).isEmpty();
  }

  @Test
  void everyMainPackageIsNullMarked() throws IOException {
    Path root = Path.of("src/main/java");
    List<Path> packages;
    try (Stream<Path> dirs = Files.walk(root)) {
      packages = dirs.filter(Files::isDirectory).filter(d -> hasJava(d)).toList();
    }
    assertThat(packages).isNotEmpty();
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      assertThat(info).as("package-info.java in " + dir).exists();
      assertThat(Files.readString(info)).as(info.toString()).contains("@NullMarked");
    }
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
