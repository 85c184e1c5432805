"""The open document: one journey, its file, and the undo stack every edit goes through.

The verbs here are what a user does ("move these cards to that cell"). Each is one command
on the stack, named for the Edit menu and the history panel. Views never change the model
themselves: they call a verb, then redraw on ``changed``.
"""

from __future__ import annotations

import copy
from dataclasses import fields, replace
from typing import Any

from journey_editor import model
from journey_editor.document.emotion_verbs import EmotionLineVerbs
from journey_editor.model import Card, CardKind, JourneyError, LaneKind, Link

PLACE_FIELDS = frozenset({"id", "stage_id", "lane_id", "position"})


def counted(count: int, noun: str) -> str:
    """'card', or '3 cards': the way command names count things."""
    return noun if count == 1 else f"{count} {noun}s"


class JourneyDocument(EmotionLineVerbs):
    """A journey being edited: the verbs on cards, links, stages, lanes and the map."""

    # Cards ---------------------------------------------------------------------------------

    def add_card(
        self,
        kind: CardKind,
        stage_id: str,
        lane_id: str,
        title: str = "",
        index: int | None = None,
        **details: Any,
    ) -> str:
        card_id = model.new_id("card")
        self._push(
            f"Add {kind.label.lower()}",
            lambda: model.add_card(
                self.journey, kind, stage_id, lane_id, title, index, card_id=card_id, **details
            ),
            lambda: model.remove_cards(self.journey, [card_id]),
            selected=[card_id],
        )
        return card_id

    def update_card(self, card_id: str, **changes: Any) -> None:
        """Change a card's own fields (title, body, kind, span ...) as one command."""
        card = self.journey.card(card_id)
        self._update(
            card, changes, "card",
            lambda **values: model.update_card(self.journey, card_id, **values),
            selected=[card_id],
        )

    def move_cards(
        self, card_ids: list[str], stage_id: str, lane_id: str, index: int | None = None
    ) -> bool:
        """Move cards into a cell at ``index``; False when that leaves every card where it was."""
        placements = model.move_cards(self.journey, card_ids, stage_id, lane_id, index)
        after = {i: self._placement(i) for i in card_ids}
        if after == placements:
            return False
        self._push_applied(
            f"Move {counted(len(card_ids), 'card')}",
            lambda: model.move_cards(self.journey, card_ids, stage_id, lane_id, index),
            lambda: model.restore_placements(self.journey, placements),
            selected=card_ids,
            selected_before=card_ids,
        )
        return True

    def remove_cards(self, card_ids: list[str], verb: str = "Delete") -> None:
        """Remove cards with their links; ``verb`` names the command ("Cut 2 cards")."""
        if not card_ids:
            return
        removed = [model.remove_cards(self.journey, card_ids)]

        def do() -> None:
            removed[0] = model.remove_cards(self.journey, card_ids)

        self._push_applied(
            f"{verb} {counted(len(card_ids), 'card')}",
            do,
            lambda: model.restore_cards(self.journey, removed[0]),
            selected=[],
            selected_before=card_ids,
        )

    def duplicate_cards(self, card_ids: list[str]) -> list[str]:
        """A copy of each card right after it in its cell, with the links among them."""
        # Copies as the cards are now: a redo after undos must not see later edits of them.
        originals = [copy.deepcopy(self.journey.card(card_id)) for card_id in card_ids]
        # Inserting from the bottom of each cell up keeps the positions still to come valid.
        originals.sort(key=lambda card: card.position, reverse=True)
        wanted = [(card, card.stage_id, card.lane_id, card.position + 1) for card in originals]
        return self._insert_copies(
            f"Duplicate {counted(len(card_ids), 'card')}", wanted, list(self.journey.links.values())
        )

    def paste_cards(
        self, cards: list[Card], links: list[Link], stage_id: str, lane_id: str
    ) -> list[str]:
        """Copies of ``cards`` at the end of a cell, in order, with the links among them."""
        room = self.journey.widest_span(stage_id)
        wanted = [(replace(card, span=min(card.span, room)), stage_id, lane_id, None)
                  for card in cards]
        return self._insert_copies(f"Paste {counted(len(cards), 'card')}", wanted, links)

    def _insert_copies(
        self,
        text: str,
        wanted: list[tuple[Card, str, str, int | None]],
        links: list[Link],
    ) -> list[str]:
        new_ids = {card.id: model.new_id("card") for card, *_ in wanted}
        copied_links = [
            (model.new_id("link"), new_ids[link.source_id], new_ids[link.target_id], link.label)
            for link in links
            if link.source_id in new_ids and link.target_id in new_ids
        ]

        def do() -> None:
            try:
                for card, stage_id, lane_id, index in wanted:
                    details = {
                        f.name: getattr(card, f.name) for f in fields(card)
                        if f.name not in PLACE_FIELDS | {"kind", "title"}
                    }
                    model.add_card(
                        self.journey, card.kind, stage_id, lane_id, card.title, index,
                        card_id=new_ids[card.id], **details,
                    )
                for link_id, source_id, target_id, label in copied_links:
                    model.add_link(self.journey, source_id, target_id, label, link_id=link_id)
            except JourneyError:
                # All or nothing, like every verb: take back the copies already made.
                added = [i for i in new_ids.values() if i in self.journey.cards]
                model.remove_cards(self.journey, added)
                raise

        self._push(
            text, do, lambda: model.remove_cards(self.journey, list(new_ids.values())),
            selected=list(new_ids.values()),
        )
        return list(new_ids.values())

    # Links ---------------------------------------------------------------------------------

    def add_link(self, source_id: str, target_id: str) -> str:
        link_id = model.new_id("link")
        self._push(
            "Link cards",
            lambda: model.add_link(self.journey, source_id, target_id, link_id=link_id),
            lambda: model.remove_link(self.journey, link_id),
            selected=[target_id],
        )
        return link_id

    def remove_link(self, link_id: str) -> None:
        link = model.remove_link(self.journey, link_id)
        self._push_applied(
            "Remove link",
            lambda: model.remove_link(self.journey, link_id),
            lambda: model.add_link(
                self.journey, link.source_id, link.target_id, link.label, link_id=link.id
            ),
            selected=[],
        )

    # Stages and lanes ----------------------------------------------------------------------

    def add_stage(self, name: str = "", index: int | None = None) -> str:
        name = name or model.unused_name([s.name for s in self.journey.stages], "New stage")
        stage_id = model.new_id("stage")

        def undo() -> None:
            # A card spanning across the new stage lost a stage of width with it: give it back.
            for card in model.remove_stage(self.journey, stage_id).narrowed:
                model.update_card(self.journey, card.id, span=card.span)

        self._push(
            "Add stage", lambda: model.add_stage(self.journey, name, index, id=stage_id), undo
        )
        return stage_id

    def update_stage(self, stage_id: str, **changes: Any) -> None:
        stage = self.journey.stage(stage_id)
        self._update(
            stage, changes, "stage",
            lambda **values: model.update_stage(self.journey, stage_id, **values),
        )

    def move_stage(self, stage_id: str, to_index: int) -> None:
        at = self.journey.stage_index(stage_id)
        if at == to_index:
            return
        narrowed = model.move_stage(self.journey, stage_id, to_index)

        def undo() -> None:
            model.move_stage(self.journey, stage_id, at)
            for card_id, span in narrowed.items():
                model.update_card(self.journey, card_id, span=span)

        self._push_applied(
            f"Move stage {self.journey.stage(stage_id).name!r}",
            lambda: model.move_stage(self.journey, stage_id, to_index),
            undo,
        )

    def remove_stage(self, stage_id: str) -> None:
        name = self.journey.stage(stage_id).name
        removed = [model.remove_stage(self.journey, stage_id)]

        def do() -> None:
            removed[0] = model.remove_stage(self.journey, stage_id)

        self._push_applied(
            f"Delete stage {name!r}", do, lambda: model.restore_stage(self.journey, removed[0])
        )

    def add_lane(
        self, name: str = "", kind: LaneKind = LaneKind.CUSTOM, index: int | None = None
    ) -> str:
        wanted = name or (kind.label if kind is not LaneKind.CUSTOM else "New lane")
        name = model.unused_name([lane.name for lane in self.journey.lanes], wanted)
        lane_id = model.new_id("lane")
        self._push(
            "Add lane",
            lambda: model.add_lane(self.journey, name, kind, index=index, lane_id=lane_id),
            lambda: model.remove_lane(self.journey, lane_id),
        )
        return lane_id

    def update_lane(self, lane_id: str, **changes: Any) -> None:
        """Change a lane; a new kind brings its blueprint zone, unless the zone was chosen."""
        lane = self.journey.lane(lane_id)
        if "kind" in changes and "zone" not in changes and lane.zone is lane.kind.default_zone:
            changes["zone"] = LaneKind(changes["kind"]).default_zone
        self._update(
            lane, changes, "lane",
            lambda **values: model.update_lane(self.journey, lane_id, **values),
        )

    def move_lane(self, lane_id: str, to_index: int) -> None:
        at = self.journey.lane_index(lane_id)
        if at == to_index:
            return
        model.move_lane(self.journey, lane_id, to_index)
        self._push_applied(
            f"Move lane {self.journey.lane(lane_id).name!r}",
            lambda: model.move_lane(self.journey, lane_id, to_index),
            lambda: model.move_lane(self.journey, lane_id, at),
        )

    def remove_lane(self, lane_id: str) -> None:
        name = self.journey.lane(lane_id).name
        removed = [model.remove_lane(self.journey, lane_id)]

        def do() -> None:
            removed[0] = model.remove_lane(self.journey, lane_id)

        self._push_applied(
            f"Delete lane {name!r}", do, lambda: model.restore_lane(self.journey, removed[0])
        )

    # The map and its persona ---------------------------------------------------------------

    def update_map(self, **changes: Any) -> None:
        self._update(
            self.journey, changes, "map",
            lambda **values: model.update_map(self.journey, **values),
        )

    def update_persona(self, **changes: Any) -> None:
        self._update(
            self.journey.persona, changes, "persona",
            lambda **values: model.update_persona(self.journey, **values),
        )

    def _placement(self, card_id: str) -> model.cards.Placement:
        card = self.journey.card(card_id)
        return card.stage_id, card.lane_id, card.position, card.span
