package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;

class HoldingsTest {
  static final UUID MINE = new UUID(0, 1);
  static final UUID TRADER = new UUID(0, 2);
  static final UUID OTHER = new UUID(0, 3);

  static Holdings.Declared declared(Nature nature, boolean warranty, UUID to, Nature screening) {
    return new Holdings.Declared(
        nature,
        null,
        nature == null ? null : Origins.of(ParticipantCode.of("BW")),
        warranty,
        null,
        screening,
        to,
        Map.of("a", Carats.of("10.00"), "b", Carats.of("5.00")));
  }

  static Holdings.Move move(
      Holdings.Step step, UUID actor, List<String> objects, Holdings.Declared d) {
    return new Holdings.Move(step, actor, objects, List.of(), List.of(), d);
  }

  @Test
  void commissioningMakesTheCapturerTheHolderOfWarrantedNaturalGoods() {
    Map<String, Goods> after =
        Holdings.apply(
            move(
                Holdings.Step.COMMISSIONING,
                MINE,
                List.of("a"),
                declared(Nature.NATURAL, false, null, null)),
            Map.of());
    Goods a = after.get("a");
    assertThat(a.holder()).isEqualTo(MINE);
    assertThat(a.nature()).isEqualTo(Nature.NATURAL);
    assertThat(a.warranted()).isTrue();
    assertThat(a.kind()).isEqualTo(GoodsKind.ROUGH);
    assertThat(a.carats()).isEqualTo(Carats.of("10.00"));
    Goods lab =
        Holdings.apply(
                move(
                    Holdings.Step.COMMISSIONING,
                    MINE,
                    List.of("a"),
                    declared(Nature.LABORATORY_GROWN, false, null, null)),
                Map.of())
            .get("a");
    assertThat(lab.warranted()).isFalse();
  }

  @Test
  void shippingThenReceivingHandsTheGoodsOver() {
    Map<String, Goods> s0 =
        Holdings.apply(
            move(
                Holdings.Step.COMMISSIONING,
                MINE,
                List.of("a"),
                declared(Nature.NATURAL, false, null, null)),
            Map.of());
    Holdings.Move ship =
        move(Holdings.Step.SHIPPING, MINE, List.of("a"), declared(null, false, TRADER, null));
    assertThat(Holdings.mayMove(ship, s0)).isEmpty();
    Map<String, Goods> s1 = Holdings.apply(ship, s0);
    assertThat(s1.get("a").holder()).isEqualTo(MINE);
    assertThat(s1.get("a").pendingTo()).isEqualTo(TRADER);
    Holdings.Move stranger =
        move(Holdings.Step.RECEIVING, OTHER, List.of("a"), declared(null, false, null, null));
    assertThat(Holdings.mayMove(stranger, s1)).extracting(Breach::rule).containsExactly("CUS-03");
    Holdings.Move receive =
        move(Holdings.Step.RECEIVING, TRADER, List.of("a"), declared(null, false, null, null));
    assertThat(Holdings.mayMove(receive, s1)).isEmpty();
    Goods held = Holdings.apply(receive, s1).get("a");
    assertThat(held.holder()).isEqualTo(TRADER);
    assertThat(held.pendingTo()).isNull();
    assertThat(held.warranted()).as("shipped without a warranty").isFalse();
    Holdings.Move oldShip =
        move(Holdings.Step.SHIPPING, MINE, List.of("a"), declared(null, false, null, null));
    assertThat(Holdings.mayMove(oldShip, Map.of("a", held)))
        .extracting(Breach::rule)
        .containsExactly("CUS-03");
  }

  @Test
  void unknownGoodsHaveNoHolderAndSoldGoodsNoneAnyMore() {
    Holdings.Move ship =
        move(Holdings.Step.SHIPPING, MINE, List.of("x"), declared(null, false, null, null));
    assertThat(Holdings.mayMove(ship, Map.of())).hasSize(1);
    Map<String, Goods> s0 =
        Holdings.apply(
            move(
                Holdings.Step.RECEIVING,
                TRADER,
                List.of("a"),
                declared(Nature.NATURAL, true, null, null)),
            Map.of());
    assertThat(s0.get("a").warranted()).as("received with a warranty").isTrue();
    Map<String, Goods> sold =
        Holdings.apply(
            move(
                Holdings.Step.RETAIL_SELLING,
                TRADER,
                List.of("a"),
                declared(null, false, null, null)),
            s0);
    assertThat(sold.get("a").holder()).isNull();
    assertThat(sold.get("a").sold()).isTrue();
    assertThat(
            Holdings.mayMove(
                move(
                    Holdings.Step.SHIPPING,
                    TRADER,
                    List.of("a"),
                    declared(null, false, null, null)),
                sold))
        .hasSize(1);
  }

  @Test
  void transformationCarriesOriginsNatureAndWarrantyForward() {
    Goods botswana =
        new Goods(
            TRADER,
            null,
            false,
            Nature.NATURAL,
            false,
            Origins.of(ParticipantCode.of("BW")),
            true,
            Carats.of("10.00"),
            GoodsKind.ROUGH,
            false);
    Goods canada =
        new Goods(
            TRADER,
            null,
            false,
            Nature.UNSCREENED,
            true,
            Origins.of(ParticipantCode.of("CA")),
            false,
            Carats.of("5.00"),
            GoodsKind.ROUGH,
            false);
    Holdings.Move cut =
        new Holdings.Move(
            Holdings.Step.TRANSFORMING,
            TRADER,
            List.of(),
            List.of("a", "b"),
            List.of("c"),
            new Holdings.Declared(
                null,
                null,
                null,
                false,
                GoodsKind.POLISHED,
                null,
                null,
                Map.of("c", Carats.of("6.00"))));
    assertThat(Holdings.mayMove(cut, Map.of("a", botswana, "b", canada))).isEmpty();
    Goods c = Holdings.apply(cut, Map.of("a", botswana, "b", canada)).get("c");
    assertThat(c.holder()).isEqualTo(TRADER);
    assertThat(c.nature()).isEqualTo(Nature.UNSCREENED);
    assertThat(c.origins())
        .isEqualTo(Origins.of(ParticipantCode.of("BW"), ParticipantCode.of("CA")));
    assertThat(c.warranted()).isFalse();
    assertThat(c.treated()).isTrue();
    assertThat(c.kind()).isEqualTo(GoodsKind.POLISHED);
    assertThat(c.carats()).isEqualTo(Carats.of("6.00"));
  }

  @Test
  void aggregationWeighsTheParentAndScreeningChangesTheNature() {
    Goods a =
        new Goods(
            MINE,
            null,
            false,
            Nature.NATURAL,
            false,
            Origins.MIXED,
            true,
            Carats.of("10.00"),
            GoodsKind.ROUGH,
            false);
    Goods b =
        new Goods(
            MINE,
            null,
            false,
            Nature.NATURAL,
            false,
            Origins.MIXED,
            true,
            Carats.of("5.00"),
            GoodsKind.ROUGH,
            false);
    Holdings.Move pack =
        new Holdings.Move(
            Holdings.Step.AGGREGATING,
            MINE,
            List.of("a", "b"),
            List.of("a", "b"),
            List.of("p"),
            new Holdings.Declared(null, null, null, false, null, null, null, Map.of()));
    Goods p = Holdings.apply(pack, Map.of("a", a, "b", b)).get("p");
    assertThat(p.carats()).isEqualTo(Carats.of("15.00"));
    assertThat(p.warranted()).isTrue();
    Goods screened =
        Holdings.apply(
                move(
                    Holdings.Step.INSPECTING,
                    OTHER,
                    List.of("a"),
                    declared(null, false, null, Nature.LABORATORY_GROWN)),
                Map.of("a", a))
            .get("a");
    assertThat(screened.nature()).isEqualTo(Nature.LABORATORY_GROWN);
    assertThat(screened.holder()).isEqualTo(MINE);
  }
}
