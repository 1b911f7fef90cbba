/** Governance's HTTP API and console pages. */
@NullMarked
package org.kimberlite.governance.web;

import org.jspecify.annotations.NullMarked;
