package org.kimberlite.ledger;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Transparency log settings.
 *
 * @param origin the checkpoint origin and log key name, e.g. {@code kimberlite.example/log}
 * @param key the log's signed-note private key ({@code PRIVATE+KEY+...}); when blank the key is
 *     read from {@code keyFile}, which is created on first start
 * @param keyFile where the log key is kept when {@code key} is blank
 * @param interval how long the integrator waits between rounds when nothing wakes it
 * @param batchSize most entries integrated under one checkpoint
 * @param integrate whether this process takes part in the integrator election
 * @param witnesses verifier keys of the witnesses whose cosignatures are accepted
 */
@ConfigurationProperties("kimberlite.ledger")
public record LedgerProperties(
    @DefaultValue("kimberlite.local/log") String origin,
    @DefaultValue("") String key,
    @DefaultValue("data/log.key") String keyFile,
    @DefaultValue("200ms") Duration interval,
    @DefaultValue("2000") int batchSize,
    @DefaultValue("true") boolean integrate,
    @DefaultValue("") List<String> witnesses) {}
