package org.kimberlite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared reference corpus (third-party test documents that are not part of the
 * repository): found through {@code KIMBERLITE_CORPUS}, a {@code shared/corpus} folder beside or
 * above the working directory, or {@code /work/shared/corpus}. Tests that need it skip with a
 * printed notice when it is absent.
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  public static Optional<Path> root() {
    String env = System.getenv("KIMBERLITE_CORPUS");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/corpus");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    Path fixed = Path.of("/work/shared/corpus");
    return Files.isDirectory(fixed) ? Optional.of(fixed) : Optional.empty();
  }

  /** The folder {@code relative} of the corpus, or a skipped test when it is not there. */
  public static Path require(String relative) {
    Optional<Path> root = root().map(r -> r.resolve(relative)).filter(Files::isDirectory);
    if (root.isEmpty()) {
      System.err.println("NOTICE: skipping, the shared corpus folder " + relative + " is absent");
      Assumptions.abort("shared corpus " + relative + " is absent");
    }
    return root.get();
  }

  /** Files under {@code folder} whose names end with {@code suffix}, sorted. */
  public static List<Path> files(Path folder, String suffix) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
