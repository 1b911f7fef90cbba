package org.kimberlite.custody;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the EPCIS interface.
 *
 * @param maxDocumentBytes largest capture document accepted, in bytes
 * @param maxEvents most events one capture document may hold
 * @param maxEventBytes largest single event, in bytes of compact JSON
 * @param defaultPerPage events per query page when the client names none
 * @param maxPerPage most events per query page
 * @param maxJobsListed most capture jobs one listing returns (newest first)
 */
@ConfigurationProperties("kimberlite.custody")
public record CustodyProperties(
    @DefaultValue("16777216") long maxDocumentBytes,
    @DefaultValue("10000") int maxEvents,
    @DefaultValue("65536") int maxEventBytes,
    @DefaultValue("30") int defaultPerPage,
    @DefaultValue("1000") int maxPerPage,
    @DefaultValue("100") int maxJobsListed) {}
