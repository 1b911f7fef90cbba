/**
 * Statistics internals: production report storage, CSV reading and writing, and the pure policies
 * the module keeps to itself — the three data-quality checks (STAT-02 mirror, STAT-03 anomalies,
 * STAT-04 missing submissions) and the disclosure rule of the public trade matrix.
 */
@NullMarked
package org.kimberlite.statistics.internal;

import org.jspecify.annotations.NullMarked;
