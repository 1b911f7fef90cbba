/**
 * The System of Warranties reconciliation (SOW-05, docs/custody.md "Warranty reconciliation"): the
 * warranted movements of goods kept at capture, their aggregates per organisation and period, the
 * balance and its differences, and the report's CSV and PDF forms.
 */
@NullMarked
package org.kimberlite.custody.internal.reconciliation;

import org.jspecify.annotations.NullMarked;
