package org.kimberlite.valuation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.valuation.PriceBookName;
import org.kimberlite.valuation.PriceBooks;
import org.kimberlite.valuation.UploadOutcome;
import org.springframework.stereotype.Service;

/**
 * The demo world's price book: a small book of illustrative (invented) prices, uploaded and signed
 * by Botswana's KP authority, in force for this calendar year, so the valuation screen shows
 * something.
 */
@Service
public class ValuationDemo {
  static final PriceBookName NAME = PriceBookName.of("DEMO-BW-ROUGH");
  static final String RESOURCE = "valuation/demo-price-book.csv";

  private final PriceBooks books;
  private final DemoSignIns accounts;
  private final Clock clock;

  public ValuationDemo(PriceBooks books, DemoSignIns accounts, Clock clock) {
    this.books = books;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Uploads the demo book as Botswana's authority; the outcome, or empty without that account. */
  public Optional<UploadOutcome> create(List<DemoAccount> demoAccounts) {
    Optional<Caller> authority =
        demoAccounts.stream()
            .filter(
                a ->
                    a.role() == OrganisationRole.KP_AUTHORITY
                        && ParticipantCode.of("BW").equals(a.participant()))
            .findFirst()
            .flatMap(accounts::signIn);
    if (authority.isEmpty()) {
      return Optional.empty();
    }
    byte[] csv;
    try (InputStream in = ValuationDemo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      csv = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int year = LocalDate.now(clock).getYear();
    return Optional.of(
        books.upload(
            authority.get(), NAME, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), csv));
  }
}
