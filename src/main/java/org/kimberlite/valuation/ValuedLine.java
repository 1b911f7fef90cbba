package org.kimberlite.valuation;

import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;

/**
 * A parcel line with its price (VAL-01): value = carats × price, rounded half-even to the cent.
 *
 * @param book the price book that priced it
 * @param version the version of that book in force on the valuation date
 */
public record ValuedLine(
    AssortmentClass assortment,
    Carats carats,
    UsdPerCarat price,
    UsdAmount value,
    PriceBookName book,
    int version) {}
