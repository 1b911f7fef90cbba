package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Certificate Transparency reference tree of 8 leaves, built leaf by leaf. */
class ReferenceTreeTest {
  private static final JsonNode TREE = TestData.json("rfc6962/rfc6962-reference-tree.json");

  private static MemoryTree build(int leaves) {
    MemoryTree tree = new MemoryTree();
    JsonNode inputs = TREE.get("leafInputsHex");
    for (int i = 0; i < leaves; i++) {
      tree.appendEntry(TestData.hex(inputs.get(i).asString()));
    }
    return tree;
  }

  @Test
  void emptyRootAndHashPrimitives() {
    assertThat(TestData.hex(Rfc6962.emptyRoot()))
        .isEqualTo(TREE.get("emptyTreeRootHex").asString());
    assertThat(TestData.hex(TreeMath.rootHash(0, new MemoryTree())))
        .isEqualTo(TREE.get("emptyTreeRootHex").asString());
    JsonNode level0 = TREE.get("nodeHashesHex").get("level0");
    JsonNode level1 = TREE.get("nodeHashesHex").get("level1");
    assertThat(TestData.hex(Rfc6962.leafHash(new byte[0]))).isEqualTo(level0.get(0).asString());
    assertThat(
            TestData.hex(
                Rfc6962.nodeHash(
                    TestData.hex(level0.get(0).asString()),
                    TestData.hex(level0.get(1).asString()))))
        .isEqualTo(level1.get(0).asString());
  }

  @Test
  void appendingLeafByLeafReproducesEveryRootAndStoredNode() {
    MemoryTree tree = new MemoryTree();
    JsonNode inputs = TREE.get("leafInputsHex");
    JsonNode roots = TREE.get("rootHashesBySizeHex");
    assertThat(TestData.hex(TreeMath.rootHash(0, tree))).isEqualTo(roots.get("0").asString());
    for (int i = 0; i < 8; i++) {
      tree.appendEntry(TestData.hex(inputs.get(i).asString()));
      long size = tree.size();
      assertThat(TestData.hex(TreeMath.rootHash(size, tree.bounded(size))))
          .as("root of size " + size)
          .isEqualTo(roots.get(Long.toString(size)).asString());
    }
    JsonNode nodes = TREE.get("nodeHashesHex");
    for (int level = 0; level <= 3; level++) {
      JsonNode expected = nodes.get("level" + level);
      for (int index = 0; index < expected.size(); index++) {
        assertThat(TestData.hex(tree.hash(level, index)))
            .as("node " + level + "/" + index)
            .isEqualTo(expected.get(index).asString());
      }
    }
  }

  @Test
  void everyRootIsReproducedFromTheFullTree() {
    MemoryTree tree = build(8);
    JsonNode roots = TREE.get("rootHashesBySizeHex");
    for (int size = 0; size <= 8; size++) {
      assertThat(TestData.hex(TreeMath.rootHash(size, tree.bounded(size))))
          .isEqualTo(roots.get(Integer.toString(size)).asString());
    }
  }

  @Test
  void publishedInclusionProofs() {
    MemoryTree tree = build(8);
    JsonNode vectors = TREE.get("inclusionProofs");
    assertThat(vectors.size()).isPositive();
    for (JsonNode v : vectors) {
      long index = v.get("leafIndex").asLong();
      long size = v.get("treeSize").asLong();
      byte[] leafHash = TestData.hex(v.get("leafHashHex").asString());
      assertThat(Rfc6962.leafHash(TestData.hex(v.get("leafInputHex").asString())))
          .isEqualTo(leafHash);
      List<byte[]> proof = TreeMath.inclusionProof(index, size, tree.bounded(size));
      assertThat(TestData.hexStrings(proof))
          .as("PATH(%d, D[%d])", index, size)
          .containsExactlyElementsOf(strings(v.get("auditPathHex")));
      ProofVerifier.verifyInclusion(
          leafHash, index, size, proof, TestData.hex(v.get("rootHex").asString()));
    }
  }

  @Test
  void publishedConsistencyProofs() {
    MemoryTree tree = build(8);
    JsonNode vectors = TREE.get("consistencyProofs");
    assertThat(vectors.size()).isPositive();
    for (JsonNode v : vectors) {
      long size1 = v.get("size1").asLong();
      long size2 = v.get("size2").asLong();
      byte[] root1 = TestData.hex(v.get("root1Hex").asString());
      byte[] root2 = TestData.hex(v.get("root2Hex").asString());
      assertThat(TreeMath.rootHash(size1, tree)).isEqualTo(root1);
      assertThat(TreeMath.rootHash(size2, tree)).isEqualTo(root2);
      List<byte[]> proof = TreeMath.consistencyProof(size1, size2, tree.bounded(size2));
      assertThat(TestData.hexStrings(proof))
          .as("PROOF(%d, D[%d])", size1, size2)
          .containsExactlyElementsOf(strings(v.get("proofHex")));
      ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof);
    }
  }

  @Test
  void derivedInclusionAndConsistencyProofs() {
    MemoryTree tree = build(8);
    JsonNode roots = TREE.get("rootHashesBySizeHex");
    JsonNode derived = TREE.get("derived");
    int inclusions = 0;
    for (JsonNode v : derived.get("allInclusionProofs")) {
      long index = v.get("leafIndex").asLong();
      long size = v.get("treeSize").asLong();
      List<byte[]> proof = TreeMath.inclusionProof(index, size, tree.bounded(size));
      assertThat(TestData.hexStrings(proof))
          .as("PATH(%d, D[%d])", index, size)
          .containsExactlyElementsOf(strings(v.get("auditPathHex")));
      ProofVerifier.verifyInclusion(
          tree.hash(0, index),
          index,
          size,
          proof,
          TestData.hex(roots.get(Long.toString(size)).asString()));
      inclusions++;
    }
    assertThat(inclusions).isEqualTo(36); // 1 + 2 + ... + 8
    int consistencies = 0;
    for (JsonNode v : derived.get("allConsistencyProofs")) {
      long size1 = v.get("size1").asLong();
      long size2 = v.get("size2").asLong();
      List<byte[]> proof = TreeMath.consistencyProof(size1, size2, tree.bounded(size2));
      assertThat(TestData.hexStrings(proof))
          .as("PROOF(%d, D[%d])", size1, size2)
          .containsExactlyElementsOf(strings(v.get("proofHex")));
      ProofVerifier.verifyConsistency(
          size1,
          size2,
          TestData.hex(roots.get(Long.toString(size1)).asString()),
          TestData.hex(roots.get(Long.toString(size2)).asString()),
          proof);
      consistencies++;
    }
    assertThat(consistencies).isEqualTo(28); // every 1 <= m < n <= 8
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
