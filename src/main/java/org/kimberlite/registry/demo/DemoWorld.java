package org.kimberlite.registry.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.CountryCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's registry part: KP authorities of the main trading participants, the KP
 * secretariat, an auditor, and fictional companies at every stage of the pipeline, each with one
 * administrator account whose password is generated at random. Every company has a current SoW
 * registration ID and a current RJC certification, except the one planted lapse ({@link
 * #LAPSED_RJC}), so that due diligence (DD-03) flags that counterparty alone.
 */
@Service
public class DemoWorld {
  static final String SEED = "demo-world";
  private static final String PASSWORD_ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Organisations organisations;
  private final Accounts accounts;
  private final ParticipantRepository participants;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DemoWorld(
      Organisations organisations,
      Accounts accounts,
      ParticipantRepository participants,
      Clock clock) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.participants = participants;
    this.clock = clock;
  }

  /** One fictional organisation of the demo world and its account's username. */
  record Member(
      String username,
      String name,
      String country,
      OrganisationRole role,
      @Nullable String sowId,
      @Nullable String rjcNumber,
      int rjcTerm,
      int rjcMonthsAgo) {}

  /**
   * The demo company whose RJC certification has lapsed (a planted DD-03 red flag): certified for
   * three years from 38 months ago, so it lapsed two months before the demo's today.
   */
  public static final String LAPSED_RJC = "limpopo-mining";

  static List<Member> members() {
    return List.of(
        authority(
            "kp-secretariat",
            "KP Permanent Secretariat (demo)",
            "BW",
            OrganisationRole.KP_SECRETARIAT),
        authority("kp-bw", "Botswana KP Authority (demo)", "BW", OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-ru", "Russian Federation KP Authority (demo)", "RU", OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-eu-be",
            "EU KP Authority, Antwerp office (demo)",
            "BE",
            OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-ae", "United Arab Emirates KP Office (demo)", "AE", OrganisationRole.KP_AUTHORITY),
        authority("kp-in", "India KP Authority (demo)", "IN", OrganisationRole.KP_AUTHORITY),
        authority("kp-ca", "Canada KP Office (demo)", "CA", OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-za", "South Africa Diamond Regulator (demo)", "ZA", OrganisationRole.KP_AUTHORITY),
        authority("kp-cd", "DRC KP Authority (demo)", "CD", OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-us", "United States KP Authority (demo)", "US", OrganisationRole.KP_AUTHORITY),
        authority(
            "kp-cf",
            "Central African Republic KP Authority (demo)",
            "CF",
            OrganisationRole.KP_AUTHORITY),
        company("kalahari-mining", "Kalahari Rough Mining Ltd", "BW", OrganisationRole.MINER, 3),
        company("tundra-mines", "Tundra Lakes Diamond Mines Inc.", "CA", OrganisationRole.MINER, 3),
        // Planted red flag (DD-03): this counterparty's RJC certification lapsed two months ago.
        lapsed(
            company(LAPSED_RJC, "Limpopo Kimberlite (Pty) Ltd", "ZA", OrganisationRole.MINER, 3)),
        company(
            "kasai-coop", "Kasai Artisanal Diamond Cooperative", "CD", OrganisationRole.MINER, 1),
        company(
            "bangui-rough", "Bangui Rough Diamond Export SARL", "CF", OrganisationRole.TRADER, 0),
        company("lena-rough", "Lena River Rough Diamonds JSC", "RU", OrganisationRole.MINER, 3),
        company(
            "gaborone-sorting", "Gaborone Rough Sorting House", "BW", OrganisationRole.TRADER, 3),
        company("schelde-rough", "Schelde Rough Trading NV", "BE", OrganisationRole.TRADER, 3),
        company("creek-diamonds", "Creek Diamond Trading DMCC", "AE", OrganisationRole.TRADER, 1),
        company(
            "tapti-diamonds",
            "Tapti Diamond Manufacturing Pvt Ltd",
            "IN",
            OrganisationRole.MANUFACTURER,
            3),
        company(
            "varachha-cutting",
            "Varachha Brilliant Cutting Works",
            "IN",
            OrganisationRole.MANUFACTURER,
            1),
        company(
            "deccan-lgd",
            "Deccan Laboratory-Grown Diamonds Pvt Ltd",
            "IN",
            OrganisationRole.MANUFACTURER,
            3),
        company(
            "meridian-lab",
            "Meridian Gemmological Laboratory",
            "BE",
            OrganisationRole.GRADING_LAB,
            3),
        company(
            "atelier-lumen",
            "Atelier Lumen Jewellery S.r.l.",
            "IT",
            OrganisationRole.MANUFACTURER,
            3),
        company(
            "hudson-jewelry",
            "Hudson Fine Jewelry Makers LLC",
            "US",
            OrganisationRole.MANUFACTURER,
            3),
        company("carat-crown", "Carat & Crown Jewelers", "US", OrganisationRole.RETAILER, 3),
        company("maison-etoile", "Maison Étoile Joaillerie", "FR", OrganisationRole.RETAILER, 1),
        company("lens-assurance", "Ledger & Lens Assurance", "GB", OrganisationRole.AUDITOR, 3));
  }

  private static Member authority(
      String username, String name, String country, OrganisationRole role) {
    return new Member(username, name, country, role, null, null, 0, 0);
  }

  private static Member company(
      String username, String name, String country, OrganisationRole role, int rjcTerm) {
    String sowId =
        "SOW-"
            + country
            + "-"
            + String.format(java.util.Locale.ROOT, "%05d", Math.abs(username.hashCode()) % 100000);
    String rjc =
        rjcTerm == 0
            ? null
            : "RJC-"
                + String.format(
                    java.util.Locale.ROOT, "%07d", Math.abs(name.hashCode()) % 10_000_000);
    return new Member(username, name, country, role, sowId, rjc, rjcTerm, 5);
  }

  /** The same company, its certification issued long enough ago to have lapsed two months ago. */
  private static Member lapsed(Member m) {
    return new Member(
        m.username(),
        m.name(),
        m.country(),
        m.role(),
        m.sowId(),
        m.rjcNumber(),
        m.rjcTerm(),
        m.rjcTerm() * 12 + 2);
  }

  /** Whether the demo world was created in this database before. */
  @Transactional(readOnly = true)
  public boolean exists() {
    return participants.seeded(SEED);
  }

  /**
   * Creates the demo world's organisations and accounts, once, in one transaction.
   *
   * @return the accounts with their generated passwords (kept nowhere else in clear)
   */
  @Transactional
  public List<DemoAccount> create() {
    if (participants.seeded(SEED)) {
      throw new IllegalStateException("The demo world exists already");
    }
    LocalDate today = LocalDate.now(clock);
    List<DemoAccount> out = new ArrayList<>();
    List<Accounts.NewSeedAccount> seeds = new ArrayList<>();
    for (Member m : members()) {
      Organisation organisation =
          organisations.registerSeed(
              new NewOrganisation(
                  m.name(),
                  CountryCode.of(m.country()),
                  Set.of(m.role()),
                  m.sowId() == null ? null : new SowRegistration(m.sowId(), today.plusMonths(7)),
                  m.rjcNumber() == null
                      ? null
                      : new RjcCertification(
                          m.rjcNumber(), today.minusMonths(m.rjcMonthsAgo()), m.rjcTerm())));
      String password = password();
      seeds.add(
          new Accounts.NewSeedAccount(
              organisation.id(), new NewAccount(m.username(), "Demo " + m.name(), password, true)));
      out.add(
          new DemoAccount(
              organisation.id(),
              organisation.name(),
              organisation.country(),
              organisation.participant(),
              m.role(),
              m.username(),
              password));
    }
    // The accounts together: their passwords are hashed side by side.
    accounts.createAll(seeds);
    participants.recordSeed(
        SEED, today, "Fictional demo organisations created by ./kimberlite demo", clock.instant());
    return out;
  }

  private String password() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return sb.toString();
  }
}
