package org.kimberlite.custody;

import java.util.List;

/**
 * The seam where domain checks run on a capture batch. Every Spring bean of this type is applied,
 * in {@code @Order}, to the schema-valid events of each captured document, inside the capture's
 * transaction and before anything is stored. A check returns its findings; the pipeline turns all
 * findings of an event into its {@link EventVerdict}: any {@link Finding.Effect#REFUSE} refuses the
 * event (and, unless the client asked to proceed, the whole document); {@link Finding.Effect#KNOWN}
 * stores nothing and is no error; {@link Finding.Effect#FLAG} stores the event with the finding.
 *
 * <p>A check must not write: it reads the batch and {@link CustodyState} and answers.
 */
public interface EventChecks {
  /** The findings about the events of {@code batch}, given what is stored so far. */
  List<Finding> check(CaptureBatch batch, CustodyState state);
}
