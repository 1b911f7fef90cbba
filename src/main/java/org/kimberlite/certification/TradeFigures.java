package org.kimberlite.certification;

import java.util.List;
import org.kimberlite.certification.internal.TradeRepository;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Trade as the certificates record it, for the statistics module (aggregates only). */
@Service
public class TradeFigures {
  private final TradeRepository repository;

  public TradeFigures(TradeRepository repository) {
    this.repository = repository;
  }

  /** Exports by quarter of issue: every certificate that was not cancelled. */
  @Transactional(readOnly = true)
  public List<TradeRow> exports(int fromYear, int toYear) {
    return repository.exports(fromYear, toYear);
  }

  /** Certificates issued for export in a year (not cancelled), by exporting participant. */
  @Transactional(readOnly = true)
  public java.util.Map<ParticipantCode, Long> issuedCounts(int year) {
    return repository.issuedCounts(year);
  }

  /** Shipments imported with a certificate in a year, by importing participant. */
  @Transactional(readOnly = true)
  public java.util.Map<ParticipantCode, Long> importedCounts(int year) {
    return repository.importedCounts(year);
  }

  /** Imports by quarter of confirmation: shipments the importing authority confirmed. */
  @Transactional(readOnly = true)
  public List<TradeRow> imports(int fromYear, int toYear) {
    return repository.imports(fromYear, toYear);
  }
}
