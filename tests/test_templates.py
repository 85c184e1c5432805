"""The built-in templates, and the sample map a new user sees first."""

from __future__ import annotations

from importlib import resources

import pytest

from journey_editor.interop.json_form import journey_to_json
from journey_editor.interop.templates import TEMPLATES, load_template
from journey_editor.model import CardKind, Journey, JourneyError, Zone, broken_invariants
from journey_editor.model.health import health_findings


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_loads_and_is_stored_in_canonical_form(name: str) -> None:
    journey = load_template(name)
    assert broken_invariants(journey) == []
    stored = resources.files("journey_editor.resources").joinpath(f"templates/{name}.json")
    assert stored.read_text(encoding="utf-8") == journey_to_json(journey)


@pytest.mark.parametrize(
    ("name", "stages"),
    [
        ("four-stages", ["Awareness", "Consideration", "Decision", "Retention"]),
        ("five-stages", ["Awareness", "Consideration", "Purchase", "Onboarding", "Advocacy"]),
        (
            "seven-stages",
            ["Awareness", "Consideration", "Decision", "Purchase", "Onboarding", "Use", "Advocacy"],
        ),
    ],
)
def test_stage_sets(name: str, stages: list[str]) -> None:
    journey = load_template(name)
    assert [stage.name for stage in journey.stages] == stages
    assert all(stage.customer_goal and stage.metrics for stage in journey.stages)


def test_the_service_blueprint_has_its_zones_in_order() -> None:
    zones = [
        lane.zone for lane in load_template("service-blueprint").lanes if lane.zone != Zone.NONE
    ]
    assert zones == [
        Zone.PHYSICAL_EVIDENCE,
        Zone.CUSTOMER_ACTIONS,
        Zone.FRONTSTAGE,
        Zone.BACKSTAGE,
        Zone.SUPPORT_PROCESSES,
    ]


def test_the_sample_is_a_complete_realistic_map(sample: Journey) -> None:
    assert sample.persona.name and sample.persona.goals and sample.persona.frustrations
    assert len(sample.stages) >= 5
    assert len(sample.cards) >= 40
    assert {card.kind for card in sample.cards.values()} == set(CardKind)
    assert all(stage.metrics for stage in sample.stages), "every stage has KPIs"
    scores = [point.score for point in sample.emotion_line()]
    assert min(scores) < 3 < max(scores), "the emotion line dips below neutral"
    assert sample.links
    assert health_findings(sample) == []


def test_an_unknown_template_is_named_with_the_choices() -> None:
    with pytest.raises(JourneyError, match="no template named 'poster'; choose one of four-stages"):
        load_template("poster")
