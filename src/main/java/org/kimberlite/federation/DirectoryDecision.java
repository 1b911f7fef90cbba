package org.kimberlite.federation;

/** What a node makes of a directory offered to it. */
public sealed interface DirectoryDecision {
  /** A newer valid directory: it replaces the one held. */
  record Accepted(Directory directory) implements DirectoryDecision {}

  /** The very directory already held. */
  record Unchanged(Directory directory) implements DirectoryDecision {}

  /** Refused: the one held stays. */
  record Refused(Reason reason, String detail) implements DirectoryDecision {}

  /** Why a directory is refused. */
  enum Reason {
    /** Its signature does not verify with the secretariat's directory key, or it is no JWS. */
    BAD_SIGNATURE,
    /** Its payload is not a directory. */
    MALFORMED,
    /** It is older than the one held. */
    ROLLBACK,
    /** It has the version of the one held but other content. */
    FORK,
    /** It breaks a rule of the directory (a participant served twice, a kid not its key's). */
    INVALID
  }
}
