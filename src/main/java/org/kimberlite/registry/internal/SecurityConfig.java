package org.kimberlite.registry.internal;

import java.util.List;
import org.kimberlite.platform.web.ProblemResponses;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Accounts;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Two doors. The machine door ({@code /api/**}, {@code /log/**}, {@code /epcis/**}) is stateless:
 * bearer tokens, no cookies, no CSRF, problem+json for 401 and 403. The web door uses a session
 * from the sign-in form, with CSRF protection. Public paths are what the modules declare and
 * nothing else.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

  /**
   * No observation of each security filter, authentication and authorization: requests are timed
   * once by route (http.server.requests), and wrapping every filter of every request in its own
   * observation cost more than the rest of the chain when serving log tiles.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PublicPaths registryPublicPaths() {
    return PublicPaths.of(
        "/",
        "/login",
        "/participants",
        "/participants/*",
        "/css/**",
        "/js/**",
        "/favicon.ico",
        "/error",
        "/api/v1/participants",
        "/api/v1/participants/*",
        "/api/v1/participants/*/standing",
        "/api/v1/countries/*",
        "/api/v1/registry/sources",
        "/api/v1/trust-list",
        "/api/v1/trust-list.json",
        "/api/v1/trust-list/key");
  }

  @Bean
  @Order(1)
  SecurityFilterChain machineDoor(HttpSecurity http, Accounts accounts, List<PublicPaths> open)
      throws Exception {
    String[] publicPatterns = patterns(open);
    http.securityMatcher(
            "/api/**", "/log/**", "/epcis/**", "/add-checkpoint") // machines: no session, no CSRF
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, publicPatterns)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, publicPatterns)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, openPosts(open))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) -> {
                          response.setHeader("WWW-Authenticate", "Bearer");
                          ProblemResponses.write(
                              request,
                              response,
                              Problem.unauthorized(
                                  "Send Authorization: Bearer <token>; get a token from POST"
                                      + " /api/v1/auth/token."));
                        })
                    .accessDeniedHandler(
                        (request, response, ex) ->
                            ProblemResponses.write(
                                request,
                                response,
                                Problem.forbidden("Your account may not do this."))))
        .headers(
            h ->
                h.referrerPolicy(
                    r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webDoor(HttpSecurity http, List<PublicPaths> open, LoginThrottle throttle)
      throws Exception {
    String[] publicPatterns = patterns(open);
    SavedRequestAwareAuthenticationSuccessHandler signedIn =
        new SavedRequestAwareAuthenticationSuccessHandler();
    signedIn.setDefaultTargetUrl("/");
    SimpleUrlAuthenticationFailureHandler refused =
        new SimpleUrlAuthenticationFailureHandler("/login?error");
    http.addFilterBefore(
            new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        // No session for anonymous page views: the CSRF token travels in a cookie and the page
        // to return to after sign-in in another, so only a signed-in account has a session.
        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
        .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, publicPatterns)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, publicPatterns)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(
                        (request, response, authentication) -> {
                          throttle.succeeded(authentication.getName());
                          signedIn.onAuthenticationSuccess(request, response, authentication);
                        })
                    .failureHandler(
                        (request, response, exception) -> {
                          if (exception instanceof BadCredentialsException
                              || exception instanceof UsernameNotFoundException) {
                            throttle.failed(
                                LoginThrottleFilter.username(request), request.getRemoteAddr());
                          }
                          refused.onAuthenticationFailure(request, response, exception);
                        })
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/").permitAll())
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                    + " script-src 'self'; frame-ancestors 'none'"))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static String[] openPosts(List<PublicPaths> open) {
    return open.stream().flatMap(p -> p.openPosts().stream()).distinct().toArray(String[]::new);
  }

  private static String[] patterns(List<PublicPaths> open) {
    return open.stream().flatMap(p -> p.patterns().stream()).distinct().toArray(String[]::new);
  }
}
