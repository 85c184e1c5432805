"""The JSON form: exact round trips, and clear refusals that say where the file is wrong."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from strategies import journeys

from journey_editor.interop.json_form import journey_from_json, journey_to_json
from journey_editor.model import Journey, JourneyError


@settings(max_examples=80, deadline=None)
@given(journey=journeys())
def test_journey_to_json_and_back_is_exact(journey: Journey) -> None:
    text = journey_to_json(journey)
    again = journey_from_json(text)
    assert again == journey
    assert journey_to_json(again) == text


def test_the_form_is_stable_and_readable(sample: Journey) -> None:
    data = json.loads(journey_to_json(sample))
    assert list(data)[:4] == ["format", "version", "title", "kind"]
    assert [stage["name"] for stage in data["stages"]] == [s.name for s in sample.stages]
    assert len(data["cards"]) == len(sample.cards)


def test_a_hand_written_map_may_leave_optional_fields_out() -> None:
    journey = journey_from_json(
        json.dumps(
            {
                "title": "Drafted by hand",
                "stages": [{"id": "a", "name": "Awareness"}],
                "lanes": [{"id": "t", "name": "Touchpoints", "kind": "touchpoints"}],
                "cards": [{"stage": "a", "lane": "t", "kind": "touchpoint", "title": "Ad"}],
                "emotion_line": [{"stage": "a", "score": 2}],
            }
        )
    )
    (card,) = journey.cards.values()
    assert card.title == "Ad" and card.position == 0
    assert journey.lanes[0].zone.value == "customer_actions"
    assert next(iter(journey.emotion_points.values())).offset == 0.5


MINIMAL = '{"title": "T", "stages": [{"id": "s", "name": "S"}], "lanes": [{"id": "l", "name": "L"}]'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", r"not valid JSON \(line 1, column 2"),
        ("[1, 2]", "the file must be a JSON object"),
        ('{"format": "other", "title": "T"}', "not a Journey Editor map"),
        ('{"version": 99, "title": "T"}', "newer Journey Editor \\(JSON form 99"),
        ('{"stages": []}', "title is missing"),
        ('{"title": "T", "stages": [{"id": "s"}]}', r"stages\[0\].name is missing"),
        ('{"title": "T", "kind": "poster"}', "kind must be one of current_state"),
        (
            MINIMAL + ', "cards": [{"stage": "s", "lane": "l", "span": "2"}]}',
            r"cards\[0\].span must be",
        ),
        (
            MINIMAL + ', "cards": [{"stage": "x", "lane": "l"}]}',
            "a stage or lane the map does not have",
        ),
        (
            MINIMAL + ', "emotion_line": [{"stage": "s", "score": 6}]}',
            r"emotion_line\[0\]: emotion score",
        ),
        (MINIMAL + ', "emotion_line": [{"stage": "s"}]}', r"emotion_line\[0\].score is missing"),
        ('{"title": "T", "persona": {"picture": "***"}}', "persona.picture: not valid base64"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_bad_json_is_refused_with_where_and_why(text: str, message: str) -> None:
    with pytest.raises(JourneyError, match=message) as refused:
        journey_from_json(text)
    assert "\n" not in str(refused.value)


def test_half_of_a_utf16_pair_is_refused_with_its_place(sample: Journey) -> None:
    """JSON's "\\ud800" makes a string no file or export can write: refused on reading."""
    text = journey_to_json(sample).replace(
        "Looks for a tool", "Looks \\ud800 for a tool"
    )
    with pytest.raises(JourneyError, match=r"cards\[0\]: card title contains a broken character"):
        journey_from_json(text)
