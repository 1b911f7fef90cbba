package org.kimberlite.registry.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed with or without the web server (the command line uses it too). */
@Configuration
class PasswordConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    // Argon2id: 16-byte salt, 32-byte hash, 16 MiB of memory, 2 iterations; the {id} prefix
    // lets the algorithm change later without invalidating stored hashes.
    return new DelegatingPasswordEncoder(
        "argon2", java.util.Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 1 << 14, 2)));
  }
}
