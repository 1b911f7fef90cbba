package org.kimberlite.certification;

import java.util.List;
import org.kimberlite.shared.CountryCode;

/** The declared origin of a shipment: one country, mixed, or a list of countries. */
public record Origin(OriginKind kind, List<CountryCode> countries) {
  public Origin {
    countries = List.copyOf(countries);
  }

  /** The countries' codes as written ("BW"). */
  public List<String> codes() {
    return countries.stream().map(CountryCode::code).toList();
  }

  /** As printed on the certificate: "BW", "Mixed", or "Mixed: BW, ZA". */
  public String display() {
    return switch (kind) {
      case SINGLE -> countries.isEmpty() ? "" : countries.get(0).code();
      case MIXED -> "Mixed";
      case LISTED -> "Mixed: " + String.join(", ", codes());
    };
  }
}
