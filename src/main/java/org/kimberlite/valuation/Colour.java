package org.kimberlite.valuation;

/** The colour separation of an assortment class. */
public enum Colour {
  WHITE,
  CAPE,
  YELLOW,
  BROWN,
  GREY,
  FANCY,
  MIXED
}
