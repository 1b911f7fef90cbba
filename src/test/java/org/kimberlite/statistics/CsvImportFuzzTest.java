package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Participants;
import org.kimberlite.statistics.internal.Csv;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz targets for the CSV files the statistics module imports: the Csv reader, and the import of
 * published kp-stats production figures. Each reads the file or refuses it with an
 * IllegalArgumentException, nothing else. The import runs against an in-memory repository.
 *
 * <p>Kept inputs: src/test/resources/org/kimberlite/statistics/CsvImportFuzzTestInputs/
 * &lt;method&gt;/; to fuzz one: {@code JAZZER_FUZZ=1 ./mvnw -B test
 * -Dtest='CsvImportFuzzTest#productionCsv' -Djazzer.hooks=true} (30 s, the maxDuration of the
 * annotation).
 */
class CsvImportFuzzTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @FuzzTest(maxDuration = "30s")
  void csv(byte[] input) {
    FuzzRuns.count("CsvImportFuzzTest#csv");
    try {
      Csv.Table table = Csv.read(new StringReader(new String(input, StandardCharsets.UTF_8)));
      for (var entry : table.header().entrySet()) {
        assertThat(table.column(entry.getKey())).isEqualTo(entry.getValue());
      }
    } catch (IllegalArgumentException refused) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void productionCsv(byte[] input) {
    FuzzRuns.count("CsvImportFuzzTest#productionCsv");
    PublishedFigures figures =
        new PublishedFigures(new MemoryProduction(), mock(Participants.class), CLOCK);
    String csv = new String(input, StandardCharsets.UTF_8);
    try {
      figures.importProductionCsv(new StringReader(csv), null);
    } catch (IllegalArgumentException refused) {
      // documented
    }
  }

  /** Production reports kept in a list. */
  static final class MemoryProduction extends ProductionRepository {
    private final List<ProductionReport> reports = new ArrayList<>();

    MemoryProduction() {
      super(null);
    }

    @Override
    public int nextRevision(String label, int year, String half) {
      return (int)
              reports.stream()
                  .filter(r -> r.label().equals(label) && r.year() == year && r.half().equals(half))
                  .count()
          + 1;
    }

    @Override
    public void insert(ProductionReport r) {
      reports.add(r);
    }

    @Override
    public List<ProductionReport> history(String label, @Nullable Integer year) {
      return reports.stream()
          .filter(r -> r.label().equals(label) && (year == null || r.year() == year))
          .toList();
    }
  }
}
