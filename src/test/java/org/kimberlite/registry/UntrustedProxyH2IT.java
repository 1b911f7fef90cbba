package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.SecureCookiesH2IT.SignIn;
import org.kimberlite.support.H2Memory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client that is not a trusted proxy cannot claim HTTPS (or another address) with forwarded
 * headers: here only 10.9.9.9 is trusted, so the test client on loopback gets plain cookies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kimberlite.data-dir=target/it-data",
      "server.tomcat.remoteip.internal-proxies=10\\.9\\.9\\.9"
    })
class UntrustedProxyH2IT {
  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> H2Memory.url("untrusted-proxy-it"));
  }

  @Test
  void forwardedProtoFromAnUntrustedAddressIsIgnored() throws Exception {
    SignIn signIn =
        SecureCookiesH2IT.signIn(
            port, organisations, accounts, List.of("X-Forwarded-Proto", "https"));
    assertThat(signIn.status()).isEqualTo(302);
    assertThat(SecureCookiesH2IT.cookie(signIn, "JSESSIONID")).doesNotContain("Secure");
    assertThat(SecureCookiesH2IT.cookie(signIn, "XSRF-TOKEN")).doesNotContain("Secure");
    assertThat(signIn.hsts()).isEmpty();
  }
}
