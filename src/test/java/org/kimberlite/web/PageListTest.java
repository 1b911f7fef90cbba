package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.AnnotatedClasses;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every page a controller serves is in {@code accessibility/pages.txt}, so that
 * AccessibilityBrowserIT checks it with axe-core in English and French: each GET mapping of a
 * {@code @Controller} (not a REST controller) that answers with a view (a view name or a {@code
 * ModelAndView}) must match at least one line of the list. The list may hold more lines (several
 * states of one page).
 */
class PageListTest {
  /** GET mappings that answer with a view name but are no page of their own, and why. */
  static final Map<String, String> NOT_PAGES =
      Map.of(
          "/verify", "the home page's form: a redirect to /verify/{number}",
          "/console/due-diligence",
              "the year selector: a redirect to /console/due-diligence/{year}",
          "/error", "the error page: checked through the error lines of the list");

  /** The GET paths of controller methods that answer with a view. */
  static Set<String> pageMappings() {
    Set<String> paths = new TreeSet<>();
    for (Class<?> type : AnnotatedClasses.of(Controller.class)) {
      if (AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)) {
        continue; // REST controllers answer JSON
      }
      RequestMapping atType =
          AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
      List<String> prefixes =
          atType == null || atType.path().length == 0 ? List.of("") : List.of(atType.path());
      for (Method m : type.getDeclaredMethods()) {
        RequestMapping mapping =
            AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
        if (mapping == null
            || AnnotatedElementUtils.hasAnnotation(m, ResponseBody.class)
            || !(m.getReturnType() == String.class || m.getReturnType() == ModelAndView.class)
            || !(mapping.method().length == 0
                || Arrays.asList(mapping.method()).contains(RequestMethod.GET))) {
          continue;
        }
        for (String prefix : prefixes) {
          for (String path : mapping.path()) {
            paths.add(prefix + path);
          }
        }
      }
    }
    return paths;
  }

  @Test
  void everyPageAControllerServesIsInThePageList() throws IOException {
    List<String> listed =
        AccessibilityBrowserIT.pages().stream()
            .map(p -> p.path().replaceFirst("\\?.*", ""))
            .toList();
    Set<String> mappings = pageMappings();
    assertThat(mappings).as("the scan finds the pages").contains("/", "/participants/{code}");
    Set<String> missing = new TreeSet<>();
    for (String mapping : mappings) {
      if (NOT_PAGES.containsKey(mapping)) {
        continue;
      }
      PathPattern pattern = PathPatternParser.defaultInstance.parse(mapping);
      if (listed.stream().noneMatch(path -> pattern.matches(PathContainer.parsePath(path)))) {
        missing.add(mapping);
      }
    }
    assertThat(missing)
        .as("pages without a line in accessibility/pages.txt (AccessibilityBrowserIT)")
        .isEmpty();
    assertThat(NOT_PAGES.keySet()).as("exceptions that still exist").allMatch(mappings::contains);
  }
}
