package org.kimberlite.certification;

import java.util.List;

/** The declared origin of a shipment: one country, mixed, or a list of countries. */
public record Origin(OriginKind kind, List<String> countries) {
  public Origin {
    countries = List.copyOf(countries);
  }

  /** As printed on the certificate: "BW", "Mixed", or "Mixed: BW, ZA". */
  public String display() {
    return switch (kind) {
      case SINGLE -> countries.isEmpty() ? "" : countries.get(0);
      case MIXED -> "Mixed";
      case LISTED -> "Mixed: " + String.join(", ", countries);
    };
  }
}
