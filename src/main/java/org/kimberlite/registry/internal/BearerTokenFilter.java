package org.kimberlite.registry.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kimberlite.platform.web.ProblemResponses;
import org.kimberlite.registry.Accounts;
import org.kimberlite.shared.problem.Problem;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} API tokens. A request without the header goes on
 * anonymous; a request with a bad token is refused with 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {
  private final Accounts accounts;

  BearerTokenFilter(Accounts accounts) {
    this.accounts = accounts;
  }

  /** An async dispatch (a request answered later, e.g. an issue that waits) is a request too. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var caller = accounts.authenticateToken(header.substring(7).strip());
    if (caller.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      ProblemResponses.write(
          request,
          response,
          Problem.unauthorized("The bearer token is unknown, expired or revoked."));
      return;
    }
    AccountPrincipal principal = new AccountPrincipal(caller.get(), null);
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
