package org.kimberlite.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.kimberlite.backup.BackupException;
import org.kimberlite.backup.Backups;
import org.kimberlite.backup.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The running server's side of {@code ./kimberlite backup} on the embedded database, whose file
 * only the server may open: the command drops {@code <id>.request} into {@code
 * data/backup-requests/}; within a second the server writes {@code <id>.backup} there from its own
 * connection (or {@code <id>.failed} with the reason). Whoever may write the data folder is the
 * operator; nothing listens on the network for this. Only a serving platform answers (the
 * command-line tools that start it do not).
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class BackupRequests {
  static final String FOLDER = "backup-requests";
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(BackupRequests.class);

  private final DataSource dataSource;
  private final Clock clock;
  private final Path folder;

  BackupRequests(
      DataSource dataSource, Clock clock, @Value("${kimberlite.data-dir}") String dataDir) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.folder = Path.of(dataDir).resolve(FOLDER);
  }

  @Scheduled(fixedDelay = 1000, initialDelay = 1000)
  void serve() {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> requests = Files.newDirectoryStream(folder, "*.request")) {
      for (Path request : requests) {
        String name = request.getFileName().toString();
        String id = name.substring(0, name.length() - ".request".length());
        if (ID.matcher(id).matches()) {
          answer(id);
        }
        Files.deleteIfExists(request);
      }
    } catch (IOException e) {
      log.warn("Cannot read the backup requests in {}: {}", folder, e.toString());
    }
  }

  private void answer(String id) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      Manifest m = Backups.backup(c, folder.resolve(id + ".backup"), clock);
      log.info(
          "Backup {} written: {} rows, tree size {}", id, m.rows(), Long.valueOf(m.treeSize()));
    } catch (SQLException | BackupException e) {
      Files.writeString(
          folder.resolve(id + ".failed"), String.valueOf(e.getMessage()), StandardCharsets.UTF_8);
    }
  }
}
