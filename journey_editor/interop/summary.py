"""What `journey-editor info` tells of a map: as lines for people and as JSON for scripts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from journey_editor.model import Journey


def summary_of(journey: Journey) -> dict[str, Any]:
    homes = Counter(card.stage_id for card in journey.cards.values())
    rows = Counter(card.lane_id for card in journey.cards.values())
    persona = journey.persona
    return {
        "title": journey.title,
        "kind": journey.kind.value,
        "persona": {"name": persona.name, "role": persona.role},
        "stages": [{"name": s.name, "cards": homes[s.id]} for s in journey.stages],
        "lanes": [
            {
                "name": lane.name,
                "kind": lane.kind.value,
                "zone": lane.zone.value,
                "cards": rows[lane.id],
            }
            for lane in journey.lanes
        ],
        "cards": len(journey.cards),
        "emotion_points": len(journey.emotion_points),
        "links": len(journey.links),
    }


def summary_lines(journey: Journey) -> list[str]:
    summary = summary_of(journey)
    persona = journey.persona
    who = ", ".join(part for part in (persona.name, persona.role) if part) or "(none)"
    width = max((len(stage["name"]) for stage in summary["stages"]), default=0)
    lines = [
        f"Title:    {journey.title}",
        f"Kind:     {journey.kind.label}",
        f"Persona:  {who}",
        f"Stages:   {len(journey.stages)}",
    ]
    lines += [
        f"  {index}. {stage['name']:<{width}}  {_cards(stage['cards'])}"
        for index, stage in enumerate(summary["stages"], start=1)
    ]
    lines.append(f"Lanes:    {len(journey.lanes)}")
    lines += [f"  - {lane['name']} ({lane['kind'].replace('_', ' ')})" for lane in summary["lanes"]]
    lines.append(
        f"Cards:    {summary['cards']} · emotion points: {summary['emotion_points']}"
        f" · links: {summary['links']}"
    )
    return lines


def _cards(count: int) -> str:
    return f"{count} card" if count == 1 else f"{count} cards"
