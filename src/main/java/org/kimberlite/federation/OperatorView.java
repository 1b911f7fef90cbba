package org.kimberlite.federation;

/** A read meant for the operators of this node: what they asked for, or a refusal. */
public sealed interface OperatorView<T> {

  /** The caller runs the node (the KP secretariat or a KP authority): here it is. */
  record Shown<T>(T value) implements OperatorView<T> {}

  /** The caller does not run the node. */
  record NotAllowed<T>() implements OperatorView<T> {}
}
