package org.kimberlite.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web settings.
 *
 * @param maxBodyBytes largest request body accepted, in bytes
 * @param publicUrl the address users reach this server at, used in printed links
 */
@ConfigurationProperties("kimberlite.web")
public record WebProperties(
    @DefaultValue("1048576") long maxBodyBytes,
    @DefaultValue("http://127.0.0.1:8080") String publicUrl) {}
