/** Certification HTTP API and pages. */
@NullMarked
package org.kimberlite.certification.web;

import org.jspecify.annotations.NullMarked;
