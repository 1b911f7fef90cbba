package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps, as anonymous and as a signed-in KP authority (bearer
 * token for the API, a session for pages), with hostile path variables, query parameters, JSON
 * bodies and content types. Whatever is sent, the server answers within a deadline, never with a
 * 5xx, and never with a body that names Java classes, packages or library internals; a refused
 * query parameter is named in the refusal.
 *
 * <p>The walk is bounded: each hostile value class is sent once per parameter or body member (not
 * the cross product), each role signs in once, requests go out from a small pool, an endpoint that
 * lets requests run into the deadline twice is not walked further (it has already failed), and the
 * whole walk stops after {@link #WALK_BUDGET}. It takes well under a minute here.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
class HostileInputH2IT {
  static final Duration DEADLINE = Duration.ofSeconds(5);
  static final List<String> LEAKS =
      List.of("java.", "tools.jackson", "org.springframework", "org.kimberlite", "Exception");

  /** Requests in flight at once: enough to overlap client and server work on two cores. */
  static final int POOL = 4;

  /** The whole walk stops after this long; what was not sent by then is a failure. */
  static final Duration WALK_BUDGET = Duration.ofMinutes(3);

  /** An endpoint that lets this many requests run into the deadline is not walked further. */
  static final int TIMEOUTS_PER_ENDPOINT = 2;

  /**
   * Known failures that live out of reach, each with its reason; the report lists them. Keys are
   * "METHOD pattern" prefixes of the failure lines. Keep this empty when it can be.
   */
  static final Map<String, String> KNOWN = Map.of();

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:hostile-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  static String enc(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Path segment values, already percent-encoded where needed. */
  static final List<String> HOSTILE_SEGMENTS =
      List.of(
          "99999999999999999999999",
          "-1",
          "0",
          enc("x".repeat(10_000)),
          "a%00b",
          enc("a\u0001\u001b[31m\u007f\u0085b"),
          enc("a\u202Eb\u2066c"),
          "..%2F..%2Fetc%2Fpasswd",
          "..",
          enc("東京💎"),
          "%C0%AE%C0%AE",
          "%25",
          enc("' OR 1=1 --"));

  static final List<String> HOSTILE_QUERY_VALUES =
      List.of(
          "99999999999999999999999",
          "2147483647",
          "-2147483648",
          "-1",
          "1e309",
          "NaN",
          enc("x".repeat(10_000)),
          "%00",
          enc("\u0001\u202E\u2067"),
          "..%2F..%2F",
          enc("東京"));

  static final List<String> EXTRA_PARAMS = List.of("page", "size");

  record Endpoint(String method, String pattern, HandlerMethod handler, Set<MediaType> consumes) {
    String label() {
      return method + " " + pattern;
    }

    /** Whether the endpoint reads a JSON body (not plain text, not a form). */
    boolean readsJson() {
      return bodyType() != null
          && (consumes.isEmpty()
              || consumes.stream().anyMatch(MediaType.APPLICATION_JSON::includes));
    }

    boolean machine() {
      return pattern.startsWith("/api/") || pattern.startsWith("/log/");
    }

    Set<String> queryParams() {
      Set<String> names = new LinkedHashSet<>();
      for (MethodParameter p : handler.getMethodParameters()) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null) {
          String name = !rp.name().isEmpty() ? rp.name() : rp.value();
          if (name.isEmpty()) {
            p.initParameterNameDiscovery(
                new org.springframework.core.DefaultParameterNameDiscoverer());
            name = String.valueOf(p.getParameterName());
          }
          names.add(name);
        }
      }
      return names;
    }

    Class<?> bodyType() {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (p.hasParameterAnnotation(RequestBody.class)) {
          return p.getParameterType();
        }
      }
      return null;
    }
  }

  /** Who calls: headers to add, and a CSRF token for page posts when signed in. */
  record Caller(String name, HttpClient client, Map<String, String> headers, String csrf) {}

  final Queue<String> failures = new ConcurrentLinkedQueue<>();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, Stats> stats = new ConcurrentHashMap<>();

  /** What one endpoint cost, as one caller: requests, time spent, slowest request. */
  static final class Stats {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicLong millis = new AtomicLong();
    final AtomicLong slowest = new AtomicLong();
  }

  /** One request to send; {@code param} is the query parameter it makes hostile, if any. */
  record Probe(
      Caller caller,
      Endpoint endpoint,
      String method,
      String path,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable String param,
      List<String> headers) {}

  @Test
  void everyEndpointSurvivesHostileInput() throws Exception {
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(30);

    Api anonymousApi = new Api("http://127.0.0.1:" + port);
    Actors.Actor authority =
        new Actors(organisations, accounts, anonymousApi)
            .create(OrganisationRole.KP_AUTHORITY, "BW");
    // One token and one session for the whole walk: signing in costs a password hash.
    String token = bearer(authority);
    List<Caller> callers = new ArrayList<>();
    callers.add(new Caller("anonymous", client(), Map.of(), null));
    HttpClient session = client();
    String csrf = signIn(session, authority.username(), authority.password());
    callers.add(new Caller("authority", session, Map.of("Authorization", "Bearer " + token), csrf));

    List<Probe> probes = new ArrayList<>();
    for (Caller caller : callers) {
      for (Endpoint e : endpoints) {
        probes.addAll(probes(caller, e));
      }
    }
    long t0 = System.nanoTime();
    long stopAt = t0 + WALK_BUDGET.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(POOL);
    AtomicInteger skipped = new AtomicInteger();
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (Probe probe : probes) {
        sent.add(
            pool.submit(
                () -> {
                  Stats s = stats(probe);
                  if (System.nanoTime() > stopAt || s.timeouts.get() >= TIMEOUTS_PER_ENDPOINT) {
                    skipped.incrementAndGet();
                    return;
                  }
                  send(probe, s);
                }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(DEADLINE.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
    }
    long walkMillis = (System.nanoTime() - t0) / 1_000_000;
    stats.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue().slowest.get(), x.getValue().slowest.get()))
        .limit(15)
        .forEach(
            s ->
                System.out.printf(
                    "walk %s: %d requests, %d ms in all, slowest %d ms%n",
                    s.getKey(),
                    s.getValue().requests.get(),
                    s.getValue().millis.get(),
                    s.getValue().slowest.get()));
    System.out.printf(
        "HostileInputH2IT: %d requests to %d endpoints as %d callers in %d ms (%d not sent)%n",
        requests.get(), endpoints.size(), callers.size(), walkMillis, skipped.get());
    if (skipped.get() > 0) {
      failures.add(
          skipped.get()
              + " requests not sent: the walk ran out of its "
              + WALK_BUDGET.toSeconds()
              + " s budget or an endpoint kept running into the deadline");
    }
    List<String> unexpected =
        failures.stream()
            .filter(f -> KNOWN.keySet().stream().noneMatch(f::contains))
            .sorted()
            .toList();
    assertThat(unexpected)
        .as(
            "%d of %d requests failed:%n%s",
            unexpected.size(), requests.get(), String.join("\n", unexpected))
        .isEmpty();
  }

  Stats stats(Probe p) {
    return stats.computeIfAbsent(
        p.endpoint().label() + " as " + p.caller().name(), k -> new Stats());
  }

  List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<String> patterns = info.getPatternValues();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      Collection<RequestMethod> each =
          methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods;
      for (String pattern : patterns) {
        for (RequestMethod m : each) {
          out.add(
              new Endpoint(
                  m.name(),
                  pattern,
                  entry.getValue(),
                  info.getConsumesCondition().getConsumableMediaTypes()));
        }
      }
    }
    out.sort((a, b) -> a.label().compareTo(b.label()));
    return out;
  }

  static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  /** The pattern with every variable set to {@code value} (or a plausible value if null). */
  static String fill(String pattern, String value) {
    Matcher m = VARIABLE.matcher(pattern.replace("/**", "/x"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).replaceAll("[:*].*", "");
      String v = value != null ? value : plausible(name);
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String plausible(String name) {
    String n = name.toLowerCase();
    if (n.contains("id")) {
      return UUID.randomUUID().toString();
    }
    if (n.contains("number")) {
      return "KP-BW-2026-000001";
    }
    if (n.contains("year")) {
      return "2025";
    }
    if (n.contains("level") || n.contains("index") || n.contains("size")) {
      return "0";
    }
    return "BW";
  }

  /**
   * The requests for one endpoint as one caller. Every hostile value class goes once into every
   * path variable, query parameter and body member, with the rest of the request plausible.
   */
  static List<Probe> probes(Caller caller, Endpoint e) {
    List<Probe> out = new ArrayList<>();
    String method = e.method();
    boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(method);
    String json = hasBody ? "application/json" : null;
    String empty = hasBody ? "{}" : null;
    // Hostile path variables.
    if (VARIABLE.matcher(e.pattern()).find()) {
      for (String v : HOSTILE_SEGMENTS) {
        out.add(probe(caller, e, method, fill(e.pattern(), v), json, empty, null));
      }
    }
    String path = fill(e.pattern(), null);
    // Hostile query parameters, declared and usual ones.
    Set<String> declared = e.queryParams();
    Set<String> params = new LinkedHashSet<>(declared);
    params.addAll(EXTRA_PARAMS);
    for (String p : params) {
      for (String v : HOSTILE_QUERY_VALUES) {
        out.add(
            probe(
                caller,
                e,
                method,
                path + "?" + p + "=" + v,
                json,
                empty,
                declared.contains(p) ? p : null));
      }
    }
    // Accept mismatch and a method nobody maps.
    out.add(probe(caller, e, method, path, null, null, null, "Accept", "image/png"));
    out.add(probe(caller, e, "PATCH".equals(method) ? "TRACE" : "PATCH", path, null, null, null));
    if (!hasBody) {
      return out;
    }
    for (String body : hostileBodies(e.bodyType())) {
      out.add(probe(caller, e, method, path, "application/json", body, null));
    }
    // Wrong content types and no body at all.
    out.add(
        probe(
            caller,
            e,
            method,
            path,
            "application/x-www-form-urlencoded",
            "username=a&password=b&a=%00",
            null));
    out.add(
        probe(
            caller,
            e,
            method,
            path,
            "multipart/form-data; boundary=XyZ",
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XyZ--\r\n",
            null));
    out.add(
        probe(
            caller,
            e,
            method,
            path,
            "multipart/form-data; boundary=XyZ",
            "not multipart at all",
            null));
    out.add(probe(caller, e, method, path, "text/plain", "hello", null));
    out.add(probe(caller, e, method, path, "application/json", "", null));
    out.add(probe(caller, e, method, path, null, "{}", null));
    out.add(probe(caller, e, method, path, "application/json; charset=klingon", "{}", null));
    return out;
  }

  static Probe probe(
      Caller caller,
      Endpoint e,
      String method,
      String path,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable String param,
      String... headers) {
    return new Probe(caller, e, method, path, contentType, body, param, List.of(headers));
  }

  static List<String> hostileBodies(Class<?> type) {
    List<String> bodies = new ArrayList<>();
    bodies.add("null");
    bodies.add("[]");
    bodies.add("{}");
    bodies.add("\"text\"");
    bodies.add("42");
    bodies.add("{".repeat(1) + "\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    bodies.add("[".repeat(10_000) + "]".repeat(10_000));
    bodies.add("{\"a\":1,\"a\":2}");
    bodies.add("{\"a\":1");
    bodies.add("{\"a\":1}  garbage");
    bodies.add(" ".repeat(2_000_000));
    bodies.add("{\"x\":\"\\u0000\\u202e\"}");
    if (type != null && type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      // One member alone: each member and each hostile value class once (not every pair; the
      // pairs are sent below with the other members plausible, which gets further in).
      int alone = 0;
      for (RecordComponent c : components) {
        alone = Math.max(alone, hostileValues(c.getGenericType()).size());
      }
      alone = Math.max(alone, components.length);
      for (int i = 0; i < alone && components.length > 0; i++) {
        RecordComponent c = components[i % components.length];
        List<String> values = hostileValues(c.getGenericType());
        bodies.add("{\"" + c.getName() + "\":" + values.get(i % values.size()) + "}");
      }
      // Every member present but hostile in turn, the others plausible.
      Map<String, String> plausible = new LinkedHashMap<>();
      for (RecordComponent c : components) {
        plausible.put(c.getName(), plausibleJson(c.getGenericType()));
      }
      bodies.add(object(plausible));
      for (RecordComponent c : components) {
        for (String v : hostileValues(c.getGenericType())) {
          Map<String, String> one = new LinkedHashMap<>(plausible);
          one.put(c.getName(), v);
          bodies.add(object(one));
        }
      }
      Map<String, String> duplicate = new LinkedHashMap<>(plausible);
      String body = object(duplicate);
      if (components.length > 0) {
        bodies.add(
            body.substring(0, body.length() - 1)
                + ",\""
                + components[0].getName()
                + "\":"
                + plausibleJson(components[0].getGenericType())
                + "}");
      }
    }
    return bodies;
  }

  static String object(Map<String, String> members) {
    StringBuilder out = new StringBuilder("{");
    members.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append('"').append(k).append("\":").append(v);
        });
    return out.append('}').toString();
  }

  static List<String> hostileValues(Type type) {
    List<String> values =
        new ArrayList<>(
            List.of(
                "null",
                "\"12\"",
                "1.5",
                "99999999999999999999999999",
                "-1",
                "true",
                "[null]",
                "{\"x\":null}",
                "\"" + "y".repeat(10_000) + "\"",
                "\"a\\u0000\\u001b\\u202e\\u2066b\"",
                "\"\\ud800\""));
    if (type instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      values.add("[{}]");
      values.add("[" + "{},".repeat(1000) + "{}]");
      for (RecordComponent c : element.getRecordComponents()) {
        values.add("[{\"" + c.getName() + "\":null}]");
        values.add("[{\"" + c.getName() + "\":\"12\"}]");
        values.add("[{\"" + c.getName() + "\":[null]}]");
      }
    }
    return values;
  }

  static String plausibleJson(Type type) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "1";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "false";
    }
    if (Number.class.isAssignableFrom(raw) || raw.getSimpleName().matches("Carats|Usd.*")) {
      return "1.5";
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return "[]";
    }
    if (raw == java.time.LocalDate.class) {
      return "\"2026-01-01\"";
    }
    if (raw == UUID.class) {
      return "\"" + UUID.randomUUID() + "\"";
    }
    if (raw.isEnum() && raw.getEnumConstants().length > 0) {
      return "\"" + raw.getEnumConstants()[0] + "\"";
    }
    if (raw.isRecord()) {
      return "{}";
    }
    return "\"BW\"";
  }

  void send(Probe p, Stats stats) {
    Caller caller = p.caller();
    Endpoint e = p.endpoint();
    String path = p.path();
    String body = p.body();
    String contentType = p.contentType();
    requests.incrementAndGet();
    stats.requests.incrementAndGet();
    String line = e.label() + " as " + caller.name() + ": " + p.method() + " " + shorten(path);
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(DEADLINE);
    } catch (IllegalArgumentException notAUri) {
      return; // the client cannot even send it
    }
    b.method(
        p.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    boolean acceptSet = false;
    List<String> headers = p.headers();
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      b.header(headers.get(i), headers.get(i + 1));
      acceptSet |= headers.get(i).equalsIgnoreCase("Accept");
    }
    if (!acceptSet) {
      b.header("Accept", e.machine() ? "application/json" : "text/html");
    }
    caller.headers().forEach(b::header);
    if (caller.csrf() != null && !e.machine()) {
      b.header("X-XSRF-TOKEN", caller.csrf());
    }
    if (body != null && body.length() < 200) {
      line += " body " + shorten(body);
    } else if (body != null) {
      line += " body of " + body.length() + " chars starting " + shorten(body);
    }
    if (contentType != null) {
      line += " [" + contentType + "]";
    }
    long start = System.nanoTime();
    HttpResponse<String> r;
    try {
      HttpRequest request = b.build();
      try {
        r = caller.client().send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException io) {
        if (io instanceof HttpTimeoutException) {
          throw io;
        }
        // The server closes the connection on a request line over its size limit, sometimes
        // before the client has read the answer; once more on a fresh connection tells that
        // apart from a server that drops requests.
        r = caller.client().send(request, HttpResponse.BodyHandlers.ofString());
      }
    } catch (HttpTimeoutException timeout) {
      stats.timeouts.incrementAndGet();
      failures.add(line + " -> no answer within " + DEADLINE.toSeconds() + " s");
      return;
    } catch (IOException io) {
      failures.add(line + " -> connection failed: " + io);
      return;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      stats.millis.addAndGet(millis);
      stats.slowest.accumulateAndGet(millis, Math::max);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    int status = r.statusCode();
    String text = r.body() == null ? "" : r.body();
    if (status >= 500) {
      failures.add(line + " -> " + status + " " + shorten(text));
    }
    if (status >= 400) {
      for (String leak : LEAKS) {
        if (text.contains(leak)) {
          failures.add(
              line + " -> " + status + " body names '" + leak + "': " + around(text, leak));
        }
      }
    }
    if (status == 405 && e.machine() && r.headers().firstValue("Allow").isEmpty()) {
      failures.add(line + " -> 405 without Allow");
    }
    if (e.machine()
        && status >= 400
        && status != 406
        && !r.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json")) {
      failures.add(
          line
              + " -> "
              + status
              + " as "
              + r.headers().firstValue("Content-Type").orElse("no content type")
              + ", not an RFC 9457 problem: "
              + shorten(text));
    }
    // A request line over the server's header size limit is refused before it is parsed, so
    // the refusal cannot name a parameter.
    if (p.param() != null
        && path.length() < 8_000
        && (status == 400 || status == 422)
        && !text.contains("'" + p.param() + "'")
        && !text.contains("\"" + p.param() + "\"")
        && !text.contains(">" + p.param() + "<")) {
      failures.add(
          line
              + " -> "
              + status
              + " refuses without naming parameter '"
              + p.param()
              + "': "
              + shorten(text));
    }
    if (contentType != null
        && e.machine()
        && e.readsJson()
        && body != null
        && (contentType.startsWith("application/x-www-form")
            || contentType.startsWith("multipart")
            || contentType.startsWith("text/plain"))
        && (status == 400 || status == 422 || status < 300)) {
      failures.add(line + " -> " + status + " for a form body on a JSON endpoint (415 expected)");
    }
    if (millis > DEADLINE.toMillis()) {
      failures.add(line + " -> took " + millis + " ms");
    }
  }

  static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 120 ? one.substring(0, 120) + "…(" + s.length() + ")" : one;
  }

  static String around(String text, String leak) {
    int i = text.indexOf(leak);
    return shorten(text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 80)));
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(DEADLINE)
        .build();
  }

  static String bearer(Actors.Actor actor) {
    // The actor's Api holds its token; ask for a fresh one the same way.
    Api api = new Api(actor.api().base());
    return api.post(
            "/api/v1/auth/token",
            Map.of("username", actor.username(), "password", actor.password()))
        .json()
        .get("token")
        .asString();
  }

  String signIn(HttpClient client, String username, String password)
      throws IOException, InterruptedException {
    String base = "http://127.0.0.1:" + port;
    String page =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + enc(username)
                            + "&password="
                            + enc(password)
                            + "&_csrf="
                            + enc(csrf.group(1))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String home =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"").matcher(home);
    assertThat(token.find()).as("CSRF token on the home page when signed in").isTrue();
    return token.group(1);
  }
}
