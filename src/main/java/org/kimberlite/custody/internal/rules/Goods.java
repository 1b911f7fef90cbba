package org.kimberlite.custody.internal.rules;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.Carats;

/**
 * What the chain of custody knows of one lot, parcel or stone under the diamond profile.
 *
 * @param holder the organisation that holds the goods (null once sold to a consumer)
 * @param pendingTo the organisation a shipment of the goods is addressed to, until it records
 *     receiving them
 * @param pendingWarranted whether that shipment carried a warranty statement
 * @param nature null when none was ever declared (LGD-01)
 * @param treated whether the goods are known to be treated
 * @param origins the KP participants of origin, or mixed
 * @param warranted whether the holder received (or produced) them with a warranty
 * @param carats their weight, when an event gave it
 * @param kind rough, polished or jewellery, when known
 * @param sold sold to a consumer (retail): no holder any more
 */
public record Goods(
    @Nullable UUID holder,
    @Nullable UUID pendingTo,
    boolean pendingWarranted,
    @Nullable Nature nature,
    boolean treated,
    Origins origins,
    boolean warranted,
    @Nullable Carats carats,
    @Nullable GoodsKind kind,
    boolean sold) {
  public Goods {
    Objects.requireNonNull(origins, "origins");
  }

  Goods withHolder(@Nullable UUID newHolder, boolean newWarranted) {
    return new Goods(
        newHolder, null, false, nature, treated, origins, newWarranted, carats, kind, sold);
  }

  Goods shippedTo(@Nullable UUID to, boolean withWarranty, @Nullable GoodsKind newKind) {
    return new Goods(
        holder,
        to,
        withWarranty,
        nature,
        treated,
        origins,
        warranted,
        carats,
        newKind == null ? kind : newKind,
        sold);
  }

  Goods withNature(@Nullable Nature newNature, boolean newTreated) {
    return new Goods(
        holder,
        pendingTo,
        pendingWarranted,
        newNature,
        newTreated,
        origins,
        warranted,
        carats,
        kind,
        sold);
  }

  Goods soldToConsumer() {
    return new Goods(null, null, false, nature, treated, origins, warranted, carats, kind, true);
  }
}
