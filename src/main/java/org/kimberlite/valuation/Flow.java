package org.kimberlite.valuation;

/**
 * The flow of an export, which sets the statistics a band is drawn from (VAL-02, KP-11): a producer
 * exporting its own goods, or a trading centre re-exporting goods of other origins (an exporter
 * other than the origin, or a mixed origin).
 */
public enum Flow {
  PRODUCER,
  TRADING
}
