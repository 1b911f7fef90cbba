package org.kimberlite.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.Problem;
import org.springframework.web.servlet.View;

/** A view that renders one {@link Problem} as problem+json. */
final class ProblemJsonView implements View {
  private final Problem problem;

  ProblemJsonView(Problem problem) {
    this.problem = problem;
  }

  @Override
  public String getContentType() {
    return ProblemResponses.PROBLEM_JSON.toString();
  }

  @Override
  public void render(
      @Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    ProblemResponses.write(request, response, problem);
  }
}
