"""What must hold of every map, whatever edits made it; checked on every file read."""

from __future__ import annotations

from collections import defaultdict

from journey_editor.model import limits
from journey_editor.model.errors import JourneyError, shown
from journey_editor.model.journey import Journey


def broken_invariants(journey: Journey) -> list[str]:
    """Every rule of the map's structure that does not hold, one sentence each."""
    problems: list[str] = []
    stage_ids = [stage.id for stage in journey.stages]
    lane_ids = [lane.id for lane in journey.lanes]
    if not stage_ids:
        problems.append("the map has no stage")
    if not lane_ids:
        problems.append("the map has no lane")
    for what, ids in (("stage", stage_ids), ("lane", lane_ids)):
        if len(set(ids)) != len(ids):
            problems.append(f"two {what}s share an id")
    for what, names in (
        ("stage", [s.name.strip().casefold() for s in journey.stages]),
        ("lane", [lane.name.strip().casefold() for lane in journey.lanes]),
    ):
        if len(set(names)) != len(names):
            problems.append(f"two {what}s share a name")
    for what, count, limit in (
        ("stages", len(stage_ids), limits.MAX_STAGES),
        ("lanes", len(lane_ids), limits.MAX_LANES),
        ("cards", len(journey.cards), limits.MAX_CARDS),
        ("emotion points", len(journey.emotion_points), limits.MAX_EMOTION_POINTS),
        ("links", len(journey.links), limits.MAX_LINKS),
    ):
        if count > limit:
            problems.append(f"the map has {count:,} {what}; the limit is {limit:,}")
    problems += _card_problems(journey, stage_ids, set(lane_ids))
    problems += _reference_problems(journey, set(stage_ids))
    return problems


def check_invariants(journey: Journey) -> None:
    problems = broken_invariants(journey)
    if problems:
        extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise JourneyError(problems[0] + extra)


def _card_problems(journey: Journey, stage_ids: list[str], lane_ids: set[str]) -> list[str]:
    problems = []
    stage_index = {stage_id: index for index, stage_id in enumerate(stage_ids)}
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for key, card in journey.cards.items():
        if key != card.id:
            problems.append(f"card {card.id!r} is filed under another id")
        if card.stage_id not in stage_index or card.lane_id not in lane_ids:
            problems.append(f"card {shown(card.title)} is in a stage or lane the map does not have")
            continue
        if stage_index[card.stage_id] + card.span > len(stage_ids):
            problems.append(f"card {shown(card.title)} spans past the last stage")
        cells[(card.stage_id, card.lane_id)].append(card.position)
    for positions in cells.values():
        if sorted(positions) != list(range(len(positions))):
            problems.append("the cards of a cell are not numbered 0, 1, 2 ...")
            break
    return problems


def _reference_problems(journey: Journey, stage_ids: set[str]) -> list[str]:
    problems = []
    for key, point in journey.emotion_points.items():
        if key != point.id or point.stage_id not in stage_ids:
            problems.append(f"emotion point {point.id!r} is in a stage the map does not have")
        if point.card_id is not None and point.card_id not in journey.cards:
            problems.append(f"emotion point {point.id!r} belongs to a card the map does not have")
    pairs = set()
    for key, link in journey.links.items():
        if key != link.id or not {link.source_id, link.target_id} <= journey.cards.keys():
            problems.append(f"link {link.id!r} joins cards the map does not have")
        if (link.source_id, link.target_id) in pairs:
            problems.append(f"two links join the same cards ({link.id!r})")
        pairs.add((link.source_id, link.target_id))
    return problems
