package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every inclusion and consistency vector of transparency-dev/merkle: wantErr must match. */
class MerkleVectorsTest {
  private static final String INCLUSION = "transparency-dev-merkle/testdata/inclusion";
  private static final String CONSISTENCY = "transparency-dev-merkle/testdata/consistency";

  static Stream<Arguments> inclusionVectors() {
    return vectors(INCLUSION);
  }

  static Stream<Arguments> consistencyVectors() {
    return vectors(CONSISTENCY);
  }

  private static Stream<Arguments> vectors(String dir) {
    Path root = TestData.path(dir);
    return TestData.jsonFiles(dir).stream()
        .map(f -> Arguments.of(root.relativize(f).toString(), f));
  }

  @Test
  void allVectorFilesAreFound() {
    assertThat(TestData.jsonFiles(INCLUSION)).hasSize(98);
    assertThat(TestData.jsonFiles(CONSISTENCY)).hasSize(98);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusionVectors")
  void inclusion(String name, Path file) {
    JsonNode v = TestData.json(file);
    // Sizes are uint64 in the vectors; 2^64-1 becomes -1, which must be refused as well.
    long index = v.get("leafIdx").bigIntegerValue().longValue();
    long size = v.get("treeSize").bigIntegerValue().longValue();
    byte[] leafHash = TestData.b64(v.get("leafHash").asString());
    byte[] root = TestData.b64(v.get("root").asString());
    List<byte[]> proof = proof(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leafHash, index, size, proof, root))
          .as(name + ": " + v.get("desc").asString())
          .isInstanceOf(ProofException.class);
    } else {
      assertThatCode(() -> ProofVerifier.verifyInclusion(leafHash, index, size, proof, root))
          .as(name)
          .doesNotThrowAnyException();
      assertThat(ProofVerifier.rootFromInclusionProof(leafHash, index, size, proof))
          .isEqualTo(root);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyVectors")
  void consistency(String name, Path file) {
    JsonNode v = TestData.json(file);
    long size1 = v.get("size1").bigIntegerValue().longValue();
    long size2 = v.get("size2").bigIntegerValue().longValue();
    byte[] root1 = TestData.b64(v.get("root1").asString());
    byte[] root2 = TestData.b64(v.get("root2").asString());
    List<byte[]> proof = proof(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .as(name + ": " + v.get("desc").asString())
          .isInstanceOf(ProofException.class);
    } else {
      assertThatCode(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .as(name)
          .doesNotThrowAnyException();
    }
  }

  private static List<byte[]> proof(JsonNode node) {
    List<byte[]> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    for (JsonNode h : node) {
      out.add(TestData.b64(h.asString()));
    }
    return out;
  }
}
