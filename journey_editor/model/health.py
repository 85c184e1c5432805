"""The health check: findings that make a map less useful, though it is sound.

Drawn from the rules of a useful map (../shared/design/JOURNEY-MAPPING.md). Each finding is
one sentence a facilitator could act on.
"""

from __future__ import annotations

from journey_editor.model.journey import Journey


def health_findings(journey: Journey) -> list[str]:
    findings = []
    if not journey.persona.name.strip():
        findings.append("the persona has no name: a map is about one customer")
    homes = {card.stage_id for card in journey.cards.values()}
    findings += [f"stage {s.name!r} has no cards" for s in journey.stages if s.id not in homes]
    if not journey.emotion_points:
        findings.append("the emotion line has no points: its dips show where the pain is")
    return findings
