package org.kimberlite.valuation;

import java.util.Objects;
import org.kimberlite.shared.Carats;

/**
 * One line of a parcel's breakdown: the carats of an assortment class.
 *
 * @param assortment the class
 * @param carats its weight in the parcel
 */
public record ParcelLine(AssortmentClass assortment, Carats carats) {
  public ParcelLine {
    Objects.requireNonNull(assortment, "assortment");
    Objects.requireNonNull(carats, "carats");
  }
}
