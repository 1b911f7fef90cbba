package org.kimberlite.valuation;

/** What asking for a band gives: the {@link Band}, or {@link NoBand} with the reason. */
public sealed interface BandLookup permits Band, NoBand {}
