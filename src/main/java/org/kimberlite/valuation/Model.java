package org.kimberlite.valuation;

/**
 * The model (shape) of an assortment class, as sorters separate rough: unbroken regular crystals
 * (stones), less regular ones (shapes), broken or irregular pieces (cleavages), twinned flat
 * triangles (macles), thin parallel-sided pieces (flats), chips, and the commercial groups of
 * makeables, rejections and boart.
 */
public enum Model {
  STONES,
  SHAPES,
  CLEAVAGES,
  MACLES,
  FLATS,
  CHIPS,
  MAKEABLES,
  REJECTIONS,
  BOART
}
