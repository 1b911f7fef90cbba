/** The table copy (plain JDBC over every table) and the server side of a backup request. */
@NullMarked
package org.kimberlite.backup.internal;

import org.jspecify.annotations.NullMarked;
