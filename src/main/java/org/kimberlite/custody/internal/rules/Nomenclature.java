package org.kimberlite.custody.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.Policy;

/**
 * NOM-01 to NOM-03 (docs/rules.md): whether a trade description (an invoice line, a listing, a
 * label) names the goods as the chain of custody knows them, under a jurisdiction profile: ISO
 * 18323 with the CIBJO Diamond Book and the Diamond Terminology Guideline, or the US FTC Jewelry
 * Guides (16 CFR Part 23, 2018).
 *
 * <p>The description is read as English words (see {@code Words}: case, hyphens or spaces, quotes,
 * punctuation and look-alike letters do not matter; "laboratory-grown" equals "Laboratory grown").
 * Plain text shows no type size, so "equally conspicuous" is read as "next to": a qualifier must be
 * the word or words right before "diamond". Every breach is reported, each naming the word at fault
 * and its position (1 = first word).
 *
 * <p><b>Laboratory-grown goods.</b> Each "diamond" or "diamonds" must be immediately preceded by a
 * permitted qualifier (NOM-01), and a description without "diamond" must still carry one somewhere
 * (NOM-01: the goods are disclosed). Permitted under ISO: "laboratory-grown", "laboratory-created",
 * "synthetic". Under the FTC also "lab-grown", "lab-created", "lab", "lab-made", "man-made" and
 * "[manufacturer]-created" (any single word joined by a hyphen to "created"); "synthetic" is no
 * longer among the FTC's examples but is not prohibited, so it is accepted. Forbidden words
 * (NOM-02), anywhere in the description unless "not", "non" or "no" stands one or two words before:
 * "real", "genuine", "natural", "precious", "authentic"; "cultured" and "cultivated" (ISO: always;
 * FTC: allowed only right next to a permitted qualifier, before or after it, as in
 * "laboratory-grown cultured diamond"); ISO also "gem"/"gems" and the abbreviations "lab-grown",
 * "lab-created", "lab-made", "labgrown", "labcreated", "lab diamond", "syn diamond", "LG diamond",
 * "LGD"/"LGDs" (an abbreviation right before "diamond" is reported once, as NOM-02, not also as a
 * missing qualifier; the CIBJO "LG" prefix on grades, as in "LG VS1", is not an abbreviation of the
 * qualifier).
 *
 * <p><b>Treated goods</b> (NOM-03, any nature): the description says "treated" (or "treatment") or
 * names the treatment (coated, fracture-filled, filled, heated, HPHT, high pressure high
 * temperature, irradiated, laser-drilled, drilled, annealed); "improved" is never used; under ISO
 * the stones are "treated diamonds", never "treated natural" or "natural treated" diamonds.
 * "Enhanced" alone does not name a treatment.
 *
 * <p>Natural and unscreened goods: unqualified "diamond" is what they are, so only NOM-03 applies
 * to them.
 *
 * <p>NOM-01 blocks on invoices and flags elsewhere ({@link Setting}); NOM-02 and NOM-03 always
 * block.
 */
@Policy(rules = {"NOM-01", "NOM-02", "NOM-03"})
public final class Nomenclature {
  /** Longer descriptions are refused as input before any rule is read. */
  public static final int MAX_DESCRIPTION_LENGTH = 4_000;

  private static final String NOM_01 = "NOM-01";
  private static final String NOM_02 = "NOM-02";
  private static final String NOM_03 = "NOM-03";

  /** Which nomenclature the description must follow. */
  public enum Profile {
    /** ISO 18323:2015, the CIBJO Diamond Book and the Diamond Terminology Guideline. */
    ISO_18323,
    /** The US FTC Jewelry Guides, 16 CFR Part 23 as revised in 2018. */
    FTC
  }

  /** Where the description appears: NOM-01 blocks on invoices and only flags elsewhere. */
  public enum Setting {
    INVOICE,
    ELSEWHERE
  }

  /** The decision on one description. */
  public sealed interface Result {
    /** Every breach found, in the order of the words; empty when compliant. */
    List<Breach> breaches();

    /** Whether a breach refuses the write. */
    default boolean blocks() {
      return breaches().stream().anyMatch(Breach::blocks);
    }
  }

  /** The description names the goods as they are. */
  public record Compliant() implements Result {
    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /** The description breaks at least one rule; some breaches may only flag (NOM-01 elsewhere). */
  public record NonCompliant(List<Breach> breaches) implements Result {
    public NonCompliant {
      breaches = List.copyOf(breaches);
      if (breaches.isEmpty()) {
        throw new IllegalArgumentException("a non-compliant description breaks a rule");
      }
    }
  }

  private static final List<List<String>> ISO_QUALIFIERS =
      List.of(
          List.of("laboratory", "grown"), List.of("laboratory", "created"), List.of("synthetic"));

  private static final List<List<String>> ISO_ABBREVIATED_QUALIFIERS =
      List.of(
          List.of("lab", "grown"),
          List.of("lab", "created"),
          List.of("lab", "made"),
          List.of("labgrown"),
          List.of("labcreated"),
          List.of("lab"),
          List.of("syn"),
          List.of("lg"));

  private static final List<List<String>> FTC_QUALIFIERS =
      List.of(
          List.of("laboratory", "grown"),
          List.of("laboratory", "created"),
          List.of("laboratory", "made"),
          List.of("synthetic"),
          List.of("lab", "grown"),
          List.of("lab", "created"),
          List.of("lab", "made"),
          List.of("labgrown"),
          List.of("labcreated"),
          List.of("lab"),
          List.of("man", "made"));

  private static final Set<String> DIAMOND = Set.of("diamond", "diamonds");
  private static final Set<String> NEGATIONS = Set.of("not", "non", "no");
  private static final Set<String> NEVER_FOR_LABORATORY_GROWN =
      Set.of("real", "genuine", "natural", "precious", "authentic");
  private static final Set<String> CULTURED = Set.of("cultured", "cultivated");
  private static final Set<String> ISO_GEM = Set.of("gem", "gems");
  private static final Set<String> TREATMENT_WORDS =
      Set.of(
          "treated",
          "treatment",
          "treatments",
          "coated",
          "coating",
          "filled",
          "heated",
          "hpht",
          "irradiated",
          "irradiation",
          "drilled",
          "annealed",
          "annealing");
  private static final List<String> HIGH_PRESSURE =
      List.of("high", "pressure", "high", "temperature");

  private Nomenclature() {}

  /**
   * NOM-01 to NOM-03 for one description.
   *
   * @param description the text; null reads as empty
   * @param nature the goods' nature (LGD-01 makes sure there is one)
   * @param treated whether the goods are treated
   * @param profile the jurisdiction profile
   * @param setting where the description appears
   * @throws InvalidInput when the description is longer than {@link #MAX_DESCRIPTION_LENGTH}
   */
  public static Result check(
      @Nullable CharSequence description,
      Nature nature,
      boolean treated,
      Profile profile,
      Setting setting) {
    Objects.requireNonNull(nature, "nature");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(setting, "setting");
    CharSequence text = description == null ? "" : description;
    if (text.length() > MAX_DESCRIPTION_LENGTH) {
      throw new InvalidInput(
          "description", "is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    List<Words.Word> words = Words.of(text);
    List<Found> found = new ArrayList<>();
    if (nature == Nature.LABORATORY_GROWN) {
      laboratoryGrown(words, profile, setting, found);
    }
    if (treated) {
      treatedGoods(words, profile, found);
    }
    found.sort(Comparator.comparingInt(Found::position).thenComparing(f -> f.breach().rule()));
    List<Breach> breaches = found.stream().map(Found::breach).toList();
    return breaches.isEmpty() ? new Compliant() : new NonCompliant(breaches);
  }

  /** A breach and where it was found: a word's index, or after the last word for the whole text. */
  private record Found(int position, Breach breach) {
    static Found at(int index, String rule, Breach.Effect effect, String message) {
      return new Found(index, new Breach(rule, effect, "word " + (index + 1) + " " + message));
    }

    static Found whole(String rule, Breach.Effect effect, String message) {
      return new Found(Integer.MAX_VALUE, new Breach(rule, effect, message));
    }
  }

  // ---- laboratory-grown goods: NOM-01 and NOM-02 -------------------------------------------

  private static void laboratoryGrown(
      List<Words.Word> words, Profile profile, Setting setting, List<Found> found) {
    boolean iso = profile == Profile.ISO_18323;
    List<List<String>> permitted = iso ? ISO_QUALIFIERS : FTC_QUALIFIERS;
    Breach.Effect nom01 = setting == Setting.INVOICE ? Breach.Effect.BLOCK : Breach.Effect.FLAG;
    boolean disclosed = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      if (qualifierEndingAt(words, i, permitted) > 0) {
        disclosed = true;
      }
      int abbreviation = iso ? abbreviationAt(words, i) : 0;
      if (abbreviation > 0) {
        disclosed = true;
        found.add(
            Found.at(
                i,
                NOM_02,
                Breach.Effect.BLOCK,
                "('"
                    + joined(words, i, abbreviation)
                    + "') is an abbreviation: ISO 18323 allows only \"laboratory-grown\","
                    + " \"laboratory-created\" or \"synthetic\", written out"));
      }
      if (DIAMOND.contains(w)) {
        int before = i - 1;
        if (!iso && before >= 0 && CULTURED.contains(words.get(before).text())) {
          before--; // FTC: "laboratory-grown cultured diamond"
        }
        boolean qualified = before >= 0 && qualifierEndingAt(words, before, permitted) > 0;
        boolean abbreviated = iso && before >= 0 && abbreviatedQualifierEndingAt(words, before);
        if (!qualified && !abbreviated) {
          found.add(
              Found.at(
                  i,
                  NOM_01,
                  nom01,
                  "('"
                      + w
                      + "') names laboratory-grown goods without a permitted qualifier right"
                      + " before it ("
                      + (iso
                          ? "\"laboratory-grown\", \"laboratory-created\" or \"synthetic\""
                          : "\"laboratory-grown\", \"laboratory-created\","
                              + " \"[manufacturer]-created\" or like words")
                      + "): unqualified \"diamond\" means natural"));
        }
      } else if (NEVER_FOR_LABORATORY_GROWN.contains(w) && !negated(words, i)) {
        found.add(
            Found.at(
                i,
                NOM_02,
                Breach.Effect.BLOCK,
                "('" + w + "') is never used for laboratory-grown goods"));
      } else if (CULTURED.contains(w) && !negated(words, i)) {
        if (iso) {
          found.add(
              Found.at(
                  i,
                  NOM_02,
                  Breach.Effect.BLOCK,
                  "('"
                      + w
                      + "') is not used for laboratory-grown goods under ISO 18323: it describes"
                      + " organic products"));
        } else if (!nextToQualifier(words, i, permitted)) {
          found.add(
              Found.at(
                  i,
                  NOM_02,
                  Breach.Effect.BLOCK,
                  "('"
                      + w
                      + "') is allowed by the FTC only right next to a qualifier such as"
                      + " \"laboratory-grown\""));
        }
      } else if (iso && ISO_GEM.contains(w) && !negated(words, i)) {
        found.add(
            Found.at(
                i,
                NOM_02,
                Breach.Effect.BLOCK,
                "('" + w + "') is not used for laboratory-grown goods under ISO 18323"));
      }
    }
    if (!disclosed && words.stream().noneMatch(w -> DIAMOND.contains(w.text()))) {
      found.add(
          Found.whole(
              NOM_01,
              nom01,
              "the description does not say that the goods are laboratory-grown (no permitted"
                  + " qualifier)"));
    }
  }

  /** The number of words of the permitted qualifier ending at word {@code end}, or 0. */
  private static int qualifierEndingAt(
      List<Words.Word> words, int end, List<List<String>> permitted) {
    int best = 0;
    for (List<String> q : permitted) {
      if (q.size() > best && endsWith(words, end, q)) {
        best = q.size();
      }
    }
    if (best == 0
        && permitted == FTC_QUALIFIERS
        && end >= 1
        && words.get(end).text().equals("created")
        && words.get(end).hyphenated()) {
      best = 2; // "[manufacturer]-created"
    }
    return best;
  }

  private static boolean abbreviatedQualifierEndingAt(List<Words.Word> words, int end) {
    for (List<String> q : ISO_ABBREVIATED_QUALIFIERS) {
      if (endsWith(words, end, q)) {
        return true;
      }
    }
    return false;
  }

  /** ISO: how many words of an abbreviated qualifier start at word {@code i}; 0 if none. */
  private static int abbreviationAt(List<Words.Word> words, int i) {
    String w = words.get(i).text();
    String next = i + 1 < words.size() ? words.get(i + 1).text() : "";
    return switch (w) {
      case "lgd", "lgds", "labgrown", "labcreated" -> 1;
      case "lab" ->
          next.equals("grown") || next.equals("created") || next.equals("made")
              ? 2
              : DIAMOND.contains(next) ? 1 : 0;
      case "syn", "lg" -> DIAMOND.contains(next) ? 1 : 0;
      default -> 0;
    };
  }

  /** FTC: a "cultured" at word {@code i} right after or right before a permitted qualifier. */
  private static boolean nextToQualifier(
      List<Words.Word> words, int i, List<List<String>> permitted) {
    if (i >= 1 && qualifierEndingAt(words, i - 1, permitted) > 0) {
      return true;
    }
    for (int end = i + 1; end < Math.min(words.size(), i + 4); end++) {
      int length = qualifierEndingAt(words, end, permitted);
      if (length > 0 && end - length + 1 == i + 1) {
        return true;
      }
    }
    return false;
  }

  // ---- treated goods: NOM-03 ----------------------------------------------------------------

  private static void treatedGoods(List<Words.Word> words, Profile profile, List<Found> found) {
    boolean disclosed = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      if (TREATMENT_WORDS.contains(w) && !negated(words, i)) {
        disclosed = true;
      }
      if (endsWith(words, i, HIGH_PRESSURE)) {
        disclosed = true;
      }
      if (w.equals("improved") && !negated(words, i)) {
        found.add(
            Found.at(
                i,
                NOM_03,
                Breach.Effect.BLOCK,
                "('improved') hides a treatment: say \"treated\" or name the treatment"));
      }
      if (profile == Profile.ISO_18323
          && i + 2 < words.size()
          && DIAMOND.contains(words.get(i + 2).text())
          && ((w.equals("treated") && words.get(i + 1).text().equals("natural"))
              || (w.equals("natural") && words.get(i + 1).text().equals("treated")))) {
        found.add(
            Found.at(
                i,
                NOM_03,
                Breach.Effect.BLOCK,
                "('"
                    + joined(words, i, 2)
                    + "'): under ISO 18323 say \"treated diamond\", without \"natural\""));
      }
    }
    if (!disclosed) {
      found.add(
          Found.whole(
              NOM_03,
              Breach.Effect.BLOCK,
              "the goods are treated and the description neither says \"treated\" nor names"
                  + " the treatment"));
    }
  }

  // ---- words ---------------------------------------------------------------------------------

  private static boolean endsWith(List<Words.Word> words, int end, List<String> sequence) {
    int start = end - sequence.size() + 1;
    if (start < 0 || end >= words.size()) {
      return false;
    }
    for (int k = 0; k < sequence.size(); k++) {
      if (!words.get(start + k).text().equals(sequence.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** "not", "non" or "no" one or two words before word {@code i}. */
  private static boolean negated(List<Words.Word> words, int i) {
    for (int k = Math.max(0, i - 2); k < i; k++) {
      if (NEGATIONS.contains(words.get(k).text())) {
        return true;
      }
    }
    return false;
  }

  private static String joined(List<Words.Word> words, int from, int count) {
    StringBuilder b = new StringBuilder(words.get(from).text());
    for (int k = from + 1; k < from + count; k++) {
      b.append(words.get(k).hyphenated() ? '-' : ' ').append(words.get(k).text());
    }
    return b.toString();
  }
}
