package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CUS-01's namespace rule, accepted and refused, on documents of our own. */
class ValidityCheckTest {
  static String document(String context, String ilmd, String extension) {
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"%s],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T10:00:00Z",
         "epcisBody": {"eventList": [
           {"type": "ObjectEvent", "eventTime": "2024-05-01T10:00:00Z",
            "eventTimeZoneOffset": "+00:00", "action": "ADD",
            "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "bizStep": "commissioning",
            "ilmd": {%s}%s}
         ]}}
        """
        .formatted(context, ilmd, extension);
  }

  @Test
  void namespacedMembersWithADeclaredPrefixAreAccepted() {
    String doc =
        document(
            ", {\"kim\": \"https://kimberlite.example/ns/\"}",
            "\"kim:carats\": \"1.25\", \"cbvmda:lotNumber\": \"L1\"",
            ", \"kim:origin\": \"BW\"");
    assertThat(EpcisCorpusTest.problems(doc)).isEmpty();
  }

  @Test
  void aFullIriNeedsNoPrefix() {
    String doc = document("", "\"https://kimberlite.example/ns/carats\": \"1.25\"", "");
    assertThat(EpcisCorpusTest.problems(doc)).isEmpty();
  }

  @Test
  void anUndeclaredPrefixInIlmdIsRefusedUnderCus01() {
    String doc = document("", "\"kim:carats\": \"1.25\"", "");
    assertThat(EpcisCorpusTest.problems(doc))
        .containsExactly(
            "0/ilmd/kim:carats CUS-01 a member of ilmd is named with a prefix the @context"
                + " declares, or a full IRI");
  }

  @Test
  void anUndeclaredPrefixOnAnExtensionIsRefusedUnderCus01() {
    String doc = document("", "", ", \"kim:origin\": \"BW\"");
    List<String> problems = EpcisCorpusTest.problems(doc);
    assertThat(problems).singleElement().asString().startsWith("0/kim:origin CUS-01");
  }
}
