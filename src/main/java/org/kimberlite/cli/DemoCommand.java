package org.kimberlite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.kimberlite.certification.demo.CertificationDemo;
import org.kimberlite.custody.demo.CustodyDemo;
import org.kimberlite.governance.demo.GovernanceDemo;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.statistics.demo.StatisticsDemo;
import org.kimberlite.valuation.UploadOutcome;
import org.kimberlite.valuation.demo.ValuationDemo;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the platform with the demo world: on the first run it creates the demo organisations and
 * accounts and writes them to {@code data/demo-accounts.json}; later runs keep the data.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "demo",
    description = "Start the platform on http://127.0.0.1:8080 with a realistic demo world.")
final class DemoCommand implements Callable<Integer> {
  static final String ACCOUNTS_FILE = "demo-accounts.json";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Mixin ServerOptions options = new ServerOptions();
  private final KimberliteCommand.Platform platform;

  DemoCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dataDir = options.dataDir();
    Files.createDirectories(dataDir);
    ConfigurableApplicationContext context =
        platform.start(options.springArgs().toArray(String[]::new));
    Path file = dataDir.toAbsolutePath().normalize().resolve(ACCOUNTS_FILE);
    DemoWorld world = context.getBean(DemoWorld.class);
    List<DemoAccount> accounts;
    if (!world.exists()) {
      accounts = world.create();
      write(file, accounts);
      // The demo's steps act as these accounts: each is signed in once, several side by side.
      DemoSignIns signIns = context.getBean(DemoSignIns.class);
      signIns.signInAll(accounts);
      // Production reports first: due diligence judges the certificates' origins against them.
      context.getBean(StatisticsDemo.class).create();
      System.out.println("Creating a year of demo certificates ...");
      CertificationDemo.Created certificates =
          context.getBean(CertificationDemo.class).create(accounts);
      System.out.println(
          certificates.issued() + " demo certificates issued, confirmed, cancelled or expired.");
      context
          .getBean(ValuationDemo.class)
          .create(accounts)
          .ifPresent(
              o ->
                  System.out.println(
                      o instanceof UploadOutcome.Stored s
                          ? "Demo price book "
                              + s.book().name()
                              + " v"
                              + s.book().version()
                              + " uploaded (illustrative prices)."
                          : "Demo price book not uploaded: " + o));
      context.getBean(GovernanceDemo.class).create(accounts).forEach(System.out::println);
      CustodyDemo.Summary custody = custody(context.getBean(CustodyDemo.class), accounts);
      redFlags(certificates, custody);
      signIns.forget();
    } else if (Files.exists(file)) {
      accounts = JSON.readValue(file.toFile(), new TypeReference<List<DemoAccount>>() {});
    } else {
      accounts = List.of();
      System.out.println(
          "The demo world exists, but "
              + file
              + " is gone, and with it the passwords. Stop, delete "
              + dataDir
              + " and start again for a fresh world.");
    }
    print(
        Running.baseUrl(context),
        context.getBean(TransparencyLog.class).verifierKey(),
        file,
        accounts);
    Running.awaitClose(context);
    return 0;
  }

  /** The demo's chain of custody, and what became of the two planted violations. */
  private static CustodyDemo.Summary custody(CustodyDemo demo, List<DemoAccount> accounts)
      throws InterruptedException {
    System.out.println("Moving demo rough from the mines to retail ...");
    long started = System.nanoTime();
    CustodyDemo.Summary s = demo.create(accounts);
    System.out.printf(
        java.util.Locale.ROOT,
        "%d custody events stored from %d documents in %d ms, under KP certificates %s.%n",
        s.eventsStored(),
        s.documents(),
        (System.nanoTime() - started) / 1_000_000,
        String.join(", ", s.certificates()));
    for (CustodyDemo.Planted p : s.planted()) {
      if (!p.refused()) {
        continue;
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "Planted violation refused (%s): %s, %s (capture job %s).%n",
          p.rules().isEmpty() ? "NOT REFUSED" : String.join(", ", p.rules()),
          p.username(),
          p.attempt(),
          p.jobId());
    }
    s.publicTraces()
        .forEach(
            (piece, id) ->
                System.out.printf(
                    java.util.Locale.ROOT,
                    "Consumer trace of %s: /trace/%s (QR code: /trace/%s/qr.svg).%n",
                    piece,
                    id,
                    id));
    for (String f : s.failures()) {
      System.out.println("Custody demo problem: " + f);
    }
    return s;
  }

  /**
   * The red flags planted for due diligence (docs/diligence.md), each with the accounts to sign in
   * as to see it in the inbox (/console/findings) and answer it.
   */
  private static void redFlags(
      CertificationDemo.Created certificates, CustodyDemo.Summary custody) {
    List<String> lines = new java.util.ArrayList<>();
    for (CertificationDemo.Planted p : certificates.planted()) {
      lines.add(
          p.rule()
              + "  "
              + p.what()
              + " ("
              + p.certificate()
              + "); sign in as "
              + or(p.signInAs()));
    }
    lines.add(
        "DD-03  a counterparty whose RJC certification lapsed ("
            + DemoWorld.LAPSED_RJC
            + "); sign in as "
            + or(List.of("schelde-rough", "varachha-cutting", DemoWorld.LAPSED_RJC, "kp-za")));
    for (CustodyDemo.Planted p : custody.planted()) {
      if (!p.refused()) {
        lines.add(
            String.join(", ", p.rules())
                + "  "
                + p.attempt()
                + " ("
                + p.username()
                + "); sign in as "
                + or(List.of("tapti-diamonds", "schelde-rough", p.username())));
      }
    }
    System.out.println(
        lines.size()
            + " planted red flags, raised by due diligence in a moment (/console/findings):");
    lines.forEach(l -> System.out.println("  " + l));
  }

  private static String or(List<String> usernames) {
    return String.join(" or ", usernames);
  }

  static void write(Path file, List<DemoAccount> accounts) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), accounts);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void print(String base, String logKey, Path file, List<DemoAccount> accounts) {
    StringBuilder out = new StringBuilder();
    out.append('\n')
        .append("Kimberlite demo is running (Ctrl-C stops it; data stays in ")
        .append(file.getParent())
        .append(")\n\n")
        .append("  Home            ")
        .append(base)
        .append("/\n")
        .append("  Sign in         ")
        .append(base)
        .append("/login\n")
        .append("  Participants    ")
        .append(base)
        .append("/participants\n")
        .append("  API             ")
        .append(base)
        .append("/api/v1/participants\n")
        .append("  Statistics      ")
        .append(base)
        .append("/statistics\n")
        .append("  Log checkpoint  ")
        .append(base)
        .append("/log/checkpoint\n")
        .append("  Log key         ")
        .append(logKey)
        .append("\n\n")
        .append("Demo accounts (also in ")
        .append(file)
        .append("):\n");
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "  %-15s %-18s %-44s %s%n",
            "ROLE",
            "USERNAME",
            "ORGANISATION",
            "PASSWORD"));
    for (DemoAccount a : accounts) {
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "  %-15s %-18s %-44s %s%n",
              a.role(),
              a.username(),
              a.organisationName() + " (" + a.country() + ")",
              a.password()));
    }
    System.out.println(out);
  }
}
