package org.kimberlite.custody.internal.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.EpcRef;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.ParsedEvent;
import org.kimberlite.custody.internal.EventReader;
import org.kimberlite.custody.internal.rules.GoodsKind;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.Origins;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import tools.jackson.databind.JsonNode;

/**
 * What one event says in the profile's vocabulary ({@code kimberlite:} members, quantities in
 * carats, invoices and KP certificates among its business transactions, the owning party it ships
 * to), read once; values that cannot be read are {@link #faults()} (CUS-01).
 *
 * @param marked the event carries a member of the profile's namespace or a KP certificate
 * @param certificates KP certificate numbers of its {@code kimberlite:kp-certificate} transactions
 * @param invoice whether it carries an invoice ({@code inv}) transaction
 * @param warranty the {@code kimberlite:warranty} text, if any
 * @param description the {@code kimberlite:description} text, if any
 * @param screening the screening result: natural, laboratory-grown, unscreened for inconclusive
 * @param invoiceUsd the {@code kimberlite:invoiceUsd} amount of the event's invoice, if given
 */
public record ProfileFacts(
    boolean marked,
    Holdings.Step step,
    Holdings.Move move,
    List<String> certificates,
    boolean invoice,
    @Nullable String warranty,
    @Nullable String description,
    @Nullable Nature screening,
    @Nullable UsdAmount invoiceUsd,
    List<Fault> faults) {

  /** The profile's namespace. */
  public static final String NAMESPACE = "https://kimberlite.org/epcis/profile/";

  /** The prefix documents bind to {@link #NAMESPACE}. */
  public static final String PREFIX = "kimberlite";

  /** The business transaction type of a KP certificate. */
  public static final String KP_CERTIFICATE_TYPE = NAMESPACE + "kp-certificate";

  /** The start of a KP certificate's business transaction identifier; the number follows. */
  public static final String KP_CERTIFICATE_URN = "urn:kimberlite:kp-certificate:";

  /** The start of an organisation's identifier as an owning party; its UUID follows. */
  public static final String ORGANISATION_URN = "urn:kimberlite:org:";

  /** The unit of measure of carats in EPCIS quantities (UN/ECE Recommendation 20: metric carat). */
  public static final String CARAT_UOM = "CTM";

  private static final Pattern CERTIFICATE_NUMBER = Pattern.compile("[A-Z]{2}[A-Z0-9/-]{1,30}");
  private static final int MAX_TEXT = 4_000;
  private static final int MAX_ORIGINS = 100;

  /** A value of the profile that cannot be read. */
  public record Fault(String pointer, String message) {}

  public ProfileFacts {
    certificates = List.copyOf(certificates);
    faults = List.copyOf(faults);
  }

  /** Reads {@code event} as captured by {@code actor}. */
  public static ProfileFacts read(ParsedEvent event, UUID actor) {
    return new Reader(event).read(actor);
  }

  private static final class Reader {
    private final ParsedEvent event;
    private final JsonNode json;
    private final List<Fault> faults = new ArrayList<>();
    private boolean marked;

    Reader(ParsedEvent event) {
      this.event = event;
      this.json = event.json();
    }

    ProfileFacts read(UUID actor) {
      for (String name : json.propertyNames()) {
        marked |= ours(name);
      }
      JsonNode ilmd = json.get("ilmd");
      if (ilmd != null && ilmd.isObject()) {
        for (String name : ilmd.propertyNames()) {
          marked |= ours(name);
        }
      }
      Nature nature = nature(member("nature"), "nature", false);
      Boolean treated = null;
      Located t = member("treated");
      if (t != null) {
        if (t.node().isBoolean()) {
          treated = t.node().booleanValue();
        } else {
          faults.add(new Fault(t.pointer(), "kimberlite:treated is true or false"));
        }
      }
      text(member("treatment"), "treatment");
      Origins origins = origins(member("origin"));
      String warranty = text(member("warranty"), "warranty");
      String description = text(member("description"), "description");
      UsdAmount invoiceUsd = usd(member("invoiceUsd"));
      GoodsKind kind = kind(member("goods"));
      Nature screening = null;
      Located s = member("screening");
      if (s != null) {
        JsonNode result = s.node().isObject() ? field(s.node(), "result") : null;
        if (result == null) {
          faults.add(
              new Fault(
                  s.pointer(),
                  "kimberlite:screening is an object with kimberlite:result (natural,"
                      + " laboratory-grown or inconclusive)"));
        } else {
          screening =
              nature(new Located(result, s.pointer() + "/kimberlite:result"), "result", true);
        }
      }
      List<String> certificates = new ArrayList<>();
      boolean invoice = false;
      JsonNode txs = json.get("bizTransactionList");
      if (txs != null && txs.isArray()) {
        for (int i = 0; i < txs.size(); i++) {
          JsonNode tx = txs.get(i);
          String type = tx.path("type").asString("");
          String value = tx.path("bizTransaction").asString("");
          if (isType(type, "inv")) {
            invoice = true;
          } else if (type.equals(KP_CERTIFICATE_TYPE) || type.equals(PREFIX + ":kp-certificate")) {
            marked = true;
            String number =
                value.startsWith(KP_CERTIFICATE_URN)
                    ? value.substring(KP_CERTIFICATE_URN.length())
                    : "";
            if (!CERTIFICATE_NUMBER.matcher(number).matches()) {
              faults.add(
                  new Fault(
                      "/bizTransactionList/" + i + "/bizTransaction",
                      "a KP certificate is named "
                          + KP_CERTIFICATE_URN
                          + "<number>, the number"
                          + " as on the certificate (KP-06)"));
            } else {
              certificates.add(number);
            }
          }
        }
      }
      UUID destination = null;
      JsonNode dests = json.get("destinationList");
      if (dests != null && dests.isArray()) {
        for (int i = 0; i < dests.size(); i++) {
          JsonNode d = dests.get(i);
          if (isSdt(d.path("type").asString(""), "owning_party")) {
            String id = d.path("destination").asString("");
            if (id.startsWith(ORGANISATION_URN)) {
              try {
                destination = UUID.fromString(id.substring(ORGANISATION_URN.length()));
              } catch (IllegalArgumentException e) {
                faults.add(
                    new Fault(
                        "/destinationList/" + i + "/destination",
                        "an organisation is named " + ORGANISATION_URN + "<its id>"));
              }
            }
          }
        }
      }
      Map<String, Carats> carats = carats();
      Holdings.Step step = step();
      List<String> objects = new ArrayList<>();
      List<String> inputs = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      for (EpcRef ref : event.epcs()) {
        switch (ref.role()) {
          case "epc", "class" -> objects.add(ref.canonical());
          case "child", "childClass", "input", "inputClass" -> inputs.add(ref.canonical());
          case "parent", "output", "outputClass" -> outputs.add(ref.canonical());
          default -> {}
        }
      }
      if (step == Holdings.Step.AGGREGATING) {
        objects.addAll(inputs);
      }
      Holdings.Move move =
          new Holdings.Move(
              step,
              actor,
              dedupe(objects),
              dedupe(inputs),
              dedupe(outputs),
              new Holdings.Declared(
                  nature,
                  treated,
                  origins,
                  warranty != null,
                  kind,
                  screening,
                  destination,
                  carats));
      return new ProfileFacts(
          marked,
          step,
          move,
          certificates,
          invoice,
          warranty,
          description,
          screening,
          invoiceUsd,
          faults);
    }

    private Holdings.Step step() {
      String word = word(event.bizStep(), "BizStep-");
      String action = event.action() == null ? "" : event.action();
      return switch (event.type()) {
        case "AggregationEvent" ->
            action.equals("ADD") ? Holdings.Step.AGGREGATING : Holdings.Step.OTHER;
        case "TransformationEvent" -> Holdings.Step.TRANSFORMING;
        case "ObjectEvent" ->
            switch (word) {
              case "commissioning" -> Holdings.Step.COMMISSIONING;
              case "receiving" -> Holdings.Step.RECEIVING;
              case "shipping" -> Holdings.Step.SHIPPING;
              case "inspecting" -> Holdings.Step.INSPECTING;
              case "retail_selling" -> Holdings.Step.RETAIL_SELLING;
              default -> action.equals("ADD") ? Holdings.Step.COMMISSIONING : Holdings.Step.OTHER;
            };
        default -> Holdings.Step.OTHER;
      };
    }

    private static List<String> dedupe(List<String> ids) {
      return List.copyOf(new java.util.LinkedHashSet<>(ids));
    }

    private Map<String, Carats> carats() {
      Map<String, String> canonical = new HashMap<>();
      for (EpcRef ref : event.epcs()) {
        canonical.put(ref.value(), ref.canonical());
      }
      Map<String, Carats> out = new LinkedHashMap<>();
      for (String list :
          List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
        JsonNode q = json.get(list);
        if (q == null || !q.isArray()) {
          continue;
        }
        for (int i = 0; i < q.size(); i++) {
          JsonNode e = q.get(i);
          if (!CARAT_UOM.equals(e.path("uom").asString(""))) {
            continue;
          }
          marked = true;
          String cls = e.path("epcClass").asString("");
          Carats c = caratsOf(e.get("quantity"), "/" + list + "/" + i + "/quantity");
          if (c != null) {
            out.put(canonical.getOrDefault(cls, EventReader.canonical(cls)), c);
          }
        }
      }
      Located m = member("carats");
      if (m != null) {
        if (!m.node().isObject()) {
          faults.add(
              new Fault(m.pointer(), "kimberlite:carats maps each EPC to its weight in carats"));
        } else {
          for (String epc : m.node().propertyNames()) {
            Carats c = caratsOf(m.node().get(epc), m.pointer() + "/" + escape(epc));
            if (c != null) {
              out.put(canonical.getOrDefault(epc, EventReader.canonical(epc)), c);
            }
          }
        }
      }
      return out;
    }

    private @Nullable Carats caratsOf(@Nullable JsonNode node, String pointer) {
      try {
        if (node != null && node.isNumber()) {
          return Carats.of(node.decimalValue());
        }
        if (node != null && node.isString() && node.stringValue().length() <= 20) {
          return Carats.of(new BigDecimal(node.stringValue()));
        }
      } catch (RuntimeException e) {
        // reported below
      }
      faults.add(new Fault(pointer, "a weight in carats is a number to the hundredth, 0 or more"));
      return null;
    }

    private @Nullable UsdAmount usd(@Nullable Located n) {
      if (n == null) {
        return null;
      }
      try {
        if (n.node().isNumber()) {
          return UsdAmount.of(n.node().decimalValue());
        }
        if (n.node().isString() && n.node().stringValue().length() <= 20) {
          return UsdAmount.of(new BigDecimal(n.node().stringValue()));
        }
      } catch (RuntimeException e) {
        // reported below
      }
      faults.add(
          new Fault(n.pointer(), "kimberlite:invoiceUsd is an amount in US dollars to the cent"));
      return null;
    }

    private @Nullable Nature nature(@Nullable Located n, String what, boolean screening) {
      if (n == null) {
        return null;
      }
      String v = n.node().isString() ? n.node().stringValue() : "";
      return switch (v) {
        case "natural" -> Nature.NATURAL;
        case "laboratory-grown" -> Nature.LABORATORY_GROWN;
        case "unscreened" -> screening ? bad(n, what) : Nature.UNSCREENED;
        case "inconclusive" -> screening ? Nature.UNSCREENED : bad(n, what);
        default -> bad(n, what);
      };
    }

    private @Nullable Nature bad(Located n, String what) {
      faults.add(
          new Fault(
              n.pointer(),
              what.equals("result")
                  ? "a screening result is natural, laboratory-grown or inconclusive"
                  : "kimberlite:nature is natural, laboratory-grown or unscreened"));
      return null;
    }

    private @Nullable GoodsKind kind(@Nullable Located n) {
      if (n == null) {
        return null;
      }
      String v = n.node().isString() ? n.node().stringValue() : "";
      return switch (v) {
        case "rough" -> GoodsKind.ROUGH;
        case "polished" -> GoodsKind.POLISHED;
        case "jewellery" -> GoodsKind.JEWELLERY;
        default -> {
          faults.add(new Fault(n.pointer(), "kimberlite:goods is rough, polished or jewellery"));
          yield null;
        }
      };
    }

    private @Nullable Origins origins(@Nullable Located n) {
      if (n == null) {
        return null;
      }
      JsonNode v = n.node();
      if (v.isString() && v.stringValue().equals("mixed")) {
        return Origins.MIXED;
      }
      if (v.isArray() && !v.isEmpty() && v.size() <= MAX_ORIGINS) {
        TreeSet<ParticipantCode> codes = new TreeSet<>();
        for (JsonNode c : v) {
          try {
            codes.add(ParticipantCode.of(c.asString("")));
          } catch (RuntimeException e) {
            codes.clear();
            break;
          }
        }
        if (!codes.isEmpty()) {
          return new Origins.Listed(codes);
        }
      }
      faults.add(
          new Fault(
              n.pointer(), "kimberlite:origin is \"mixed\" or a list of KP participant codes"));
      return null;
    }

    private @Nullable String text(@Nullable Located n, String what) {
      if (n == null) {
        return null;
      }
      if (!n.node().isString() || n.node().stringValue().length() > MAX_TEXT) {
        faults.add(
            new Fault(n.pointer(), "kimberlite:" + what + " is text of at most 4,000 characters"));
        return null;
      }
      return n.node().stringValue();
    }

    /** A profile member at the top of the event or in its ilmd, by local name. */
    private @Nullable Located member(String local) {
      for (String name : List.of(PREFIX + ":" + local, NAMESPACE + local)) {
        JsonNode top = json.get(name);
        if (top != null) {
          return new Located(top, "/" + escape(name));
        }
        JsonNode ilmd = json.get("ilmd");
        if (ilmd != null && ilmd.get(name) != null) {
          return new Located(ilmd.get(name), "/ilmd/" + escape(name));
        }
      }
      return null;
    }

    private static @Nullable JsonNode field(JsonNode object, String local) {
      JsonNode n = object.get(PREFIX + ":" + local);
      return n != null ? n : object.get(NAMESPACE + local);
    }
  }

  private record Located(JsonNode node, String pointer) {}

  static boolean ours(String member) {
    return member.startsWith(PREFIX + ":") || member.startsWith(NAMESPACE);
  }

  /** The CBV word of a value written as a word, a URN or a web URI. */
  static String word(@Nullable String value, String webPrefix) {
    if (value == null) {
      return "";
    }
    if (value.startsWith("https://ref.gs1.org/cbv/" + webPrefix)) {
      return value.substring(("https://ref.gs1.org/cbv/" + webPrefix).length());
    }
    int colon = value.lastIndexOf(':');
    return value.startsWith("urn:epcglobal:cbv:") ? value.substring(colon + 1) : value;
  }

  private static boolean isType(String type, String word) {
    return word.equals(word(type, "BTT-").toLowerCase(Locale.ROOT));
  }

  private static boolean isSdt(String type, String word) {
    return word.equals(word(type, "SDT-"));
  }

  private static String escape(String member) {
    return member.replace("~", "~0").replace("/", "~1");
  }
}
