package org.kimberlite.valuation;

import java.util.Objects;
import org.kimberlite.shared.UsdPerCarat;

/**
 * One row of a price book: the price of an assortment class in US dollars per carat.
 *
 * @param assortment the class priced
 * @param price its price, more than zero
 */
public record PriceLine(AssortmentClass assortment, UsdPerCarat price) {
  public PriceLine {
    Objects.requireNonNull(assortment, "assortment");
    Objects.requireNonNull(price, "price");
    if (price.value().signum() <= 0) {
      throw new IllegalArgumentException("a price is more than zero");
    }
  }
}
