/**
 * JMH micro-benchmarks of the platform's hot primitives (hashing, canonical JSON, Ed25519, proof
 * building). Not tests: the normal suite compiles them and never runs them; run them with {@code
 * ./mvnw -B -Pjmh test-compile exec:exec} (docs/BENCHMARKS.md).
 */
@NullMarked
package org.kimberlite.bench;

import org.jspecify.annotations.NullMarked;
