package org.kimberlite.governance.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.Utf8;

/**
 * What an attached file is, read from its bytes, never from what the sender claims: a PDF document
 * ({@code %PDF-}), a PNG or JPEG image (their signatures), or text (well-formed UTF-8 without
 * control characters other than tab and line breaks), which is CSV when named {@code .csv} and
 * plain text otherwise. The file's name must end as its type does.
 */
@Policy
public final class AttachmentTypes {
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private AttachmentTypes() {}

  /** A type found, with the endings its files' names may have. */
  public record Found(String mediaType, String label, List<String> extensions) {
    /** Whether {@code name} ends as this type's files do. */
    public boolean fits(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return extensions.stream().anyMatch(lower::endsWith);
    }
  }

  /** The file's type, or empty when it is none of those allowed. */
  public static Optional<Found> of(byte[] bytes, String name) {
    if (startsWith(bytes, PDF)) {
      return Optional.of(new Found("application/pdf", "a PDF document", List.of(".pdf")));
    }
    if (startsWith(bytes, PNG)) {
      return Optional.of(new Found("image/png", "a PNG image", List.of(".png")));
    }
    if (startsWith(bytes, JPEG)) {
      return Optional.of(new Found("image/jpeg", "a JPEG image", List.of(".jpg", ".jpeg")));
    }
    Optional<String> text = Utf8.decode(bytes);
    if (text.isEmpty() || !plain(text.get())) {
      return Optional.empty();
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return Optional.of(new Found("text/csv", "CSV text", List.of(".csv")));
    }
    return Optional.of(new Found("text/plain", "plain text", List.of(".txt", ".text", ".md")));
  }

  private static boolean plain(String text) {
    return text.codePoints()
        .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
