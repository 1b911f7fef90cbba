package org.kimberlite.valuation;

import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;

/**
 * One figure a band was drawn from: a participant's production or exports in a year.
 *
 * @param participant the participant's code (or {@code WORLD} for all participants' production)
 * @param year the calendar year
 * @param source what the figure is: {@code production} (participants' reports and published KP
 *     figures) or {@code exports} (the certificates issued)
 * @param carats the weight
 * @param valueUsd the value
 */
public record BandFigure(
    String participant, int year, String source, Carats carats, UsdAmount valueUsd) {}
