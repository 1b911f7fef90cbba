package org.kimberlite.valuation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.internal.PriceBookRepository;
import org.kimberlite.valuation.internal.ReferenceValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference value of a parcel (VAL-01) from the price books in force on the date; the same
 * request on the same books gives the same valuation.
 */
@Service
public class Valuations {
  /** The most lines a parcel breakdown may have. */
  public static final int MAX_LINES = 500;

  private final PriceBookRepository repository;

  public Valuations(PriceBookRepository repository) {
    this.repository = repository;
  }

  /**
   * Values the parcel on {@code on} with the books in force then, or with {@code book} alone.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_LINES} lines or a class twice
   */
  @Transactional(readOnly = true)
  public Valuation value(LocalDate on, List<ParcelLine> parcel, @Nullable PriceBookName book) {
    if (parcel.size() > MAX_LINES) {
      throw new IllegalArgumentException("a parcel has at most " + MAX_LINES + " lines");
    }
    if (parcel.stream().map(ParcelLine::assortment).distinct().count() != parcel.size()) {
      throw new IllegalArgumentException("each class appears once in a parcel");
    }
    List<PriceBookRepository.Stored> inForce = repository.inForce(on, book);
    Map<Long, Map<AssortmentClass, UsdPerCarat>> prices =
        repository.prices(
            inForce.stream().map(PriceBookRepository.Stored::sequence).toList(),
            parcel.stream().map(ParcelLine::assortment).toList());
    return ReferenceValues.value(
        on,
        parcel,
        inForce.stream()
            .map(
                s ->
                    new ReferenceValues.Priced(
                        s.sequence(), s.book(), prices.getOrDefault(s.sequence(), Map.of())))
            .toList());
  }
}
