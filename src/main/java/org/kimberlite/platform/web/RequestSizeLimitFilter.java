package org.kimberlite.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code kimberlite.web.max-body-bytes} with 413 before anything is
 * read into memory: a declared length is checked up front, a streamed body is counted as it is
 * read. A module may set another limit for its own paths ({@link BodyLimit}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {
  private final WebProperties properties;
  private final List<BodyLimit> limits;

  public RequestSizeLimitFilter(WebProperties properties, List<BodyLimit> limits) {
    this.properties = properties;
    this.limits = List.copyOf(limits);
  }

  private long limit(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = properties.maxBodyBytes();
    int longest = -1;
    for (BodyLimit l : limits) {
      if (path.startsWith(l.pathPrefix()) && l.pathPrefix().length() > longest) {
        longest = l.pathPrefix().length();
        limit = l.maxBytes();
      }
    }
    return limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limit(request);
    if (request.getContentLengthLong() > limit) {
      ProblemResponses.write(request, response, ProblemHandler.tooLarge());
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long count;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = in.read(buffer, off, len);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws PayloadTooLargeException {
          count += n;
          if (count > limit) {
            throw new PayloadTooLargeException(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
