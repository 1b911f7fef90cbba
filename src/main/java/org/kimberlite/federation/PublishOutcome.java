package org.kimberlite.federation;

/** The outcome of publishing a new version of the directory. */
public sealed interface PublishOutcome {
  /** Published: signed, kept and committed to the log. */
  record Published(Directory directory, String jws) implements PublishOutcome {}

  /** Only the KP secretariat publishes the directory. */
  record NotAllowed() implements PublishOutcome {}

  /** This node does not publish the directory (it is not the secretariat's). */
  record NotPublisher() implements PublishOutcome {}

  /** The nodes given break a rule; nothing changed. */
  record Invalid(String field, String detail) implements PublishOutcome {}
}
