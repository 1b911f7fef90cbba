package org.kimberlite.federation;

/** The importing node's answer to a delivery. */
public sealed interface ReceiveOutcome {
  /** Verified and kept. */
  record Accepted(IncomingCertificate certificate) implements ReceiveOutcome {}

  /** Received before (the same delivery, or the same certificate): nothing changed. */
  record AlreadyReceived(IncomingCertificate certificate) implements ReceiveOutcome {}

  /** A confirmation verified and recorded in the certificate's lifecycle. */
  record ConfirmationAccepted(ReceivedConfirmation confirmation) implements ReceiveOutcome {}

  /** A confirmation recorded before (the same delivery, or the same signed confirmation). */
  record ConfirmationAlreadyReceived(ReceivedConfirmation confirmation) implements ReceiveOutcome {}

  /** This server is not a node of a federation. */
  record NotFederated() implements ReceiveOutcome {}

  /** This node holds no directory yet, or is not listed in it: the sender tries later. */
  record NotReady(String detail) implements ReceiveOutcome {}

  /**
   * Refused; nothing stored.
   *
   * @param status the HTTP status: 400 for a content digest that is not the body's, 401 for a
   *     request not signed by a valid key of a listed node, 409 for another certificate under a
   *     number already received, 422 for a delivery that does not verify (or a confirmation the
   *     certificate's lifecycle refuses: type the KP rule)
   * @param type the problem type (an anchor of docs/rules.md)
   * @param field the member at fault, when the body cannot be read
   */
  record Refused(
      int status, String type, String detail, @org.jspecify.annotations.Nullable String field)
      implements ReceiveOutcome {}
}
