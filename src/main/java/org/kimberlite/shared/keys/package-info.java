/**
 * Secrets at rest: the master key given at start-up and the sealing of every private key under it
 * (Google Tink AEAD, AES-256-GCM), shared by the modules that keep keys (the ledger's log key, the
 * registry's signing keys).
 */
@NullMarked
package org.kimberlite.shared.keys;

import org.jspecify.annotations.NullMarked;
