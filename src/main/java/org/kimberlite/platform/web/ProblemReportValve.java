package org.kimberlite.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Answers the requests the servlet container refuses before any filter or controller sees them (an
 * undecodable or forbidden address such as an encoded slash, a NUL or overlong UTF-8, or a request
 * line or headers over the size limit) like every other refusal: an RFC 9457 problem on machine
 * paths and for non-browser clients, the container's minimal page (no server name or version) for
 * browsers. It takes the place of the container's own error report.
 */
public final class ProblemReportValve extends ErrorReportValve {

  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String uri = request.getRequestURI();
    String accept = request.getHeader("Accept");
    boolean machine = uri != null && (uri.startsWith("/api/") || uri.startsWith("/log/"));
    boolean page = !machine && accept != null && accept.contains("text/html");
    if (page || status < 400 || status > 599 || response.getContentWritten() > 0) {
      super.report(request, response, throwable);
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get() || !response.setErrorReported()) {
      return;
    }
    HttpStatus http = HttpStatus.resolve(status);
    String reason = http == null ? "Refused" : http.getReasonPhrase();
    Problem problem =
        new Problem(
            status,
            status >= 500 ? "internal-error" : "http-" + status,
            reason,
            status == 400
                ? "The request was refused: its address or headers could not be read (an encoded"
                    + " slash, a NUL, characters that are not UTF-8, or more than the size limit)."
                : "The request was refused: " + reason.toLowerCase(java.util.Locale.ROOT) + ".",
            List.of(),
            List.of());
    try {
      ProblemResponses.write(response, problem, uri == null || uri.length() > 200 ? "/" : uri);
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response cannot be written any more: nothing left to tell.
    }
  }

  /** Puts the valve in place of the container's error report on the host. */
  @Component
  static class Installer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Container parent = context.getParent();
            if (parent instanceof Host host) {
              for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(v);
                }
              }
              host.getPipeline().addValve(new ProblemReportValve());
              if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
              }
            }
          });
    }

    @Override
    public int getOrder() {
      // After the server's own customizers, which install the default error report.
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
