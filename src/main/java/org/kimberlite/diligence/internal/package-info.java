/** Due diligence's internals: the evaluator, listeners, jobs and repositories (SQL). */
@NullMarked
package org.kimberlite.diligence.internal;

import org.jspecify.annotations.NullMarked;
