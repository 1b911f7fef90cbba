/** Statistics API, CSV downloads and public pages with charts. */
@NullMarked
package org.kimberlite.statistics.web;

import org.jspecify.annotations.NullMarked;
