package org.kimberlite.governance;

/**
 * What the team found about one minimum requirement, and what it recommends.
 *
 * @param number the finding's number in the visit's report, from 1
 */
public record VisitFinding(
    int number, MinimumRequirement requirement, String observation, String recommendation) {}
