"""The service blueprint on paper and as pictures: zones in canonical order, the three lines
labelled between them, every card drawn."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from filled_blueprint import filled_blueprint

from journey_editor.export.files import ExportOptions, MapLayout, export_journey
from journey_editor.layout.blueprint import ZONE_TITLES
from journey_editor.model import Journey, Zone

CANONICAL = [Zone.PHYSICAL_EVIDENCE, Zone.CUSTOMER_ACTIONS, Zone.FRONTSTAGE, Zone.BACKSTAGE,
             Zone.SUPPORT_PROCESSES]
LINES = ["Line of interaction", "Line of visibility", "Line of internal interaction"]
BLUEPRINT = ExportOptions(layout=MapLayout.BLUEPRINT)


def first_page_lines(path: Path) -> list[tuple[float, str]]:
    """Each line of text on the map's page with its height, top first."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        return [(line["top"], line["text"]) for line in page.extract_text_lines()]


def top_of(lines: list[tuple[float, str]], text: str) -> float:
    """The highest line saying ``text``: a zone's title strip is above a lane of its name."""
    found = [top for top, line in lines if line.strip() == text]
    assert found, text
    return min(found)


def test_zones_come_in_canonical_order_with_the_three_lines_between(tmp_path: Path) -> None:
    target = tmp_path / "blueprint.pdf"
    export_journey(filled_blueprint(), target, BLUEPRINT)
    lines = first_page_lines(target)
    zones = [top_of(lines, ZONE_TITLES[zone]) for zone in CANONICAL]
    drawn = [top_of(lines, label) for label in LINES]
    assert zones == sorted(zones)
    # interaction between customer and frontstage, visibility between frontstage and
    # backstage, internal interaction between backstage and support.
    assert zones[1] < drawn[0] < zones[2] < drawn[1] < zones[3] < drawn[2] < zones[4]


def test_every_card_of_the_blueprint_is_on_its_page(tmp_path: Path) -> None:
    journey = filled_blueprint()
    target = tmp_path / "blueprint.pdf"
    export_journey(journey, target, BLUEPRINT)
    with pdfplumber.open(target) as pdf:
        text = re.sub(r"\s+", "", pdf.pages[0].extract_text(use_text_flow=True) or "")
    for card in journey.cards.values():
        assert re.sub(r"\s+", "", card.title) in text


def test_the_sample_as_a_blueprint_still_has_its_three_lines_and_its_zones(
    sample: Journey, tmp_path: Path
) -> None:
    """The sample has no frontstage lanes: the lines of interaction and visibility both
    run between customer actions and backstage, in their order."""
    target = tmp_path / "sample.pdf"
    export_journey(sample, target, BLUEPRINT)
    lines = first_page_lines(target)
    drawn = [top_of(lines, label) for label in LINES]
    assert drawn == sorted(drawn)
    assert top_of(lines, ZONE_TITLES[Zone.CUSTOMER_ACTIONS]) < drawn[0]
    assert drawn[1] < top_of(lines, ZONE_TITLES[Zone.BACKSTAGE]) < drawn[2]


def test_a_blueprint_picture_without_the_emotion_line(tmp_path: Path) -> None:
    journey = filled_blueprint()
    with_line, without = tmp_path / "with.svg", tmp_path / "without.svg"
    export_journey(journey, with_line, BLUEPRINT)
    export_journey(journey, without, ExportOptions(layout=MapLayout.BLUEPRINT,
                                                   emotion_line=False))
    assert "Lift noise at night" in with_line.read_text(encoding="utf-8")
    text = without.read_text(encoding="utf-8")
    assert "Lift noise at night" not in text
    assert all(label in text for label in LINES)
