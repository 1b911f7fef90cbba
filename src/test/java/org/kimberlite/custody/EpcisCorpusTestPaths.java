package org.kimberlite.custody;

/** Folders of the OpenEPCIS capture documents in the shared corpus. */
final class EpcisCorpusTestPaths {
  private EpcisCorpusTestPaths() {}

  static final String CAPTURE =
      "epcis/openepcis-test-resources/core/src/main/resources/2.0/EPCIS/JSON/Capture";
  static final String DOCUMENTS = CAPTURE + "/Documents";
  static final String INVALID = CAPTURE + "/Invalid";
}
