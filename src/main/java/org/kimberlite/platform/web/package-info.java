/** Web mechanisms shared by every module: problem responses, request limits, public paths. */
@NullMarked
package org.kimberlite.platform.web;

import org.jspecify.annotations.NullMarked;
