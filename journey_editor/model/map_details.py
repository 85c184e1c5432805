"""Editing what the map says about itself: its title, kind and description, and its persona."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from journey_editor.model.entities import apply_fields
from journey_editor.model.errors import JourneyError
from journey_editor.model.journey import JOURNEY_ROW_ID, Entity, Journey

MAP_FIELDS = frozenset({"title", "kind", "description"})


def update_map(journey: Journey, **changes: Any) -> dict[str, Any]:
    """Change the map's title, kind or description; returns the values replaced."""
    refused = sorted(set(changes) - MAP_FIELDS)
    if refused:
        raise JourneyError(f"cannot change {', '.join(refused)} of a map")
    replace(journey, **changes)  # checks the would-be map before anything changes
    before = {name: getattr(journey, name) for name in changes}
    for name, value in changes.items():
        setattr(journey, name, value)
    journey.changes.write(Entity.JOURNEY, JOURNEY_ROW_ID)
    return before


def update_persona(journey: Journey, **changes: Any) -> dict[str, Any]:
    """Change fields of the persona (name, role, goals ...); returns the values replaced."""
    before = apply_fields(journey.persona, changes)
    journey.changes.write(Entity.JOURNEY, JOURNEY_ROW_ID)
    return before
