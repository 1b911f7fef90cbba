/** Plain A4 PDF documents of text lines, with the same bytes for the same content. */
@NullMarked
package org.kimberlite.shared.pdf;

import org.jspecify.annotations.NullMarked;
