"""The built-in templates: maps shipped as JSON files in resources/templates/."""

from __future__ import annotations

from importlib import resources

from journey_editor.interop.json_form import journey_from_json
from journey_editor.model import Journey, JourneyError

# Name -> what it is for, in the order `journey-editor templates` lists them.
TEMPLATES = {
    "four-stages": "Awareness, Consideration, Decision, Retention: the classic current-state map",
    "five-stages": "Awareness, Consideration, Purchase, Onboarding, Advocacy",
    "seven-stages": "Awareness to Advocacy in seven stages, with Purchase, Onboarding and Use",
    "service-blueprint": "zones from physical evidence to support processes, with the three lines",
    "day-in-the-life": "a customer's whole day, brand or not, from morning to night",
    "sample": "a complete example map to explore: persona, KPIs, 40+ cards, an emotion line",
}


def load_template(name: str) -> Journey:
    """A fresh copy of a built-in template."""
    if name not in TEMPLATES:
        raise JourneyError(f"no template named {name!r}; choose one of {', '.join(TEMPLATES)}")
    text = resources.files("journey_editor.resources").joinpath(f"templates/{name}.json")
    return journey_from_json(text.read_text(encoding="utf-8"))
