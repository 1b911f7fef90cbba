package org.kimberlite.registry.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller take a {@link Caller} parameter: the signed-in account, or 401 when there is
 * none. A {@code @Nullable Caller} parameter is {@code null} for anonymous requests instead.
 */
@Configuration
class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
  static {
    // Not a request parameter: the API description shows the bearer token instead.
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Caller.class);
  }

  @Override
  public @Nullable Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      @Nullable WebDataBinderFactory binderFactory) {
    Caller caller = AccountPrincipal.current();
    if (caller == null && !parameter.isOptional() && !nullable(parameter)) {
      throw Problem.unauthorized("Sign in, or send Authorization: Bearer <token>.");
    }
    return caller;
  }

  private static boolean nullable(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(Nullable.class)
        || parameter.getParameter().getAnnotatedType().isAnnotationPresent(Nullable.class);
  }
}
