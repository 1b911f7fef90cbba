package org.kimberlite.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kimberlite.shared.json.CanonicalJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** RFC 8785 canonical JSON of a log record and of a whole commissioning event. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CanonicalJsonBenchmark {
  private final Map<String, Object> record = new LinkedHashMap<>();
  private final Map<String, Object> event = new LinkedHashMap<>();

  public CanonicalJsonBenchmark() {
    record.put(
        "eventHash", "ni:///sha-256;9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c?ver=CBV2.0");
    record.put("eventID", "urn:uuid:6f1c5c3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
    record.put("capturedBy", "6a1f0c52-7d9e-4b1a-9c3e-2f4d5e6a7b8c");
    record.put("captureID", "0b9e7d3c-5a4f-4e2d-8c1b-9a8f7e6d5c4b");
    record.put("recordTime", "2025-03-01T07:00:00.120Z");
    record.put(
        "eventDigest", "sha256:3f0c2b8a9d1e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c");
    event.put("type", "ObjectEvent");
    event.put("eventTime", "2025-03-01T09:00:00+02:00");
    event.put("eventTimeZoneOffset", "+02:00");
    event.put("action", "ADD");
    event.put("epcList", List.of());
    event.put(
        "quantityList",
        List.of(
            Map.of(
                "epcClass", "urn:epc:class:lgtin:9521141.012345.MINE-A",
                "quantity", 60,
                "uom", "CTM")));
    event.put("bizStep", "commissioning");
    event.put("disposition", "active");
    event.put("readPoint", Map.of("id", "urn:epc:id:sgln:9521141.00001.0"));
    event.put("kimberlite:nature", "natural");
    event.put("kimberlite:origin", List.of("BW"));
    event.put("kimberlite:goods", "rough");
    event.put("kimberlite:treated", false);
  }

  @Benchmark
  public byte[] logRecord() {
    return CanonicalJson.bytes(record);
  }

  @Benchmark
  public byte[] commissioningEvent() {
    return CanonicalJson.bytes(event);
  }
}
