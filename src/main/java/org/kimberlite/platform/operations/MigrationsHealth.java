package org.kimberlite.platform.operations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness part {@code migrations}: UP when every Flyway migration on the classpath has been
 * applied to the database, DOWN while one is pending or has failed (another node of a newer version
 * migrated ahead is fine: applied migrations this build does not know are ignored).
 */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {
  private final ObjectProvider<Flyway> flyway;

  MigrationsHealth(ObjectProvider<Flyway> flyway) {
    this.flyway = flyway;
  }

  @Override
  public Health health() {
    Flyway f = flyway.getIfAvailable();
    if (f == null) {
      return Health.unknown().withDetail("reason", "no migrations configured").build();
    }
    var info = f.info();
    MigrationInfo current = info.current();
    int pending = info.pending().length;
    long failed = java.util.Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
    Health.Builder b = pending == 0 && failed == 0 ? Health.up() : Health.down();
    return b.withDetail("version", current == null ? "none" : current.getVersion().toString())
        .withDetail("pending", pending)
        .withDetail("failed", failed)
        .build();
  }
}
