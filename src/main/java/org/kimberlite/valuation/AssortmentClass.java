package org.kimberlite.valuation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * A rough assortment class: size, model, quality and colour. Its code, which a price book row names
 * and a parcel breakdown refers to, is the four parts joined by {@code /}: {@code
 * +11-11.5/STONES/Q1/WHITE}.
 */
public record AssortmentClass(SizeClass size, Model model, Quality quality, Colour colour)
    implements Comparable<AssortmentClass> {
  /** The longest code: four parts of at most 16 characters and three separators. */
  public static final int MAX_CODE = 67;

  private static final Comparator<AssortmentClass> ORDER =
      Comparator.comparing(AssortmentClass::size)
          .thenComparing(AssortmentClass::model)
          .thenComparing(AssortmentClass::quality)
          .thenComparing(AssortmentClass::colour);

  public AssortmentClass {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(colour, "colour");
  }

  /**
   * Reads a class code ({@code size/model/quality/colour}); model and colour in any case.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  @JsonCreator
  public static AssortmentClass parse(String code) {
    Objects.requireNonNull(code, "class");
    if (code.length() > MAX_CODE) {
      throw new IllegalArgumentException("a class code has at most " + MAX_CODE + " characters");
    }
    int a = code.indexOf('/');
    int b = a < 0 ? -1 : code.indexOf('/', a + 1);
    int c = b < 0 ? -1 : code.indexOf('/', b + 1);
    if (a < 0 || b < 0 || c < 0 || code.indexOf('/', c + 1) >= 0) {
      throw new IllegalArgumentException(
          "a class code is size/model/quality/colour, like +11-11.5/STONES/Q1/WHITE");
    }
    return of(
        code.substring(0, a),
        code.substring(a + 1, b),
        code.substring(b + 1, c),
        code.substring(c + 1));
  }

  /** A class from its four parts as text; model and colour in any case. */
  public static AssortmentClass of(String size, String model, String quality, String colour) {
    return new AssortmentClass(
        SizeClass.of(size), model(model), Quality.of(quality), colour(colour));
  }

  /** A model by its name, in any case. */
  public static Model model(String text) {
    return named(Model.class, text, "model");
  }

  /** A colour by its name, in any case. */
  public static Colour colour(String text) {
    return named(Colour.class, text, "colour");
  }

  private static <E extends Enum<E>> E named(Class<E> type, String text, String what) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(upper)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append(e.name());
    }
    throw new IllegalArgumentException("the " + what + " is one of " + names);
  }

  @JsonValue
  public String code() {
    return size.code() + "/" + model.name() + "/" + quality.code() + "/" + colour.name();
  }

  @Override
  public int compareTo(AssortmentClass other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return code();
  }
}
