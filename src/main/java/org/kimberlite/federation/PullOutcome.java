package org.kimberlite.federation;

/** What this node answers when the secretariat's node fetches its statistics documents. */
public sealed interface PullOutcome {
  /** The documents, as the JSON of {@link StatisticsDocuments#pulledToJson}. */
  record Served(byte[] json) implements PullOutcome {
    public Served {
      json = json.clone();
    }

    @Override
    public byte[] json() {
      return json.clone();
    }
  }

  /** This server is a single node. */
  record NotFederated() implements PullOutcome {}

  /** This node holds no directory, or is not listed in it. */
  record NotReady(String detail) implements PullOutcome {}

  /** Refused, with the HTTP status and problem type. */
  record Refused(int status, String type, String detail) implements PullOutcome {}
}
