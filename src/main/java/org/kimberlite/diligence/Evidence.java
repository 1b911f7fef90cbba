package org.kimberlite.diligence;

/**
 * A typed link to what a finding was raised on.
 *
 * @param kind {@code certificate}, {@code event}, {@code statistics}, {@code log-entry}, {@code
 *     organisation}, {@code participant}, {@code risk-entry} or {@code reconciliation}
 * @param ref the thing's identity (a certificate number, an event hash ID, a period and cell…)
 * @param label what it shows, in words
 * @param href where a user follows it (a path of this application)
 */
public record Evidence(String kind, String ref, String label, String href) {}
