/**
 * The diamond-profile rules of custody as pure policies, called when custody events are captured:
 * warranty statements (SOW), natural versus laboratory-grown segregation and screening (LGD), trade
 * descriptions (NOM), transformation yield and what a transformation carries forward (CUS). No
 * Spring, no database, no clock: facts and dates come in, decisions naming the rules broken come
 * out (docs/rules.md).
 */
@NullMarked
package org.kimberlite.custody.internal.rules;

import org.jspecify.annotations.NullMarked;
