/**
 * The printed certificate as the command line reads it back: the QR content of a certificate PDF,
 * for {@code ./kimberlite verify}. Not the module's API: exposed only as this named interface; the
 * layout that draws the PDF stays in {@code internal}.
 */
@NullMarked
@NamedInterface("documents")
package org.kimberlite.certification.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
