package org.kimberlite.certification.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list of codes or ids in one column, separated by commas: the stored form of a certificate's
 * origin countries and of its audience. Items are codes (letters, digits, dashes), so an item with
 * a comma, or blank, is refused when joining instead of corrupting the column.
 */
public final class CommaList {
  private CommaList() {}

  /** The items joined by commas; refuses an item that is blank or holds a comma. */
  public static String join(Collection<String> items) {
    for (String item : items) {
      if (item.isBlank() || item.indexOf(',') >= 0 || !item.equals(item.strip())) {
        throw new IllegalArgumentException("not a list item: '" + item + "'");
      }
    }
    return String.join(",", items);
  }

  /** The items of a joined column, in order; empty for null or an empty column. */
  public static List<String> split(@Nullable String column) {
    List<String> items = new ArrayList<>();
    if (column == null || column.isBlank()) {
      return items;
    }
    int start = 0;
    while (start <= column.length()) {
      int comma = column.indexOf(',', start);
      int end = comma < 0 ? column.length() : comma;
      String item = column.substring(start, end).strip();
      if (!item.isEmpty()) {
        items.add(item);
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return List.copyOf(items);
  }
}
