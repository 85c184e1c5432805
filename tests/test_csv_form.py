"""The CSV of cards: exact round trips, spreadsheet-made files, and refusals by row and column."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import journeys

from journey_editor.interop import csv_form
from journey_editor.interop.csv_form import COLUMNS, journey_from_csv, journey_to_csv
from journey_editor.model import (
    CardKind,
    Channel,
    Evidence,
    EvidenceSource,
    Journey,
    JourneyError,
    LaneKind,
    Level,
    OpportunityStatus,
    add_card,
    add_lane,
    add_stage,
)

HEADER = ",".join(COLUMNS)


def grid(journey: Journey) -> tuple[list[str], list[tuple[str, LaneKind]]]:
    return [s.name for s in journey.stages], [(lane.name, lane.kind) for lane in journey.lanes]


def cards_by_place(journey: Journey) -> list[dict[str, Any]]:
    """Every card with every field, its stage and lane by name (their ids are not in a CSV)."""
    return [
        asdict(card)
        | {
            "stage_id": journey.stage(card.stage_id).name,
            "lane_id": journey.lane(card.lane_id).name,
        }
        for card in journey.cards_in_order()
    ]


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def assert_round_trip(journey: Journey) -> str:
    text = journey_to_csv(journey)
    again = journey_from_csv(text)
    assert grid(again) == grid(journey)
    assert cards_by_place(again) == cards_by_place(journey)
    assert journey_to_csv(again) == text
    return text


# Round trips ---------------------------------------------------------------------------


def test_the_sample_map_survives_the_round_trip(sample: Journey) -> None:
    cards = list(sample.cards.values())
    # The sample exercises what the CSV must carry, or this test would prove little.
    assert any(c.evidence for c in cards) and any(c.actors for c in cards)
    assert any(c.severity for c in cards) and any(c.span > 1 for c in cards)
    text = assert_round_trip(sample)
    rows = cells(text)
    assert rows[0] == list(COLUMNS)
    # Its Emotions lane holds no cards, so the grid is declared first, then a row per card.
    assert len(rows) == 1 + len(sample.stages) + len(sample.lanes) + len(sample.cards)


def test_a_map_whose_cards_show_its_grid_is_one_row_per_card() -> None:
    journey = Journey(title="T")
    stage = add_stage(journey, "Awareness")
    lane = add_lane(journey, "Touchpoints", LaneKind.TOUCHPOINTS)
    add_card(journey, CardKind.TOUCHPOINT, stage.id, lane.id, "Ad", channel=Channel.SOCIAL)
    rows = cells(assert_round_trip(journey))
    assert len(rows) == 2
    assert dict(zip(COLUMNS, rows[1], strict=True)) | {"id": ""} == {
        **dict.fromkeys(COLUMNS, ""),
        "stage": "Awareness",
        "lane": "Touchpoints",
        "lane_kind": "touchpoints",
        "kind": "touchpoint",
        "title": "Ad",
        "span": "1",
        "channel": "social",
    }


@settings(max_examples=60, deadline=None)
@given(journey=journeys())
def test_generated_maps_survive_the_round_trip(journey: Journey) -> None:
    assert_round_trip(journey)


# Text with what breaks naive CSV and spreadsheets: separators, quotes, line ends, formula
# starts, apostrophes (the escape itself), brackets (the JSON marker), CJK, accents.
_awkward = st.sampled_from([*",;\"'\n\r\t =+-@[]漢字éüß\u00a0\u2028"])
_any = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
tricky = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "'", "'=", "''+", "[", " "]),
    st.text(alphabet=_awkward | _any, max_size=20),
)
tricky_names = tricky.filter(lambda text: text.strip() != "").map(lambda text: text[:100])


@st.composite
def tricky_journeys(draw: st.DrawFn) -> Journey:
    journey = Journey(title="Awkward")
    folded = lambda name: name.strip().casefold()  # noqa: E731
    for name in draw(st.lists(tricky_names, min_size=1, max_size=3, unique_by=folded)):
        add_stage(journey, name)
    for name in draw(st.lists(tricky_names, min_size=1, max_size=3, unique_by=folded)):
        add_lane(journey, name, draw(st.sampled_from(LaneKind)))
    for _ in range(draw(st.integers(0, 8))):
        stage = draw(st.sampled_from(journey.stages))
        add_card(
            journey,
            draw(st.sampled_from(CardKind)),
            stage.id,
            draw(st.sampled_from(journey.lanes)).id,
            draw(tricky),
            body=draw(tricky),
            owner=draw(tricky),
            span=draw(st.integers(1, journey.widest_span(stage.id))),
            severity=draw(st.none() | st.integers(1, 5)),
            impact=draw(st.none() | st.sampled_from(Level)),
            status=draw(st.none() | st.sampled_from(OpportunityStatus)),
            actors=draw(st.lists(tricky, max_size=3)),
            evidence=draw(
                st.lists(
                    st.builds(Evidence, st.sampled_from(EvidenceSource), tricky_names, tricky)
                ).map(lambda items: items[:3])
            ),
        )
    return journey


@settings(max_examples=150, deadline=None)
@given(journey=tricky_journeys())
def test_awkward_text_survives_and_never_starts_a_formula(journey: Journey) -> None:
    text = assert_round_trip(journey)
    for row in cells(text):
        for cell in row:
            assert not cell[:1] or cell[0] not in "=+-@\t\r", cell


def test_plain_actors_read_as_a_list_and_awkward_ones_as_json() -> None:
    journey = Journey(title="T")
    stage, lane = add_stage(journey, "S"), add_lane(journey, "L")
    add_card(journey, CardKind.NOTE, stage.id, lane.id, "a", actors=["Anna", "Ben Ho"])
    add_card(journey, CardKind.NOTE, stage.id, lane.id, "b", actors=["Tom; Jerry", " pad "])
    rows = cells(assert_round_trip(journey))
    actors = COLUMNS.index("actors")
    assert rows[1][actors] == "Anna; Ben Ho"
    assert json.loads(rows[2][actors]) == ["Tom; Jerry", " pad "]


# Formula injection ---------------------------------------------------------------------


def test_a_formula_is_written_behind_an_apostrophe_and_read_back_as_it_was() -> None:
    journey = Journey(title="T")
    stage, lane = add_stage(journey, "S"), add_lane(journey, "L")
    formula = '=HYPERLINK("http://evil")'
    add_card(journey, CardKind.NOTE, stage.id, lane.id, formula, owner="'=already quoted")
    text = journey_to_csv(journey)
    row = dict(zip(COLUMNS, cells(text)[1], strict=True))
    assert row["title"] == "'" + formula
    assert row["owner"] == "''=already quoted"
    (card,) = journey_from_csv(text).cards.values()
    assert card.title == formula and card.owner == "'=already quoted"


def test_an_apostrophe_before_plain_text_is_kept() -> None:
    journey = journey_from_csv("stage,lane,title\nS,L,'tis the season\nS,L,'=1+1\n")
    titles = [card.title for card in journey.cards_in_order()]
    assert titles == ["'tis the season", "=1+1"]


# Files made in a spreadsheet -----------------------------------------------------------


SPREADSHEET = (
    "\ufeffTitle,Kind,Lane,Stage,Severity,Channel,Lane Kind,actors,IMPACT,status\r\n"
    "Sees an ad,Touchpoint,Touchpoints,Awareness,,Mobile app,,Anna; Ben,,\r\n"
    "Form too long,Pain point,Pain points,Sign up,4,,,,,\r\n"
    '"Asks a friend,\r\nwho says ""try it""",, Touchpoints ,awareness,,,,,,\r\n'
    "Shorter form,opportunity,Ideas,Sign up,,,opportunities,,High,In progress\r\n"
    "Call,,Calls,Sign up,,,,,,\r\n"
    ",,,,,,,,,\r\n"
)


def test_a_spreadsheet_csv_imports_as_its_rows_say() -> None:
    journey = journey_from_csv(SPREADSHEET, title="Drafted")
    assert journey.title == "Drafted"
    assert grid(journey) == (
        ["Awareness", "Sign up"],
        [
            ("Touchpoints", LaneKind.TOUCHPOINTS),  # from its first card's kind
            ("Pain points", LaneKind.PAIN_POINTS),
            ("Ideas", LaneKind.OPPORTUNITIES),  # given
            ("Calls", LaneKind.CUSTOM),  # no kind anywhere
        ],
    )
    ad, friend, form, idea, call = journey.cards_in_order()
    assert (ad.title, ad.kind, ad.channel, ad.actors) == (
        "Sees an ad",
        CardKind.TOUCHPOINT,
        Channel.MOBILE_APP,
        ["Anna", "Ben"],
    )
    # A lane named with outer spaces and a stage in another case are the same ones; a card
    # without a kind takes its lane's; cells keep their line break.
    assert (friend.title, friend.kind, friend.position) == (
        'Asks a friend,\r\nwho says "try it"',
        CardKind.TOUCHPOINT,
        1,
    )
    assert friend.stage_id == ad.stage_id and friend.lane_id == ad.lane_id
    assert (form.kind, form.severity) == (CardKind.PAIN_POINT, 4)
    assert (idea.kind, idea.impact, idea.status) == (
        CardKind.OPPORTUNITY,
        Level.HIGH,
        OpportunityStatus.IN_PROGRESS,
    )
    assert call.kind is CardKind.NOTE
    assert all(card.span == 1 and card.evidence == [] for card in journey.cards.values())


def test_a_header_alone_is_an_empty_map_with_one_stage_and_one_lane() -> None:
    journey = journey_from_csv("stage,lane,title\r\n")
    assert grid(journey) == (["Stage 1"], [("Cards", LaneKind.CUSTOM)])
    assert journey.cards == {}


def test_rows_without_a_card_declare_stages_and_lanes_in_their_order() -> None:
    text = (
        "stage,lane,lane_kind,title\nLater,,,\nFirst,,,\n,Empty lane,emotions,\nFirst,Notes,,Hi\n"
    )
    journey = journey_from_csv(text)
    assert grid(journey) == (
        ["Later", "First"],
        [("Empty lane", LaneKind.EMOTIONS), ("Notes", LaneKind.CUSTOM)],
    )
    assert [card.title for card in journey.cards.values()] == ["Hi"]


def test_ids_are_kept_when_usable_and_made_when_not() -> None:
    text = "id,stage,lane,title\nc-1,S,L,a\nc-1,S,L,b\n   ,S,L,c\n" + "x" * 65 + ",S,L,d\n"
    ids = [card.id for card in journey_from_csv(text).cards_in_order()]
    assert ids[0] == "c-1"
    assert len(set(ids)) == 4 and all(i.startswith("card-") for i in ids[1:])


def test_an_untitled_card_with_an_id_is_a_card_from_a_map() -> None:
    (card,) = journey_from_csv("stage,lane,title,id\nS,L,,c-1\n").cards.values()
    assert (card.id, card.title) == ("c-1", "")


def test_a_cell_longer_than_csvs_default_limit_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    evidence = [{"source": "interview", "summary": "s" * 2000, "reference": "r" * 2000}] * 40
    cell = json.dumps(evidence).replace('"', '""')
    limit = csv.field_size_limit()
    (card,) = journey_from_csv(f'stage,lane,title,evidence\nS,L,T,"{cell}"\n').cards.values()
    assert len(card.evidence) == 40
    assert csv.field_size_limit() == limit


# Refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "stage,lane,title,severity\nS,L,a,\nS,L,b,high\n",
            "row 3, severity: must be a whole number from 1 to 5; got 'high'",
        ),
        ("stage,lane,title,severity\nS,L,a,6\n", "row 2, severity: must be a whole number"),
        ("stage,lane,title,kind\nS,L,a,sticky\n", "row 2, kind: must be one of touchpoint, "),
        ("stage,lane,title,span\nS,L,a,2\n", "row 2, span: a card here can span 1 to 1 stages"),
        ("stage,lane,title,span\nS,L,a,0\n", "row 2, span: must be a whole number of 1 or more"),
        ("stage,lane,title,channel\nS,L,a,fax\n", "row 2, channel: must be one of web,"),
        ("Stage,Lane,Title,Severty\n", "row 1: unknown column 'Severty'; the columns are stage,"),
        ("stage,lane,titel,owner\n", "row 1: unknown column 'titel'"),
        ("Stage,Lane,Kind\nS,L,note\n", "row 1: no title column; stage, lane and title are"),
        ("stage,lane,title,Title\n", "row 1: column 'title' appears twice"),
        ("stage,lane,title,body\nS,L,   ,notes\n", "row 2, title: is empty"),
        ("stage,lane,title,kind\nS,L,,note\n", "row 2, title: is empty"),
        ("stage,lane,title\n,L,a\n", "row 2, stage: is empty"),
        ("stage,lane,title\nS,,a\n", "row 2, lane: is empty"),
        (
            "stage,lane,title\n" + "S" * 101 + ",L,a\n",
            "row 2, stage: stage name is 101 characters long; the limit is 100",
        ),
        ("stage,lane,title\nS,L,a\nS," + "L" * 101 + ",b\n", "row 3, lane: lane name is 101"),
        (
            "stage,lane,title\nS,L," + "t" * 301 + "\n",
            "row 2, title: card title is 301 characters long; the limit is 300",
        ),
        ("stage,lane,title,actors\nS,L,a,[oops\n", "row 2, actors: must be a JSON list of names"),
        ("stage,lane,title,evidence\nS,L,a,notes\n", "row 2, evidence: must be a JSON list of"),
        (
            'stage,lane,title,evidence\nS,L,a,"[{""source"": ""gut""}]"\n',
            "row 2, evidence: evidence[0].source must be one of interview,",
        ),
        (
            'stage,lane,title,evidence\nS,L,a,"[{""reference"": ""x""}]"\n',
            "row 2, evidence: evidence[0].summary is missing",
        ),
        (
            "stage,lane,lane_kind,title\nS,L,actions,a\nS,l,thoughts,b\n",
            "row 3, lane_kind: lane 'L' is already actions",
        ),
        ("stage,lane,lane_kind,title\nS,L,tasks,a\n", "row 2, lane_kind: must be one of actions"),
        ("stage,lane,title\nS,L,a,surprise\n", "row 2: cell 4 has no column name"),
        ("", "the CSV is empty; it needs a header row"),
    ],
)
def test_errors_name_the_row_and_the_column(text: str, message: str) -> None:
    with pytest.raises(JourneyError) as caught:
        journey_from_csv(text)
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_too_large_a_csv_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_form, "MAX_CSV_CHARS", 100)
    text = "stage,lane,title\n" + "S,L,a\n" * 20
    with pytest.raises(JourneyError, match="the CSV is 137 characters long; the limit is 100"):
        journey_from_csv(text)


def test_more_rows_than_a_map_may_hold_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_form, "MAX_ROWS", 3)
    journey_from_csv("stage,lane,title\n" + "S,L,a\n" * 3)
    with pytest.raises(JourneyError, match="row 5: the CSV has more than 3 rows; a map holds"):
        journey_from_csv("stage,lane,title\n" + "S,L,a\n" * 4)


def test_a_huge_number_in_a_json_cell_is_a_clear_error() -> None:
    text = "stage,lane,title,actors\ns,l,t,[" + "1" * 5000 + "]\n"
    with pytest.raises(JourneyError, match="row 2, actors"):
        journey_from_csv(text)


def test_a_span_too_wide_names_its_column() -> None:
    with pytest.raises(JourneyError, match="row 2, span"):
        journey_from_csv("stage,lane,title,span\ns,l,t,5\n")
