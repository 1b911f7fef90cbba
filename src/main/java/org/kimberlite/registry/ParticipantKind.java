package org.kimberlite.registry;

/** Whether a listed body is a KP participant or a trading entity that meets the requirements. */
public enum ParticipantKind {
  PARTICIPANT,
  ENTITY
}
