package org.kimberlite.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the driver send a JDBC batch of inserts as multi-row inserts ({@code
 * reWriteBatchedInserts}): the same rows in the same order, in one statement per up to 128 rows
 * instead of one statement execution per row (capture writes five such batches per document). The
 * update counts of rewritten inserts read {@code SUCCESS_NO_INFO}; no insert batch reads them. A
 * connection URL that sets the option itself keeps its own choice; other databases are left alone.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {
  static final String OPTION = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && applies(pool.getJdbcUrl())) {
      pool.addDataSourceProperty(OPTION, "true");
    }
    return bean;
  }

  /** Whether the option is added for this URL: PostgreSQL, and not already set in the URL. */
  static boolean applies(@Nullable String url) {
    return url != null
        && url.startsWith("jdbc:postgresql:")
        && !url.toLowerCase(Locale.ROOT).contains(OPTION.toLowerCase(Locale.ROOT));
  }
}
