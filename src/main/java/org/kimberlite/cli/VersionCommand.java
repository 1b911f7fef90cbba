package org.kimberlite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Prints the version and the Java runtime. */
@Command(
    mixinStandardHelpOptions = true,
    name = "version",
    description = "Print the version of Kimberlite and of Java.")
final class VersionCommand implements Callable<Integer> {

  static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  @Override
  public Integer call() {
    System.out.println("Kimberlite " + version());
    System.out.println(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.home")
            + ")");
    return 0;
  }

  /** Feeds {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Kimberlite " + version()};
    }
  }
}
