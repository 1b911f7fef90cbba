package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.EpcisSchema;
import org.kimberlite.custody.internal.EventReader;
import org.kimberlite.custody.internal.ValidityCheck;
import org.kimberlite.support.SharedCorpus;
import tools.jackson.databind.JsonNode;

/**
 * CUS-01 over the public EPCIS corpora (read from the shared corpus, never committed): every GS1
 * example document and every OpenEPCIS capture document is valid (but one, see below); every
 * OpenEPCIS invalid capture document is refused, with a reason.
 */
class EpcisCorpusTest {
  private static final String OPENEPCIS =
      "epcis/openepcis-test-resources/core/src/main/resources/2.0/EPCIS/JSON/Capture";

  /** What the pipeline finds before storing: schema violations, then the CUS-01 checks. */
  static List<String> problems(String body) {
    JsonNode document;
    try {
      document = EpcisDocuments.parse(body);
    } catch (EpcisDocuments.NotADocument e) {
      return List.of("not a document: " + e.getMessage());
    }
    List<String> out = new ArrayList<>();
    for (EpcisSchema.Violation v : EpcisSchema.bundled().validate(document)) {
      out.add(v.pointer() + " " + v.message());
    }
    if (!out.isEmpty()) {
      return out;
    }
    EventHashId.DocumentContext context = EventHashId.DocumentContext.of(document);
    List<ParsedEvent> events = new ArrayList<>();
    List<JsonNode> list = EpcisDocuments.events(document);
    for (int i = 0; i < list.size(); i++) {
      try {
        events.add(EventReader.read(i, list.get(i), context));
      } catch (EventReader.Unreadable e) {
        out.add(e.pointer() + " " + e.getMessage());
      }
    }
    CaptureBatch batch =
        new CaptureBatch(
            UUID.randomUUID(),
            UUID.randomUUID(),
            Instant.EPOCH,
            EpcisDocuments.prefixes(document.get("@context")),
            events);
    for (Finding f : new ValidityCheck().check(batch, NOTHING_STORED)) {
      out.add(f.eventIndex() + f.pointer() + " " + f.rule() + " " + f.message());
    }
    return out;
  }

  static final CustodyState NOTHING_STORED =
      new CustodyState() {
        @Override
        public Set<String> storedHashIds(Collection<String> hashIds) {
          return Set.of();
        }

        @Override
        public List<StoredEvent> eventsNaming(Collection<String> canonicalEpcs, int limit) {
          return List.of();
        }
      };

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyGs1ExampleDocumentIsValid() {
    Path folder = SharedCorpus.require("epcis/gs1-EPCIS/JSON");
    List<Path> documents =
        SharedCorpus.files(folder, ".jsonld").stream()
            .filter(p -> !p.getFileName().toString().equals("EPCISQueryDocument.jsonld"))
            .toList();
    // The GS1 repository holds 46 EPCISDocument examples; the shared corpus may carry fewer.
    assertThat(documents).isNotEmpty();
    System.err.println("GS1 EPCISDocument examples checked: " + documents.size());
    for (Path p : documents) {
      assertThat(problems(read(p))).as(p.getFileName().toString()).isEmpty();
    }
  }

  @Test
  void theGs1QueryDocumentIsValidOutput() {
    Path folder = SharedCorpus.require("epcis/gs1-EPCIS/JSON");
    JsonNode doc =
        EpcisDocuments.mapper().readTree(read(folder.resolve("EPCISQueryDocument.jsonld")));
    assertThat(EpcisSchema.bundled().validate(doc)).isEmpty();
  }

  /**
   * OpenEPCIS capture documents that are meant to be valid but break the official schema once
   * formats are asserted: one event without "type"; a sensor report type that is neither a GS1
   * measurement type nor a URI.
   */
  static final Set<String> NOT_ACTUALLY_VALID =
      Set.of("SensorData_with_combined_events.json", "TransactionEvent_with_userExtensions.json");

  @Test
  void everyOpenEpcisCaptureDocumentIsValidButTheDocumentedExceptions() {
    Path folder = SharedCorpus.require(OPENEPCIS + "/Documents");
    List<Path> documents = SharedCorpus.files(folder, ".json");
    assertThat(documents).isNotEmpty();
    Map<String, List<String>> refused = new TreeMap<>();
    for (Path p : documents) {
      List<String> problems = problems(read(p));
      if (!problems.isEmpty()) {
        refused.put(p.getFileName().toString(), problems);
      }
    }
    assertThat(refused.keySet())
        .as(refused.toString())
        .isEqualTo(new TreeSet<>(NOT_ACTUALLY_VALID));
    System.err.println("OpenEPCIS capture documents checked: " + documents.size());
  }

  @Test
  void everyOpenEpcisInvalidCaptureDocumentIsRefusedWithAReason() {
    Path folder = SharedCorpus.require(OPENEPCIS + "/Invalid");
    List<Path> documents = SharedCorpus.files(folder, ".json");
    assertThat(documents).isNotEmpty();
    for (Path p : documents) {
      assertThat(problems(read(p))).as(p.getFileName().toString()).isNotEmpty();
    }
  }

  @Test
  void nonCbvBareWordsAreRefusedOnlyBecauseUriFormatIsAsserted() {
    Path folder = SharedCorpus.require(OPENEPCIS + "/Invalid");
    for (String name :
        List.of(
            "ObjectEvent_with_non_standard_bizStep_in_second_event.json",
            "ObjectEvent_with_non_standard_disposition.json")) {
      List<String> problems = problems(read(folder.resolve(name)));
      assertThat(problems).as(name).isNotEmpty();
      assertThat(String.join("\n", problems)).as(name).containsPattern("bizStep|disposition");
    }
  }

  @Test
  void anIlmdMemberWithoutANamespaceIsRefusedUnderCus01() {
    Path folder = SharedCorpus.require(OPENEPCIS + "/Invalid");
    // With format assertions on, the schema's rule that every ilmd member name is a URI refuses
    // the bare name; the namespace check (ValidityCheckTest) also wants its prefix declared.
    List<String> problems =
        problems(read(folder.resolve("ObjectEvent_with_ilmd_field_without_namespace.json")));
    assertThat(problems).singleElement().asString().startsWith("/epcisBody/eventList/0/ilmd");
    assertThat(problems.get(0)).contains("materialType");
  }
}
