package org.kimberlite.custody.internal.profile;

import java.math.BigDecimal;
import org.kimberlite.custody.internal.rules.Nomenclature;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the diamond profile.
 *
 * @param nomenclature the description rules applied to invoices and retail sales (NOM-01..03)
 * @param certificateTolerance how far, as a fraction, the carats an event ships may differ from its
 *     KP certificate's (CUS-06); never less than {@code certificateToleranceCarats}
 * @param certificateToleranceCarats the smallest allowed difference, in carats
 */
@ConfigurationProperties("kimberlite.custody.profile")
public record ProfileProperties(
    @DefaultValue("ISO_18323") Nomenclature.Profile nomenclature,
    @DefaultValue("0.005") BigDecimal certificateTolerance,
    @DefaultValue("0.01") BigDecimal certificateToleranceCarats) {}
