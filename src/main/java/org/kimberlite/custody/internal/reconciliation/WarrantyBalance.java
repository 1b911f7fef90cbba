package org.kimberlite.custody.internal.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.custody.internal.rules.Breach;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;

/**
 * SOW-05: over a period, an organisation's warranted carats bought (received or mined) plus its
 * opening stock cover its warranted carats sold, its closing stock and what manufacturing lost.
 * Flags a shortfall beyond the tolerance; a surplus (warranted goods that left without a warranty,
 * or are missing) is a difference to explain, not a breach. Every difference is listed: each lot
 * whose carats in and out of stock do not match, each manufacturing event whose outputs outweigh
 * its inputs, each packing that changed the weight.
 */
@Policy(rules = "SOW-05")
public final class WarrantyBalance {
  static final String SOW_05 = "SOW-05";

  private WarrantyBalance() {}

  /**
   * The period's warranted totals.
   *
   * @param bought received from others or commissioned (mined)
   * @param sold shipped with a warranty or sold to consumers
   */
  public record Figures(
      Carats opening,
      Carats bought,
      Carats sold,
      Carats closing,
      Carats consumed,
      Carats produced) {}

  /**
   * One lot's warranted carats: held at the start, in and out during the period, held at the end.
   */
  public record LotFlow(String epc, Carats opening, Carats in, Carats out, Carats closing) {}

  /** One transformation or aggregation in the period: its warranted inputs and outputs. */
  public record EventFlow(
      String hashId, Carats consumed, Carats produced, Carats packed, Carats parcelled) {}

  /** What a difference concerns. */
  public enum DifferenceKind {
    /** A lot whose carats out of stock do not match its carats in. */
    LOT,
    /** A transformation whose warranted outputs outweigh its warranted inputs. */
    MANUFACTURING_GAIN,
    /** An aggregation whose parent does not weigh what its warranted children weigh. */
    PACKING
  }

  /**
   * A difference nothing explains.
   *
   * @param subject the lot (canonical EPC or class) or the event's hash ID
   * @param surplus warranted carats in that did not go out (at most one of surplus and shortfall is
   *     not zero)
   * @param shortfall warranted carats out that did not come in
   */
  public record Difference(
      DifferenceKind kind, String subject, Carats surplus, Carats shortfall, String message) {}

  /**
   * The judgement.
   *
   * @param loss manufacturing loss: the warranted inputs of each transformation less its outputs
   * @param surplus opening and bought less sold, closing and loss, when positive
   * @param shortfall sold, closing and loss less opening and bought, when positive
   * @param balanced the two sides differ by no more than the tolerance
   */
  public record Balance(
      Carats loss,
      Carats surplus,
      Carats shortfall,
      boolean balanced,
      List<Breach> breaches,
      List<Difference> differences) {
    public Balance {
      breaches = List.copyOf(breaches);
      differences = List.copyOf(differences);
    }
  }

  public static Balance judge(
      Figures f, List<LotFlow> lots, List<EventFlow> events, Carats tolerance) {
    List<Difference> differences = new ArrayList<>();
    BigDecimal loss = BigDecimal.ZERO;
    for (EventFlow e : events) {
      BigDecimal made = e.produced().value().subtract(e.consumed().value());
      if (made.signum() < 0) {
        loss = loss.add(made.negate());
      } else if (made.signum() > 0) {
        differences.add(
            difference(
                DifferenceKind.MANUFACTURING_GAIN,
                e.hashId(),
                made.negate(),
                "the warranted outputs weigh "
                    + e.produced()
                    + " ct, more than the warranted inputs' "
                    + e.consumed()
                    + " ct"));
      }
      BigDecimal packing = e.packed().value().subtract(e.parcelled().value());
      if (packing.signum() != 0) {
        differences.add(
            difference(
                DifferenceKind.PACKING,
                e.hashId(),
                packing,
                "the warranted children weigh "
                    + e.packed()
                    + " ct, their parcel "
                    + e.parcelled()
                    + " ct"));
      }
    }
    for (LotFlow l : lots) {
      BigDecimal rest =
          l.opening()
              .value()
              .add(l.in().value())
              .subtract(l.out().value())
              .subtract(l.closing().value());
      if (rest.signum() != 0) {
        differences.add(
            difference(
                DifferenceKind.LOT,
                l.epc(),
                rest,
                "held at the start "
                    + l.opening()
                    + " ct, in "
                    + l.in()
                    + " ct, out "
                    + l.out()
                    + " ct, held at the end "
                    + l.closing()
                    + " ct (warranted)"));
      }
    }
    BigDecimal balance =
        f.opening()
            .value()
            .add(f.bought().value())
            .subtract(f.sold().value())
            .subtract(f.closing().value())
            .subtract(loss);
    Carats surplus = balance.signum() > 0 ? Carats.of(balance) : Carats.ZERO;
    Carats shortfall = balance.signum() < 0 ? Carats.of(balance.negate()) : Carats.ZERO;
    boolean balanced = balance.abs().compareTo(tolerance.value()) <= 0;
    List<Breach> breaches = new ArrayList<>();
    if (shortfall.compareTo(tolerance) > 0) {
      breaches.add(
          new Breach(
              SOW_05,
              Breach.Effect.FLAG,
              "warranted carats out (sold "
                  + f.sold()
                  + ", closing stock "
                  + f.closing()
                  + ", manufacturing loss "
                  + Carats.of(loss)
                  + ") exceed warranted carats in (opening stock "
                  + f.opening()
                  + ", bought "
                  + f.bought()
                  + ") by "
                  + shortfall
                  + " ct"));
    }
    return new Balance(Carats.of(loss), surplus, shortfall, balanced, breaches, differences);
  }

  private static Difference difference(
      DifferenceKind kind, String subject, BigDecimal signed, String message) {
    return new Difference(
        kind,
        subject,
        signed.signum() > 0 ? Carats.of(signed) : Carats.ZERO,
        signed.signum() < 0 ? Carats.of(signed.negate()) : Carats.ZERO,
        message);
  }
}
