"""The document's verbs: one named command each, undone and redone exactly, saved as shown."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import card_details, journeys, names, stage_details, texts

from journey_editor.document import JourneyDocument, counted
from journey_editor.interop.card_clipboard import cards_from_json, cards_to_json
from journey_editor.model import (
    CardKind,
    Journey,
    JourneyError,
    LaneKind,
    broken_invariants,
    unused_name,
)
from journey_editor.store import read_journey, save_journey
from journey_editor.store.backups import BackupShelf

Verb = Callable[[JourneyDocument], object]
offsets = st.floats(0.0, 1.0)
scores = st.floats(1.0, 5.0)


@st.composite
def verbs(draw: st.DrawFn, journey: Journey) -> Verb:
    """One thing a user could do to the map as it is now, through the document."""
    stage = draw(st.sampled_from(journey.stages)).id
    lane = draw(st.sampled_from(journey.lanes)).id
    cards = list(journey.cards)
    last_stage, last_lane = len(journey.stages) - 1, len(journey.lanes) - 1
    choices: dict[str, Callable[[], Verb]] = {
        "add_card": lambda: _add_card(draw(st.sampled_from(CardKind)), stage, lane, draw(texts)),
        "add_stage": lambda: _call("add_stage", draw(names), draw(st.integers(0, 2))),
        "update_stage": lambda: _call(
            "update_stage", stage, name=draw(names), **draw(stage_details)
        ),
        "move_stage": lambda: _call("move_stage", stage, draw(st.integers(0, last_stage))),
        "remove_stage": lambda: _call("remove_stage", stage),
        "add_lane": lambda: _call("add_lane", draw(names), draw(st.sampled_from(LaneKind))),
        "update_lane": lambda: _call("update_lane", lane, name=draw(names)),
        "move_lane": lambda: _call("move_lane", lane, draw(st.integers(0, last_lane))),
        "remove_lane": lambda: _call("remove_lane", lane),
        "update_map": lambda: _call("update_map", title=draw(names), description=draw(texts)),
        "update_persona": lambda: _call("update_persona", name=draw(texts), goals=[draw(texts)]),
        "add_emotion_point": lambda: _call(
            "add_emotion_point", stage, draw(offsets), draw(scores), draw(texts)
        ),
    }
    if journey.emotion_points:
        point = draw(st.sampled_from(list(journey.emotion_points)))
        choices |= {
            "move_emotion_point": lambda: _call(
                "move_emotion_point", point, stage, draw(offsets), draw(scores)
            ),
            "update_emotion_point": lambda: _call(
                "update_emotion_point", point, label=draw(texts),
                card_id=draw(st.sampled_from([None, *cards])),
            ),
            "remove_emotion_point": lambda: _call("remove_emotion_point", point),
        }
    if cards:
        some = draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3, unique=True))
        at = draw(st.integers(0, len(journey.cards_in(stage, lane))))
        choices |= {
            "move_cards": lambda: _call("move_cards", some, stage, lane, at),
            "update_card": lambda: _call(
                "update_card", some[0], title=draw(texts), **draw(card_details)
            ),
            "remove_cards": lambda: _call("remove_cards", some),
            "duplicate_cards": lambda: _call("duplicate_cards", some),
            "paste": lambda: _paste(some, stage, lane),
        }
    if len(cards) >= 2:
        choices["add_link"] = lambda: _call("add_link", *draw(st.permutations(cards))[:2])
    if journey.links:
        links = list(journey.links)
        choices["remove_link"] = lambda: _call("remove_link", draw(st.sampled_from(links)))
    return choices[draw(st.sampled_from(sorted(choices)))]()


class _Call:
    """A verb with its arguments, shown by name when Hypothesis reports a failing sequence."""

    def __init__(self, verb: str, *args: object, **kwargs: object) -> None:
        self.verb, self.args, self.kwargs = verb, args, kwargs

    def __call__(self, document: JourneyDocument) -> object:
        return getattr(document, self.verb)(*self.args, **self.kwargs)

    def __repr__(self) -> str:
        return f"{self.verb}{self.args}{self.kwargs or ''}"


_call = _Call


def _add_card(kind: CardKind, stage: str, lane: str, title: str) -> Verb:
    return lambda document: document.add_card(kind, stage, lane, title)


def _paste(card_ids: list[str], stage: str, lane: str) -> Verb:
    def paste(document: JourneyDocument) -> object:
        journey = document.journey
        payload = cards_to_json([journey.card(i) for i in card_ids], list(journey.links.values()))
        return document.paste_cards(*cards_from_json(payload), stage, lane)

    return paste


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_all_gives_the_start_and_redo_all_the_end(qapp: object, data: st.DataObject) -> None:
    document = JourneyDocument(data.draw(journeys()))
    start = copy.deepcopy(document.journey)
    for _ in range(data.draw(st.integers(1, 12))):
        verb = data.draw(verbs(document.journey))
        before = copy.deepcopy(document.journey)
        count = document.undo_stack.count()
        try:
            verb(document)
        except JourneyError:
            assert document.journey == before  # refused: nothing changed, nothing pushed
            assert document.undo_stack.count() == count
        assert broken_invariants(document.journey) == []
    end = copy.deepcopy(document.journey)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.journey == start
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert document.journey == end
    assert broken_invariants(document.journey) == []


def test_commands_are_named_for_the_edit_menu(qapp: object, sample: Journey) -> None:
    document = JourneyDocument(sample)
    stage, lane = sample.stages[0].id, sample.lanes[0].id
    card_ids = [card.id for card in sample.cards_in_order()[-3:]]
    document.move_cards(card_ids, stage, lane, 0)
    assert document.undo_stack.undoText() == "Move 3 cards"
    document.add_card(CardKind.PAIN_POINT, stage, lane, "Lost receipt")
    assert document.undo_stack.undoText() == "Add pain point"
    document.update_stage(stage, name="Hearing about it")
    assert document.undo_stack.undoText() == "Rename stage"
    document.move_stage(stage, 2)
    assert document.undo_stack.undoText() == "Move stage 'Hearing about it'"
    document.remove_cards(card_ids[:1])
    assert document.undo_stack.undoText() == "Delete card"


def test_an_edit_that_changes_nothing_is_not_a_command(qapp: object, sample: Journey) -> None:
    document = JourneyDocument(sample)
    card = sample.cards_in_order()[0]
    document.update_card(card.id, title=card.title)
    document.move_cards([card.id], card.stage_id, card.lane_id, card.position)
    document.move_stage(sample.stages[0].id, 0)
    assert document.undo_stack.count() == 0
    assert not document.modified


def test_the_modified_mark_follows_the_stack_and_saving(
    qapp: object, sample: Journey, tmp_path: Path
) -> None:
    document = JourneyDocument(sample)
    marks: list[bool] = []
    document.file_changed.connect(lambda: marks.append(document.modified))
    document.add_stage("Referral")
    assert document.modified
    document.undo_stack.undo()
    assert not document.modified
    document.undo_stack.redo()
    with pytest.raises(JourneyError, match="choose where"):
        document.save()
    document.save(tmp_path / "maya.journey")
    assert not document.modified and document.name == "maya.journey"
    assert read_journey(tmp_path / "maya.journey") == document.journey
    assert marks[0] is True and marks[-1] is False


def test_selection_follows_undo_and_redo(qapp: object, sample: Journey) -> None:
    document = JourneyDocument(sample)
    wanted: list[list[str]] = []
    document.selection_wanted.connect(wanted.append)
    ids = [card.id for card in sample.cards_in_order()[:2]]
    document.remove_cards(ids)
    document.undo_stack.undo()
    assert wanted == [[], ids]


def test_duplicates_sit_after_their_originals_with_their_links(
    qapp: object, sample: Journey
) -> None:
    document = JourneyDocument(sample)
    link = next(iter(sample.links.values()))
    copies = document.duplicate_cards([link.source_id, link.target_id])
    assert len(copies) == 2 and len(sample.links) == 8
    for copy_id, original_id in zip(copies, [link.source_id, link.target_id], strict=True):
        copied, original = sample.card(copy_id), sample.card(original_id)
        assert (copied.stage_id, copied.lane_id) == (original.stage_id, original.lane_id)
        assert copied.position == original.position + 1
        assert copied.title == original.title
    assert document.undo_stack.undoText() == "Duplicate 2 cards"


def test_a_paste_that_does_not_fit_changes_nothing(qapp: object) -> None:
    journey = Journey(title="Tiny")
    document = JourneyDocument(journey)
    stage, lane = document.add_stage("Only"), document.add_lane("Row")
    document.add_card(CardKind.NOTE, stage, lane, "One")
    payload = cards_to_json(list(journey.cards.values()), [])
    before = copy.deepcopy(journey)
    with pytest.raises(JourneyError, match="clipboard holds no cards"):
        cards_from_json('{"format": "something else"}')
    cards, links = cards_from_json(payload)
    cards[0].span = 1
    document.paste_cards(cards, links, stage, lane)
    document.undo_stack.undo()
    assert journey == before


def test_names_count_and_stay_unique() -> None:
    assert counted(1, "card") == "card" and counted(3, "card") == "3 cards"
    assert unused_name(["New stage", "new stage 2"], "New stage") == "New stage 3"


def test_a_lane_of_a_new_kind_moves_to_its_zone_unless_one_was_chosen(
    qapp: object, sample: Journey
) -> None:
    document = JourneyDocument(sample)
    lane = next(lane for lane in sample.lanes if lane.kind is LaneKind.ACTIONS)
    document.update_lane(lane.id, kind=LaneKind.BACKSTAGE)
    assert lane.zone is LaneKind.BACKSTAGE.default_zone
    document.update_lane(lane.id, zone=LaneKind.SUPPORT_PROCESSES.default_zone)
    document.update_lane(lane.id, kind=LaneKind.ACTIONS)
    assert lane.zone is LaneKind.SUPPORT_PROCESSES.default_zone


def test_a_name_the_model_trims_back_to_itself_is_no_command(
    qapp: object, sample: Journey
) -> None:
    document = JourneyDocument(sample)
    stage = sample.stages[0]
    document.update_stage(stage.id, name=f"{stage.name} ")
    assert document.undo_stack.count() == 0


def test_emotion_point_verbs_are_named_and_select_the_point(
    qapp: object, sample: Journey
) -> None:
    document = JourneyDocument(sample)
    wanted: list[str] = []
    document.point_wanted.connect(wanted.append)
    stage = sample.stages[1].id
    point = document.add_emotion_point(stage, 0.5, 2.0, "Waits for a reply")
    assert wanted[-1] == point
    document.move_emotion_point(point, sample.stages[2].id, 0.25, 1.5)
    document.update_emotion_point(point, label="Gives up waiting")
    names = [document.undo_stack.text(i) for i in range(document.undo_stack.count())]
    assert names == ["Add emotion point", "Move emotion point", "Edit emotion point"]
    document.move_emotion_point(point, sample.stages[2].id, 0.25, 1.5)  # where it is: no command
    assert document.undo_stack.count() == 3
    document.remove_emotion_point(point)
    assert point not in sample.emotion_points
    document.undo_stack.undo()
    assert sample.emotion_points[point].label == "Gives up waiting"
    assert wanted[-1] == point
    with pytest.raises(JourneyError):
        document.move_emotion_point(point, sample.stages[0].id, 0.5, 6.0)
    assert sample.emotion_points[point].score == 1.5


def test_a_map_saved_without_a_working_copy_still_keeps_the_replaced_file(
    tmp_path: Path, sample: Journey
) -> None:
    """A read-only map saved over its file, or a full data folder: backups still work."""
    target = tmp_path / "map.journey"
    save_journey(sample, target)
    before = target.read_bytes()
    document = JourneyDocument(copy.deepcopy(sample), target)
    document.backups = BackupShelf(tmp_path / "backups")
    card = document.journey.cards_in_order()[0]
    document.update_card(card.id, title="Saved without a session")
    assert document.save() is None
    [version] = document.backups.versions(target)
    assert version.path.read_bytes() == before
    assert read_journey(target) == document.journey
