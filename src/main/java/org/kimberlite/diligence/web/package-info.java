/** The due-diligence HTTP API: findings, responses, re-evaluation. */
@NullMarked
package org.kimberlite.diligence.web;

import org.jspecify.annotations.NullMarked;
