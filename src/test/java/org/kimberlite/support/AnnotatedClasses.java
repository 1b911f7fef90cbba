package org.kimberlite.support;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The platform's classes that carry an annotation (directly or as a meta-annotation). */
public final class AnnotatedClasses {
  private AnnotatedClasses() {}

  /** Every concrete class under {@code org.kimberlite} annotated with {@code annotation}. */
  public static List<Class<?>> of(Class<? extends Annotation> annotation) {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AnnotationTypeFilter(annotation));
    List<Class<?>> found = new ArrayList<>();
    for (BeanDefinition candidate : scan.findCandidateComponents("org.kimberlite")) {
      try {
        found.add(Class.forName(candidate.getBeanClassName()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }
}
