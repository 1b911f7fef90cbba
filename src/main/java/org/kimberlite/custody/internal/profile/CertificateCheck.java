package org.kimberlite.custody.internal.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Breach;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.GoodsKind;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CUS-06: a cross-border shipment of rough goods references a KP certificate (a {@code
 * kimberlite:kp-certificate} business transaction) that exists, of which the shipper is the
 * exporter (the receiver the importer, and the shipment's owning party the importer), and whose
 * carats match the goods' within the tolerance. Shipping or receiving rough goods between
 * organisations of different countries without one is refused.
 */
@Component
@Order(350)
class CertificateCheck extends ProfileCheck {
  private static final String RULE = "CUS-06";
  private static final String POINTER = "/bizTransactionList";

  private final ReadingCertificates certificates;
  private final Organisations organisations;
  private final ProfileProperties properties;

  CertificateCheck(
      ReadingCertificates certificates, Organisations organisations, ProfileProperties properties) {
    this.certificates = certificates;
    this.organisations = organisations;
    this.properties = properties;
  }

  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    return judge(step, new HashMap<>());
  }

  /** Each organisation's country is looked up once per batch. */
  @Override
  List<List<Located>> judgeAll(List<Replay.Step> steps, CaptureBatch batch) {
    Map<UUID, Optional<CountryCode>> countries = new HashMap<>();
    List<List<Located>> out = new ArrayList<>(steps.size());
    for (Replay.Step step : steps) {
      out.add(judge(step, countries));
    }
    return out;
  }

  private List<Located> judge(Replay.Step step, Map<UUID, Optional<CountryCode>> countries) {
    Holdings.Move move = step.move();
    List<Located> out = new ArrayList<>();
    if (step.facts().certificates().isEmpty()) {
      if (Natures.kind(step) == GoodsKind.ROUGH && crossesBorder(step, countries)) {
        out.add(
            refuse(
                "rough goods moving between organisations of different countries reference their"
                    + " KP certificate (a kimberlite:kp-certificate business transaction)"));
      }
      return out;
    }
    Caller reader = new Caller(new UUID(0, 0), "custody", move.actor(), "", Set.of(), null, false);
    Carats weight = weight(step);
    for (String number : step.facts().certificates()) {
      Optional<KpCertificate> found = certificates.get(reader, number);
      if (found.isEmpty()) {
        out.add(
            refuse(
                "no KP certificate "
                    + number
                    + " is on record with the capturing organisation as a party"));
        continue;
      }
      KpCertificate c = found.get();
      if (move.step() == Holdings.Step.SHIPPING
          && !move.actor().equals(c.exporter().organisationId())) {
        out.add(refuse("the shipper is not the exporter on KP certificate " + number));
      }
      UUID destination = move.declared().destination();
      if (move.step() == Holdings.Step.SHIPPING
          && destination != null
          && !destination.equals(c.importer().organisationId())) {
        out.add(
            refuse("the owning party shipped to is not the importer on KP certificate " + number));
      }
      if (move.step() == Holdings.Step.RECEIVING
          && !move.actor().equals(c.importer().organisationId())) {
        out.add(refuse("the receiver is not the importer on KP certificate " + number));
      }
      if (weight == null) {
        out.add(refuse("the goods under KP certificate " + number + " have no weight in carats"));
      } else if (!within(weight, c.carats())) {
        out.add(
            refuse(
                "the goods weigh "
                    + weight
                    + " ct but KP certificate "
                    + number
                    + " covers "
                    + c.carats()
                    + " ct"));
      }
    }
    return out;
  }

  private static Located refuse(String message) {
    return new Located(new Breach(RULE, Breach.Effect.BLOCK, message), POINTER);
  }

  boolean within(Carats goods, Carats certificate) {
    BigDecimal difference = goods.value().subtract(certificate.value()).abs();
    BigDecimal allowed =
        certificate
            .value()
            .multiply(properties.certificateTolerance())
            .max(properties.certificateToleranceCarats());
    return difference.compareTo(allowed) <= 0;
  }

  /** The total weight of the goods the event names, or null when one has none. */
  private static @Nullable Carats weight(Replay.Step step) {
    List<Carats> all = new ArrayList<>();
    for (String id : step.move().objects()) {
      Carats c = step.move().declared().carats().get(id);
      Goods g = Natures.goods(step, id);
      if (c == null && g != null) {
        c = g.carats();
      }
      if (c == null) {
        return null;
      }
      all.add(c);
    }
    return all.isEmpty() ? null : Carats.sum(all);
  }

  /**
   * Whether the goods cross a border: only a shipment to a declared destination or a receipt can;
   * the organisations' countries are looked up only then (a commissioning event needs none).
   */
  private boolean crossesBorder(Replay.Step step, Map<UUID, Optional<CountryCode>> countries) {
    Holdings.Move move = step.move();
    boolean shipsTo =
        move.step() == Holdings.Step.SHIPPING && move.declared().destination() != null;
    if (!shipsTo && move.step() != Holdings.Step.RECEIVING) {
      return false;
    }
    @Nullable CountryCode own = country(move.actor(), countries);
    if (own == null) {
      return false;
    }
    if (shipsTo) {
      CountryCode to = country(move.declared().destination(), countries);
      return to != null && !to.equals(own);
    }
    for (String id : move.objects()) {
      Goods g = step.before().get(id);
      if (g != null && move.actor().equals(g.pendingTo()) && g.holder() != null) {
        CountryCode from = country(g.holder(), countries);
        if (from != null && !from.equals(own)) {
          return true;
        }
      }
    }
    return false;
  }

  private @Nullable CountryCode country(
      UUID organisation, Map<UUID, Optional<CountryCode>> countries) {
    return countries
        .computeIfAbsent(
            organisation, id -> organisations.directoryEntry(id).map(Organisation::country))
        .orElse(null);
  }
}
