/**
 * Backup and restore: the whole database as one file with a manifest (format, database kind, schema
 * version, tree size and latest checkpoint at backup time, SHA-256 of the content), read under one
 * consistent snapshot while the server keeps serving (docs/adr/0009-backup.md).
 */
@NullMarked
@ApplicationModule(
    displayName = "Backup",
    allowedDependencies = {"shared", "shared::*"})
package org.kimberlite.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
