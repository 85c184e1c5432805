"""Mermaid user-journey diagrams: Mermaid's own examples read, bad text refused by line, and
round trips both ways (diagram -> map -> diagram, map -> diagram -> map)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import journeys

from journey_editor.interop.mermaid import card_scores, journey_from_mermaid, journey_to_mermaid
from journey_editor.interop.mermaid_parse import MAX_CHARS, parse_journey
from journey_editor.model import (
    Card,
    CardKind,
    Journey,
    JourneyError,
    LaneKind,
    add_card,
    add_emotion_point,
    add_lane,
    add_stage,
    limits,
)

WORKING_DAY = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""

TASK_LIST = (
    "journey\n"
    "title Adding journey diagram functionality to mermaid\n"
    "section Documentation\n"
    "A task: 5: Alice, Bob, Charlie\n"
    "B task: 3:Bob, Charlie\n"
    "C task: 5\n"
    "D task: 5: Charlie, Alice\n"
    "E task: 5:\n"
    "section Another section\n"
    "P task: 5:\n"
    "Q task: 5:\n"
    "R task: 5:"
)

Outline = list[tuple[str, list[tuple[str, float, list[str]]]]]


def outline(journey: Journey) -> Outline:
    """Stage by stage, each card as (title, score of its point, actors)."""
    points = {p.card_id: p.score for p in journey.emotion_line() if p.card_id is not None}
    return [
        (
            stage.name,
            [(c.title, points[c.id], c.actors) for c in journey.cards_of_stage(stage.id)],
        )
        for stage in journey.stages
    ]


def parsed(text: str) -> Outline:
    """What a diagram text says, section by section, without building a map."""
    return [
        (section.name or "", [(t.name, t.score, t.actors) for t in section.tasks])
        for section in parse_journey(text).sections
    ]


def flat(text: str) -> str:
    return re.sub(r"\r\n|[\r\n]", " ", text).strip()


# Reading ---------------------------------------------------------------------------------


def test_the_example_of_mermaids_documentation() -> None:
    journey = journey_from_mermaid(WORKING_DAY)
    assert journey.title == "My working day"
    assert journey.kind.value == "current_state"
    assert [(lane.name, lane.kind) for lane in journey.lanes] == [
        ("Actions", LaneKind.ACTIONS),
        ("Emotions", LaneKind.EMOTIONS),
    ]
    assert outline(journey) == [
        ("Go to work", [("Make tea", 5, ["Me"]), ("Go upstairs", 3, ["Me"]),
                        ("Do work", 1, ["Me", "Cat"])]),
        ("Go home", [("Go downstairs", 5, ["Me"]), ("Sit down", 5, ["Me"])]),
    ]  # fmt: skip
    assert all(card.kind is CardKind.ACTION for card in journey.cards.values())
    work = journey.stages[0].id
    line = [p for p in journey.emotion_line() if p.stage_id == work]
    assert [p.offset for p in line] == pytest.approx([1 / 6, 3 / 6, 5 / 6])
    assert [p.label for p in line] == ["Make tea", "Go upstairs", "Do work"]


def test_a_title_alone() -> None:
    journey = journey_from_mermaid("journey\ntitle Adding journey diagram functionality to mermaid")
    assert journey.title == "Adding journey diagram functionality to mermaid"
    assert [stage.name for stage in journey.stages] == ["Journey"]
    assert not journey.cards


def test_an_accessible_description_before_the_title() -> None:
    journey = journey_from_mermaid(
        "journey\n"
        "accDescr: A user journey for family shopping\n"
        "title Adding journey diagram functionality to mermaid\n"
        "section Order from website"
    )
    assert journey.description == "A user journey for family shopping"
    assert journey.title == "Adding journey diagram functionality to mermaid"
    assert [stage.name for stage in journey.stages] == ["Order from website"]


def test_a_description_block_over_several_lines() -> None:
    journey = journey_from_mermaid(
        "journey\n"
        "accDescr {\n"
        "        A user journey for\n"
        "        family shopping\n"
        "      }"
        "title Adding journey diagram functionality to mermaid\n"
        "accTitle: Adding acc journey diagram functionality to mermaid\n"
        "section Order from website"
    )
    assert journey.description == "A user journey for\nfamily shopping"
    assert journey.title == "Adding journey diagram functionality to mermaid"
    assert parse_journey("journey\naccDescr {\n a\n}\nsection S").sections[0].line == 5


def test_an_accessible_title_titles_a_map_without_one() -> None:
    text = "journey\n    accTitle: The title\n    section Order from website"
    journey = journey_from_mermaid(text)
    assert journey.title == "The title"
    assert journey.description == ""


def test_section_names_keep_line_break_markup_as_text() -> None:
    name = "Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5"
    journey = journey_from_mermaid(f"journey\ntitle Sections\nsection {name}")
    assert [stage.name for stage in journey.stages] == [name]


def test_the_task_list_of_mermaids_parser_tests() -> None:
    journey = journey_from_mermaid(TASK_LIST)
    assert outline(journey) == [
        ("Documentation", [
            ("A task", 5, ["Alice", "Bob", "Charlie"]),
            ("B task", 3, ["Bob", "Charlie"]),
            ("C task", 5, []),
            ("D task", 5, ["Charlie", "Alice"]),
            ("E task", 5, []),
        ]),
        ("Another section", [("P task", 5, []), ("Q task", 5, []), ("R task", 5, [])]),
    ]  # fmt: skip


def test_keywords_in_any_case_indentation_and_blank_lines() -> None:
    text = "\n\n   JOURNEY\n\tTITLE  Shouting  \n\n      Section  One \n  Task : 4 : Me \n\n"
    journey = journey_from_mermaid(text)
    assert journey.title == "Shouting"
    assert outline(journey) == [("One", [("Task", 4, ["Me"])])]


def test_comments_and_semicolons() -> None:
    text = (
        "%% a comment before the diagram\n"
        "journey %% the keyword\n"
        "# a comment\n"
        "  %% an indented comment\n"
        "title Commented %% not part of the title\n"
        "section A # not part of the name\n"
        "  One: 2: Me %% nor of the actors\n"
        "  Two: 3 # a comment after the score\n"
        "section B; Three: 4: You; Four: 5\n"
    )
    journey = journey_from_mermaid(text)
    assert journey.title == "Commented"
    assert outline(journey) == [
        ("A", [("One", 2, ["Me"]), ("Two", 3, [])]),
        ("B", [("Three", 4, ["You"]), ("Four", 5, [])]),
    ]


def test_entity_codes_are_decoded_in_every_value() -> None:
    text = (
        "journey\n"
        "title Day #35;1#59; #quot;fine#quot;\n"
        "section Sign#58; up #amp; go\n"
        "  Pay #lt;now#gt;#colon; card: 4: Ann#44; Jr, Bo#semi;#num;\n"
        "  Keep #unknown; and #0;: 3\n"
    )
    journey = journey_from_mermaid(text)
    assert journey.title == 'Day #1; "fine"'
    assert outline(journey) == [
        ("Sign: up & go", [("Pay <now>: card", 4, ["Ann, Jr", "Bo;#"]),
                           ("Keep #unknown; and \ufffd", 3, [])]),
    ]  # fmt: skip


def test_front_matter_and_directives_are_set_aside() -> None:
    text = (
        "---\n"
        'title: "From front matter"\n'
        "config:\n"
        "  theme: forest\n"
        "---\n"
        "%%{init: {'theme': 'dark',\n"
        "  'journey': {'diagramMarginX': 50}}}%%\n"
        "journey\n"
        "  section S\n"
        "    Task: x\n"
    )
    with pytest.raises(JourneyError, match=r"^line 10: "):
        journey_from_mermaid(text)
    journey = journey_from_mermaid(text.replace("x", "2"))
    assert journey.title == "From front matter"
    assert journey_from_mermaid(text.replace("x", "2") + "title Own\n").title == "Own"
    assert journey_from_mermaid("journey\n%%{init: {}}%%\nsection S").stages[0].name == "S"


def test_stages_are_named_uniquely_and_tasks_before_a_section_have_one() -> None:
    text = "journey\nEarly: 3\nsection Go\nA: 1\nsection go\nsection Journey\nsection Go"
    journey = journey_from_mermaid(text)
    assert [stage.name for stage in journey.stages] == ["Journey", "Go", "go 2", "Journey 2",
                                                        "Go 3"]  # fmt: skip
    long = "L" * limits.NAME_MAX
    again = journey_from_mermaid(f"journey\nsection {long}\nsection {long}")
    assert [len(stage.name) for stage in again.stages] == [limits.NAME_MAX] * 2


def test_an_empty_diagram_is_a_map_with_one_stage() -> None:
    journey = journey_from_mermaid("journey")
    assert journey.title == "Imported journey"
    assert [stage.name for stage in journey.stages] == ["Journey"]
    assert [lane.kind for lane in journey.lanes] == [LaneKind.ACTIONS, LaneKind.EMOTIONS]


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ("Make tea", r"the score of 'Make tea' is missing"),
        ("Make tea:", r"the score of 'Make tea' is missing"),
        ("Make tea: x", r"the score of 'Make tea' must be a number from 1 to 5; got 'x'$"),
        ("Make tea: 0", r"must be a number from 1 to 5; got '0'$"),
        ("Make tea: 6: Me", r"must be a number from 1 to 5; got '6'$"),
        ("Make tea: -1", r"got '-1'$"),
        ("Make tea: NaN", r"got 'NaN'$"),
        ("Make tea: inf", r"got 'inf'$"),
        ("Make tea: 1e999", r"got '1e999'$"),
        (": 5", r"a task needs a name before its ':'"),
    ],
)
def test_a_bad_score_is_refused_at_its_line(task: str, message: str) -> None:
    text = f"journey\n  title T\n\n  section S\n    Fine: 4\n    %% next\n    {task}\n    Also: 2"
    with pytest.raises(JourneyError, match=r"^line 7: .*" + message) as refused:
        journey_from_mermaid(text)
    assert "\n" not in str(refused.value)


def test_scores_as_javascript_writes_numbers() -> None:
    text = "journey\nA: 2.5\nB: +4\nC: 1e0\nD: .5e1\nE: 3.\nF:5.000"
    assert [t[1] for t in parsed(text)[0][1]] == [2.5, 4, 1, 5, 3, 5]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "flowchart TD\n  A --> B",
            r"^line 1: a Mermaid user journey starts with 'journey'; "
            r"got 'flowchart TD'",
        ),
        ("title T\njourney", r"^line 1: .*got 'title T'"),
        ("", r"^line 1: .*this text has none"),
        ("%% only a comment\n", r"^line 1: .*this text has none"),
        ("---\ntitle: T\n", r"^line 1: .*got '---'"),
        ("journey\nsection A\njourney", r"^line 3: 'journey' starts the diagram"),
        ("journey\nsection A: 5", r"^line 2: the section name 'A: 5' cannot contain ':'"),
        ("journey\n\n%%{init: {}\nsection A", r"^line 3: the directive '%%\{' is not closed"),
        ("journey\naccDescr {\n  never closed", r"^line 2: 'accDescr \{' is not closed"),
        ("journey\ntitle " + "T" * 201, r"^line 2: map title is 201 characters long"),
        ("journey\naccTitle: " + "T" * 201, r"^line 2: map title is 201 characters long"),
        ("journey\n\naccDescr: " + "D" * (limits.BODY_MAX + 1), r"^line 3: map description"),
        ("journey\nsection " + "S" * 101, r"^line 2: stage name is 101 characters long"),
        ("journey\nsection S\n" + "C" * 301 + ": 3", r"^line 3: card title is 301 characters"),
        ("journey\nA: 3: " + "x" * 101, r"^line 2: an entry of actors is 101 characters"),
        ("journey\nA: 3: " + ",".join("x" * 101), r"^line 2: actors has 101 entries"),
        ("journey\n" + "section S\n" * 101, r"^line 102: a map holds at most 100 stages"),
        ("journey\n" + "A: 1\n" * 10_001, r"^line 10002: a map holds at most 10,000 emotion"),
        ("journey\n" + "x" * MAX_CHARS, r"^the Mermaid text is 5,000,008 characters long"),
    ],
)
def test_text_that_is_no_journey_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(JourneyError, match=message) as refused:
        journey_from_mermaid(text)
    assert "\n" not in str(refused.value)
    assert len(str(refused.value)) < 200


def test_windows_line_ends_and_a_byte_order_mark() -> None:
    text = "\ufeff" + WORKING_DAY.replace("\n", "\r\n").replace("Sit down: 5", "Sit down: 9")
    with pytest.raises(JourneyError, match=r"^line 9: "):
        journey_from_mermaid(text)
    assert outline(journey_from_mermaid(text.replace("9", "5"))) == outline(
        journey_from_mermaid(WORKING_DAY)
    )


# Writing ---------------------------------------------------------------------------------


def test_the_example_writes_back_as_it_was_read() -> None:
    assert journey_to_mermaid(journey_from_mermaid(WORKING_DAY)) == (
        "journey\n"
        "  title My working day\n"
        "  section Go to work\n"
        "    Make tea: 5: Me\n"
        "    Go upstairs: 3: Me\n"
        "    Do work: 1: Me, Cat\n"
        "  section Go home\n"
        "    Go downstairs: 5: Me\n"
        "    Sit down: 5: Me\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        WORKING_DAY,
        TASK_LIST,
        "journey\nsection #35; and #59;\n  Tea #58; or coffee#44; please: 2.5: A#44; B, C#58; D\n",
        "journey\nsection S\n  #84;itle page: 3\n  #115;ection 2: 4\n  #74;ourney home: 1\n",
        "journey\nsection Weird\n  100#37;#37; sure: 4\n  #37;#37;{ not a directive: 3.75\n",
    ],
)
def test_a_diagram_read_and_written_keeps_sections_tasks_scores_and_actors(text: str) -> None:
    written = journey_to_mermaid(journey_from_mermaid(text))
    assert parsed(written) == parsed(text)
    assert journey_to_mermaid(journey_from_mermaid(written)) == written


def _map_with_every_lane() -> tuple[Journey, dict[str, Card]]:
    journey = Journey(title="Scores: #1; of %%{the} day", description="First line\n  }%% b }")
    one, two, three = (add_stage(journey, name) for name in ("One", "Two", "Three"))
    actions = add_lane(journey, "Doing", LaneKind.ACTIONS)
    touch = add_lane(journey, "Where", LaneKind.TOUCHPOINTS)
    thoughts = add_lane(journey, "Thinking", LaneKind.THOUGHTS)
    cards = {
        "tied": add_card(journey, CardKind.ACTION, one.id, actions.id, "Tied", actors=["A", " "]),
        "mean": add_card(journey, CardKind.TOUCHPOINT, two.id, touch.id, "Title of the page"),
        "none": add_card(journey, CardKind.TOUCHPOINT, three.id, touch.id, ""),
        "skip": add_card(journey, CardKind.THOUGHT, one.id, thoughts.id, "Not written"),
    }
    add_emotion_point(journey, one.id, 0.9, 2.0, card_id=cards["tied"].id)
    add_emotion_point(journey, one.id, 0.1, 4.5, card_id=cards["tied"].id)  # first on the line
    add_emotion_point(journey, two.id, 0.5, 2.0)
    add_emotion_point(journey, two.id, 0.7, 3.0)
    return journey, cards


def test_which_cards_are_written_and_the_score_each_gets() -> None:
    journey, cards = _map_with_every_lane()
    scores = card_scores(journey)
    assert scores[cards["tied"].id] == 4.5
    assert scores[cards["mean"].id] == 2.5
    assert scores[cards["none"].id] == 3
    text = journey_to_mermaid(journey)
    assert text.splitlines() == [
        "journey",
        "  title Scores: #35;1#59; of #37;%{the} day",
        "  accDescr {",
        "    First line",
        "    #125;#37;% b #125;",
        "  }",
        "  section One",
        "    Tied: 4.5: A",
        "  section Two",
        "    #84;itle of the page: 2.5",
        "  section Three",
        "    #32;: 3",
    ]
    again = journey_from_mermaid(text)
    assert again.title == journey.title
    assert again.description == "First line\n}%% b }"
    assert outline(again) == [
        ("One", [("Tied", 4.5, ["A"])]),
        ("Two", [("Title of the page", 2.5, [])]),
        ("Three", [("", 3, [])]),
    ]


def test_a_one_line_description_is_written_on_one_line() -> None:
    journey = Journey(title="T", description="  Said; in #one line  ")
    add_stage(journey, "S")
    text = journey_to_mermaid(journey)
    assert "  accDescr: Said#59; in #35;one line\n" in text
    assert journey_from_mermaid(text).description == "Said; in #one line"


def test_the_sample_map_writes_a_diagram_that_reads_back(sample: Journey) -> None:
    text = journey_to_mermaid(sample)
    again = journey_from_mermaid(text)
    assert [stage.name for stage in again.stages] == [stage.name for stage in sample.stages]
    assert again.title == sample.title


# Round trips of generated maps -----------------------------------------------------------

# The characters the grammar gives a meaning, among accents, CJK and line breaks.
_PIECES = [*":;#,%{}&\n\r\t ", "\r\n", "#35;", "#quot;", "%%", "%%{", "}%%", "é", "日本"]
tricky = st.lists(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    | st.sampled_from(_PIECES),
    max_size=12,
).map("".join)
keywordish = st.sampled_from(["journey", "Title ", "SECTION\t", "accTitle:", "accdescr {", ""])


@st.composite
def diagram_maps(draw: st.DrawFn) -> Journey:
    journey = Journey(title="Generated")
    for index in range(draw(st.integers(1, 4))):
        add_stage(journey, f"S{index}|{draw(tricky)}")
    lanes = [add_lane(journey, name, kind) for name, kind in (
        ("Doing", LaneKind.ACTIONS), ("Where", LaneKind.TOUCHPOINTS),
        ("Thinking", LaneKind.THOUGHTS), ("Feeling", LaneKind.EMOTIONS))]  # fmt: skip
    for _ in range(draw(st.integers(0, 12))):
        add_card(
            journey,
            CardKind.ACTION,
            draw(st.sampled_from(journey.stages)).id,
            draw(st.sampled_from(lanes)).id,
            draw(keywordish) + draw(tricky),
            actors=draw(st.lists(tricky, max_size=3)),
        )
    for _ in range(draw(st.integers(0, 8))):
        add_emotion_point(
            journey,
            draw(st.sampled_from(journey.stages)).id,
            draw(st.floats(0, 1)),
            draw(st.floats(1, 5)),
            card_id=draw(st.none() | st.sampled_from(sorted(journey.cards) or [None])),
        )
    return journey


def _expected(journey: Journey) -> Outline:
    scores = card_scores(journey)
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    return [
        (
            flat(stage.name),
            [
                (flat(c.title), scores[c.id], [flat(a) for a in c.actors if flat(a)])
                for c in journey.cards_of_stage(stage.id)
                if kinds[c.lane_id] in (LaneKind.ACTIONS, LaneKind.TOUCHPOINTS)
            ],
        )
        for stage in journey.stages
    ]


@settings(max_examples=150, deadline=None)
@given(journey=diagram_maps())
def test_a_map_written_and_read_keeps_stages_cards_actors_and_scores(journey: Journey) -> None:
    text = journey_to_mermaid(journey)
    assert outline(journey_from_mermaid(text)) == _expected(journey)


@settings(max_examples=60, deadline=None)
@given(journey=journeys())
def test_any_map_writes_a_diagram_that_reads_back(journey: Journey) -> None:
    text = journey_to_mermaid(journey)
    again = journey_from_mermaid(text)
    assert outline(again) == _expected(journey)
    assert again.title == flat(journey.title)
    assert parsed(journey_to_mermaid(again)) == parsed(text)
