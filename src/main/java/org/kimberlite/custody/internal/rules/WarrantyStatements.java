package org.kimberlite.custody.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Policy;

/**
 * SOW-01 and SOW-02 (docs/rules.md): recognises the System of Warranties statement on a trade
 * (business-to-business) invoice line and decides whether the wording it uses is still accepted on
 * the invoice's date for the kind of goods sold.
 *
 * <p><b>Recognition.</b> The text is compared word by word (see {@code Words}): case, spacing, line
 * breaks, quotes (straight or typographic), brackets, slashes and other punctuation do not matter,
 * and "conflict free" equals "conflict-free". These variations of the published wording are
 * accepted: "purchased" or "sourced" (or both, as in "(sourced) purchased" or "purchased [or
 * sourced]"); "United Nations resolutions" with or without "the"; "and/or" or "and or" in the 2002
 * text (both read as the same two words); in the revised text, with or without "and" before "in
 * compliance", with or without "(where the invoice is generated)", and "WDC SoW Guidelines" or the
 * names written out ("World Diamond Council System of Warranties Guidelines"). The statement must
 * appear whole and in order; other text around it (the seller's SoW ID, a list of source countries,
 * a retailer's further declarations) is allowed. Any other change of wording inside the statement
 * makes it no warranty. When a text holds both statements it is read as the revised one.
 *
 * <p><b>Deadlines.</b> The revised statement replaced the 2002 one in stages after its launch on 21
 * September 2021: the 2002 wording is no longer accepted on invoices for rough diamonds dated from
 * {@link Deadlines#revisedForRough()} (default 2024-09-21) and on any invoice dated from {@link
 * Deadlines#revisedForAllGoods()} (default 2026-09-21). The deadline day itself is the first day
 * the 2002 text is refused. The revised text is accepted on any date.
 *
 * <p>The capture pipeline calls {@link #check} for invoice lines whose goods are natural or
 * unscreened; laboratory-grown lines carry no warranty (LGD-03, {@link Segregation#underWarranty})
 * and retail sales need none (SOW-06).
 */
@Policy(rules = {"SOW-01", "SOW-02"})
public final class WarrantyStatements {
  /**
   * The statement adopted by the World Federation of Diamond Bourses and the International Diamond
   * Manufacturers Association in October 2002, as quoted in the WDC System of Warranties guidelines
   * and industry publications of the time.
   */
  public static final String ORIGINAL_2002_TEXT =
      "The diamonds herein invoiced have been purchased from legitimate sources not involved in"
          + " funding conflict and in compliance with United Nations resolutions. The seller hereby"
          + " guarantees that these diamonds are conflict free, based on personal knowledge and/or"
          + " written guarantees provided by the supplier of these diamonds.";

  /**
   * The revised statement of the WDC System of Warranties Guidelines (adopted 2018, launched 21
   * September 2021), as published by the WDC and the Antwerp World Diamond Centre; "(sourced)
   * purchased" means either word may be used.
   */
  public static final String REVISED_TEXT =
      "The diamonds herein invoiced have been (sourced) purchased from legitimate sources not"
          + " involved in funding conflict, in compliance with the United Nations Resolutions and"
          + " corresponding national laws (where the invoice is generated). The seller hereby"
          + " guarantees that these diamonds are conflict free and confirms adherence to the WDC"
          + " SoW Guidelines.";

  /** Longer texts are not read (a statement with an SoW ID and a country list is far shorter). */
  public static final int MAX_TEXT_LENGTH = 4_000;

  private static final String SOW_01 = "SOW-01";
  private static final String SOW_02 = "SOW-02";

  private static final WordPattern.Slot BOUGHT =
      WordPattern.anyOf(
          "purchased",
          "sourced",
          "sourced purchased",
          "purchased sourced",
          "purchased or sourced",
          "sourced or purchased");

  private static final WordPattern ORIGINAL =
      WordPattern.of(
          WordPattern.words("the diamonds herein invoiced have been"),
          BOUGHT,
          WordPattern.words(
              "from legitimate sources not involved in funding conflict and in compliance with"),
          WordPattern.optional("the"),
          WordPattern.words(
              "united nations resolutions the seller hereby guarantees that these diamonds are"
                  + " conflict free based on personal knowledge and or written guarantees provided"
                  + " by the supplier of these diamonds"));

  private static final WordPattern REVISED =
      WordPattern.of(
          WordPattern.words("the diamonds herein invoiced have been"),
          BOUGHT,
          WordPattern.words("from legitimate sources not involved in funding conflict"),
          WordPattern.optional("and"),
          WordPattern.words("in compliance with"),
          WordPattern.optional("the"),
          WordPattern.words("united nations resolutions and corresponding national laws"),
          WordPattern.optional("where the invoice is generated"),
          WordPattern.words(
              "the seller hereby guarantees that these diamonds are conflict free and confirms"
                  + " adherence to the"),
          WordPattern.anyOf(
              "wdc sow",
              "wdc system of warranties",
              "world diamond council sow",
              "world diamond council system of warranties"),
          WordPattern.words("guidelines"));

  /** Which statement a text carries. */
  public enum Kind {
    /** The 2002 statement ("… based on personal knowledge and/or written guarantees …"). */
    ORIGINAL_2002,
    /** The revised statement ("… corresponding national laws … WDC SoW Guidelines"). */
    REVISED,
    /** Neither statement, whole. */
    NOT_A_WARRANTY
  }

  /**
   * From which invoice dates the 2002 statement is no longer accepted.
   *
   * @param revisedForRough first invoice date on which rough diamonds need the revised statement
   * @param revisedForAllGoods first invoice date on which all goods need it; not before {@code
   *     revisedForRough}
   */
  public record Deadlines(LocalDate revisedForRough, LocalDate revisedForAllGoods) {
    /** Three years after the launch for rough, five for everything else. */
    public static final Deadlines DEFAULT =
        new Deadlines(LocalDate.of(2024, 9, 21), LocalDate.of(2026, 9, 21));

    public Deadlines {
      Objects.requireNonNull(revisedForRough, "revisedForRough");
      Objects.requireNonNull(revisedForAllGoods, "revisedForAllGoods");
      if (revisedForAllGoods.isBefore(revisedForRough)) {
        throw new IllegalArgumentException(
            "the deadline for all goods ("
                + revisedForAllGoods
                + ") must not come before the one for rough ("
                + revisedForRough
                + ")");
      }
    }
  }

  /** The decision on one invoice line. */
  public sealed interface Decision {
    /** What blocks the line: empty when accepted. */
    List<Breach> breaches();
  }

  /** The line carries a statement accepted on its date. */
  public record Accepted(Kind kind) implements Decision {
    public Accepted {
      Objects.requireNonNull(kind, "kind");
      if (kind == Kind.NOT_A_WARRANTY) {
        throw new IllegalArgumentException("no statement is not an accepted statement");
      }
    }

    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /** The line carries no statement (SOW-01) or one no longer accepted on its date (SOW-02). */
  public record Refused(Kind kind, Breach breach) implements Decision {
    public Refused {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(breach, "breach");
    }

    @Override
    public List<Breach> breaches() {
      return List.of(breach);
    }
  }

  private final Deadlines deadlines;

  public WarrantyStatements(Deadlines deadlines) {
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
  }

  /** With the published deadlines, {@link Deadlines#DEFAULT}. */
  public WarrantyStatements() {
    this(Deadlines.DEFAULT);
  }

  public Deadlines deadlines() {
    return deadlines;
  }

  /** Which statement {@code text} carries; null, blank or overlong text carries none. */
  public static Kind classify(@Nullable CharSequence text) {
    if (text == null || text.length() > MAX_TEXT_LENGTH) {
      return Kind.NOT_A_WARRANTY;
    }
    List<String> words = Words.texts(text);
    if (REVISED.foundIn(words)) {
      return Kind.REVISED;
    }
    if (ORIGINAL.foundIn(words)) {
      return Kind.ORIGINAL_2002;
    }
    return Kind.NOT_A_WARRANTY;
  }

  /** Whether the 2002 statement is still accepted for these goods on this invoice date (SOW-02). */
  public boolean originalAccepted(GoodsKind goods, LocalDate invoiceDate) {
    Objects.requireNonNull(goods, "goods");
    return invoiceDate.isBefore(deadlineFor(goods));
  }

  /** The first invoice date on which these goods need the revised statement. */
  public LocalDate deadlineFor(GoodsKind goods) {
    return goods == GoodsKind.ROUGH ? deadlines.revisedForRough() : deadlines.revisedForAllGoods();
  }

  /**
   * SOW-01 and SOW-02 for one trade invoice line of natural (or unscreened) goods.
   *
   * @param statement the warranty text on the line or on the invoice it belongs to; null when none
   * @param goods what the line sells
   * @param invoiceDate the invoice's date
   */
  public Decision check(@Nullable CharSequence statement, GoodsKind goods, LocalDate invoiceDate) {
    Objects.requireNonNull(goods, "goods");
    Objects.requireNonNull(invoiceDate, "invoiceDate");
    Kind kind = classify(statement);
    return switch (kind) {
      case REVISED -> new Accepted(kind);
      case ORIGINAL_2002 ->
          originalAccepted(goods, invoiceDate)
              ? new Accepted(kind)
              : new Refused(
                  kind,
                  Breach.block(
                      SOW_02,
                      "the 2002 warranty statement is no longer accepted for "
                          + goodsWords(goods)
                          + " invoiced from "
                          + deadlineFor(goods)
                          + " (invoice of "
                          + invoiceDate
                          + "): use the revised statement"));
      case NOT_A_WARRANTY -> new Refused(kind, Breach.block(SOW_01, missingMessage(statement)));
    };
  }

  private static String missingMessage(@Nullable CharSequence statement) {
    if (statement == null || statement.toString().isBlank()) {
      return "a natural-diamond invoice line needs a System of Warranties statement; it has none";
    }
    if (statement.length() > MAX_TEXT_LENGTH) {
      return "the warranty text is longer than "
          + MAX_TEXT_LENGTH
          + " characters, so it is not read as a statement";
    }
    return "the text is not the 2002 or the revised System of Warranties statement, whole and"
        + " in order";
  }

  private static String goodsWords(GoodsKind goods) {
    return switch (goods) {
      case ROUGH -> "rough diamonds";
      case POLISHED -> "polished diamonds";
      case JEWELLERY -> "diamond jewellery";
    };
  }
}
