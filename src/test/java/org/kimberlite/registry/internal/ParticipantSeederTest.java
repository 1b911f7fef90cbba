package org.kimberlite.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed lists read as CSV: quoted cells keep their commas, every row has its columns. */
class ParticipantSeederTest {
  @Test
  void theSeedListsReadWithQuotedCommas() {
    List<String[]> participants = ParticipantSeeder.read("registry/kp-participants.csv", 6);
    assertThat(participants).hasSizeGreaterThan(50);
    String[] russia =
        participants.stream().filter(r -> r[0].equals("RU")).findFirst().orElseThrow();
    assertThat(russia[5])
        .startsWith("largest producer by volume; G7/EU import bans")
        .contains(", not");
    assertThat(ParticipantSeeder.read("registry/participant-history.csv", 6))
        .anySatisfy(r -> assertThat(r[5]).contains("compliant zones, overseen"));
    assertThat(ParticipantSeeder.read("registry/eu-member-states.csv", 2)).hasSize(27);
  }

  @Test
  void aListWithOtherColumnsIsRefused() {
    assertThatThrownBy(() -> ParticipantSeeder.read("registry/eu-member-states.csv", 3))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ParticipantSeeder.read("registry/none.csv", 3))
        .isInstanceOf(IllegalStateException.class);
  }
}
