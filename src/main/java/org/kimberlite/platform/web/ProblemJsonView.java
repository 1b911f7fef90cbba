package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.Problem;
import org.springframework.web.servlet.View;

/** A view that renders one {@link Problem} as problem+json. */
final class ProblemJsonView implements View {
  private final Problem problem;
  private final @Nullable String instance;

  ProblemJsonView(Problem problem) {
    this(problem, null);
  }

  ProblemJsonView(Problem problem, @Nullable String instance) {
    this.problem = problem;
    this.instance = instance;
  }

  @Override
  public String getContentType() {
    return ProblemResponses.PROBLEM_JSON.toString();
  }

  @Override
  public void render(
      @Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    ProblemResponses.write(
        response, problem, instance == null ? request.getRequestURI() : instance);
  }
}
