package org.kimberlite;

import java.time.Clock;
import org.kimberlite.cli.KimberliteCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Entry point: the command line decides what runs (see {@link KimberliteCommand}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KimberliteApplication {

  /** The one source of time for the whole platform; tests replace it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    System.exit(KimberliteCommand.execute(KimberliteApplication::start, args));
  }

  /** Starts the platform with the given Spring arguments and returns the running context. */
  public static ConfigurableApplicationContext start(String... springArgs) {
    return SpringApplication.run(KimberliteApplication.class, springArgs);
  }
}
