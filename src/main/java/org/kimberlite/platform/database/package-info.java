/**
 * How the platform talks to its database, whatever module uses it: settings of the connection pool
 * that depend on the kind of database.
 */
@NullMarked
package org.kimberlite.platform.database;

import org.jspecify.annotations.NullMarked;
