package org.kimberlite.federation;

/** Whether a transport key may sign for a node at a given time, per the directory. */
public sealed interface NodeCheck {
  /** Listed and valid: the node and its key. */
  record Listed(DirectoryNode node, NodeKey key) implements NodeCheck {}

  /** No node of the directory lists this key. */
  record Unlisted(String kid) implements NodeCheck {}

  /** Listed, but revoked before that time, or not valid yet. */
  record Invalid(DirectoryNode node, NodeKey key) implements NodeCheck {}
}
