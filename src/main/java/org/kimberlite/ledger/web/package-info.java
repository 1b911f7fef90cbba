/** The log's HTTP face: C2SP tlog-tiles resources, verifier key, entries and proofs. */
@NullMarked
package org.kimberlite.ledger.web;

import org.jspecify.annotations.NullMarked;
