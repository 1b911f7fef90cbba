/**
 * Flyway's migrations written in Java, found by Flyway beside the SQL ones of {@code db/migration}
 * (the same location, so the server, the bench, backup and restore all run them); only for a step
 * that depends on the kind of database.
 */
@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
