package org.kimberlite.valuation;

/**
 * No band could be drawn, or no line could be checked: the reason in words (no figures for the
 * participant in the years looked at, an unknown origin, …). Never a guess.
 */
public record NoBand(String reason) implements BandLookup {}
