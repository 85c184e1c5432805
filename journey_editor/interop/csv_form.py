"""A map's cards as CSV, one row per card, for spreadsheets: drafting a map, or listing one.

Stages and lanes are named in every row and made in the order they first appear. A stage
or lane without cards, or an order the cards alone would not show, is declared by a row
with nothing but ``stage``, ``lane`` and ``lane_kind``; the writer adds such rows at the
top (the stages, then the lanes) only when the card rows alone would not give back the
map's grid. A card row needs a title, unless it has an id: cards start untitled.

Cells are plain values (``pain_point``, ``4``), so a sheet can be sorted and filtered. A
cell a spreadsheet would run as a formula is written behind an apostrophe, which reading
takes off again, so the round trip stays exact. Errors name the row as a spreadsheet
numbers it (the header is row 1) and the column.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from journey_editor.interop.json_form import Reader
from journey_editor.model import (
    Card,
    CardAppender,
    CardKind,
    Channel,
    Evidence,
    EvidenceSource,
    Journey,
    JourneyError,
    Lane,
    LaneKind,
    Level,
    OpportunityStatus,
    add_lane,
    add_stage,
    limits,
)
from journey_editor.model.vocabulary import Vocabulary

COLUMNS = (
    "stage", "lane", "lane_kind", "kind", "title", "body", "span", "channel", "severity",
    "owner", "impact", "effort", "status", "actors", "evidence", "id",
)  # fmt: skip
REQUIRED = ("stage", "lane", "title")
_GRID_COLUMNS = frozenset({"stage", "lane", "lane_kind"})

# The largest map (100,000 cards) would not fit, but a CSV that large is not a draft; the
# cap keeps a wrong file (a log, a database dump) from being parsed into memory.
MAX_CSV_CHARS = 10_000_000
MAX_ROWS = limits.MAX_CARDS + limits.MAX_STAGES + limits.MAX_LANES

# Spreadsheets run a cell starting with one of these as a formula (CSV injection). Leading
# apostrophes count too, so that a text really starting with "'=" survives the round trip.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")

V = TypeVar("V", bound=Vocabulary)


# Writing ---------------------------------------------------------------------------------


def journey_to_csv(journey: Journey) -> str:
    rows: list[dict[str, str]] = []
    cards = journey.cards_in_order()
    if not _cards_show_grid(journey, cards):
        rows += [{"stage": stage.name} for stage in journey.stages]
        rows += [{"lane": lane.name, "lane_kind": lane.kind.value} for lane in journey.lanes]
    rows += [_card_cells(journey, card) for card in cards]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(COLUMNS)
    writer.writerows([_defuse(row.get(column, "")) for column in COLUMNS] for row in rows)
    return out.getvalue()


def _card_cells(journey: Journey, card: Card) -> dict[str, str]:
    lane = journey.lane(card.lane_id)
    return {
        "stage": journey.stage(card.stage_id).name,
        "lane": lane.name,
        "lane_kind": lane.kind.value,
        "kind": card.kind.value,
        "title": card.title,
        "body": card.body,
        "span": str(card.span),
        "channel": _value(card.channel),
        "severity": "" if card.severity is None else str(card.severity),
        "owner": card.owner,
        "impact": _value(card.impact),
        "effort": _value(card.effort),
        "status": _value(card.status),
        "actors": _actors_cell(card.actors),
        "evidence": _evidence_cell(card.evidence),
        "id": card.id,
    }


def _cards_show_grid(journey: Journey, cards: list[Card]) -> bool:
    """Whether reading the card rows alone makes every stage and lane, in the map's order."""
    stages = list(dict.fromkeys(card.stage_id for card in cards))
    lanes = list(dict.fromkeys(card.lane_id for card in cards))
    return stages == [s.id for s in journey.stages] and lanes == [lane.id for lane in journey.lanes]


def _defuse(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def _value(member: Vocabulary | None) -> str:
    return "" if member is None else member.value


def _actors_cell(actors: list[str]) -> str:
    joined = "; ".join(actors)
    # "; " between names reads best, but is only reversible for names without ";", line
    # breaks and outer spaces (empty names included); otherwise the cell is a JSON list.
    plain = all(a and a == a.strip() and not re.search(r"[;\n\r]", a) for a in actors)
    if plain and not joined.startswith("["):
        return joined
    return json.dumps(actors, ensure_ascii=False)


def _evidence_cell(evidence: list[Evidence]) -> str:
    if not evidence:
        return ""
    items = [{"source": e.source.value, "summary": e.summary, "reference": e.reference}
             for e in evidence]  # fmt: skip
    return json.dumps(items, ensure_ascii=False)


# Reading ---------------------------------------------------------------------------------


def journey_from_csv(text: str, title: str = "Imported map") -> Journey:
    """A map from a CSV of cards; JourneyError names the row and column of what is wrong."""
    if len(text) > MAX_CSV_CHARS:
        raise JourneyError(
            f"the CSV is {len(text):,} characters long; the limit is {MAX_CSV_CHARS:,}"
        )
    rows = _read_rows(text.removeprefix("\ufeff"))  # spreadsheets start UTF-8 with a BOM
    stages: dict[str, _Place] = {}  # by folded name, in the order of first appearance
    lanes: dict[str, _Place] = {}
    cards = [row for row in rows if _note_places(row, stages, lanes)]
    for row in cards:  # a lane the CSV gives no kind takes it from its first card's kind
        lane = lanes[_fold(row.cells["lane"])]
        card_kind = row.member("kind", CardKind) if lane.kind is None else None
        if card_kind is not None:
            lane.kind = card_kind.home_lane_kind
    journey = Journey(title=title)
    for stage in stages.values():
        stage.made = stage.row.apply("stage", add_stage, journey, stage.name).id
    for lane in lanes.values():
        kind = lane.kind or LaneKind.CUSTOM
        lane.made = lane.row.apply("lane", add_lane, journey, lane.name, kind).id
    if not journey.stages:
        add_stage(journey, "Stage 1")
    if not journey.lanes:
        add_lane(journey, "Cards")
    appender = CardAppender(journey)
    for row in cards:
        stage, lane = stages[_fold(row.cells["stage"])], lanes[_fold(row.cells["lane"])]
        _add_card_row(appender, journey, row, stage.made, journey.lane(lane.made))
    return journey


@dataclass
class _Place:
    """A stage or lane named in the CSV, until it is made."""

    row: _Row  # where it first appears, for messages
    name: str
    kind: LaneKind | None = None
    made: str = ""  # its id in the map


def _note_places(row: _Row, stages: dict[str, _Place], lanes: dict[str, _Place]) -> bool:
    """Note the stage and lane a row names; True when the row is a card."""
    cells = row.cells
    is_card = any(cells[column].strip() for column in COLUMNS if column not in _GRID_COLUMNS)
    for column in ("stage", "lane"):
        if is_card and not cells[column].strip():
            raise row.error(column, "is empty")
    if cells["lane_kind"].strip() and not cells["lane"].strip():
        raise row.error("lane", "is empty")
    if is_card and not cells["title"].strip() and not cells["id"]:
        # A card made in the editor starts untitled, so one that has an id may stay so.
        raise row.error("title", "is empty")
    if cells["stage"].strip():
        stages.setdefault(_fold(cells["stage"]), _Place(row, cells["stage"]))
    if cells["lane"].strip():
        lane = lanes.setdefault(_fold(cells["lane"]), _Place(row, cells["lane"]))
        kind = row.member("lane_kind", LaneKind)
        if kind and lane.kind and kind != lane.kind:  # rows must agree: no silent winner
            raise row.error("lane_kind", f"lane {lane.name.strip()!r} is already {lane.kind}")
        lane.kind = lane.kind or kind
    return is_card


def _add_card_row(
    appender: CardAppender, journey: Journey, row: _Row, stage_id: str, lane: Lane
) -> None:
    fields: dict[str, Any] = {
        "title": row.cells["title"],
        "body": row.cells["body"],
        "span": row.whole("span", 1, None) or 1,
        "channel": row.member("channel", Channel),
        "severity": row.whole("severity", limits.SEVERITY_MIN, limits.SEVERITY_MAX),
        "owner": row.cells["owner"],
        "impact": row.member("impact", Level),
        "effort": row.member("effort", Level),
        "status": row.member("status", OpportunityStatus),
        "actors": _read_actors(row),
        "evidence": _read_evidence(row),
    }
    kind = row.member("kind", CardKind) or lane.kind.default_card_kind
    card_id = row.cells["id"]
    # An id that is missing, malformed or taken gives way to a new one: rows copied within
    # a sheet repeat their ids, and a card is more than its id.
    if card_id in journey.cards or _blame({"id": card_id}):
        card_id = ""
    try:
        appender.add(kind, stage_id, lane.id, card_id=card_id or None, **fields)
    except JourneyError as error:
        # A span is refused by the map (too wide for the stages after its own), not by the
        # card alone: name the column all the same.
        column = _blame(fields) or ("span" if "span" in str(error) else None)
        raise row.error(column, str(error)) from None


def _blame(fields: dict[str, Any]) -> str | None:
    """The first field a card refuses on its own, to name its column in the message."""
    for name, value in fields.items():
        probe = {"id": "probe", "title": "", name: value}
        try:
            Card(kind=CardKind.NOTE, stage_id="", lane_id="", position=0, **probe)
        except JourneyError:
            return name
    return None


def _read_actors(row: _Row) -> list[str]:
    cell = row.cells["actors"].strip()
    if not cell.startswith("["):
        return [name.strip() for name in cell.split(";") if name.strip()]
    actors = row.json("actors", "names (a cell starting with [ is JSON)")
    if not all(isinstance(name, str) for name in actors):
        raise row.error("actors", "must be a JSON list of names")
    return [str(name) for name in actors]


def _read_evidence(row: _Row) -> list[Evidence]:
    if not row.cells["evidence"].strip():
        return []
    items = row.json("evidence", "objects {source, summary, reference}")
    return [row.apply("evidence", _evidence, item, i) for i, item in enumerate(items)]


def _evidence(item: object, index: int) -> Evidence:
    # Read as the JSON form reads a card's evidence, so both say the same of the same item.
    doc = Reader(item, f"evidence[{index}]")
    return doc.build(
        Evidence,
        source=doc.member("source", EvidenceSource, EvidenceSource.OTHER),
        summary=doc.get("summary", str),
        reference=doc.get("reference", str, ""),
    )


def _read_rows(text: str) -> list[_Row]:
    limit = csv.field_size_limit()
    # A card's evidence may be longer than csv's default cell limit (128 KiB); the input's
    # own cap already bounds memory. Restored after, as the limit is process-wide.
    csv.field_size_limit(max(limit, MAX_CSV_CHARS))
    number = 0
    try:
        records = csv.reader(io.StringIO(text, newline=""))
        header = next(records, None)
        if header is None:
            raise JourneyError("the CSV is empty; it needs a header row naming its columns")
        columns = _columns(header)
        rows = []
        for number, record in enumerate(records, start=2):
            if number > MAX_ROWS + 1:
                raise JourneyError(
                    f"row {number}: the CSV has more than {MAX_ROWS:,} rows; "
                    f"a map holds at most {limits.MAX_CARDS:,} cards"
                )
            row = _Row.of(number, columns, record)
            if any(cell.strip() for cell in row.cells.values()):  # blank rows are left out
                rows.append(row)
    except csv.Error as error:
        raise JourneyError(f"row {number + 1}: not valid CSV ({error})") from None
    finally:
        csv.field_size_limit(limit)
    return rows


def _columns(header: list[str]) -> list[str | None]:
    """Each header cell's column; None for an unnamed one, which must stay empty."""
    columns = [_fold(name, "_") or None for name in header]
    unknown = [name for name, c in zip(header, columns, strict=True) if c and c not in COLUMNS]
    if unknown:
        raise JourneyError(
            f"row 1: unknown column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(map(repr, unknown))}; the columns are {', '.join(COLUMNS)}"
        )
    named = [c for c in columns if c]
    twice = [column for column in COLUMNS if named.count(column) > 1]
    if twice:
        raise JourneyError(f"row 1: column {twice[0]!r} appears twice")
    missing = [column for column in REQUIRED if column not in named]
    if missing:
        raise JourneyError(
            f"row 1: no {', '.join(missing)} column; stage, lane and title are required"
        )
    return columns


@dataclass
class _Row:
    """One CSV record by column, its formula guards taken off, with its number for messages."""

    number: int
    cells: dict[str, str]

    @classmethod
    def of(cls, number: int, columns: list[str | None], record: list[str]) -> _Row:
        cells = dict.fromkeys(COLUMNS, "")  # for columns left out, and short records
        for index, cell in enumerate(record):
            column = columns[index] if index < len(columns) else None
            if column is None:
                if cell.strip():
                    raise JourneyError(f"row {number}: cell {index + 1} has no column name")
                continue
            undone = cell[1:] if cell.startswith("'") and _FORMULA.match(cell[1:]) else cell
            cells[column] = undone
        return cls(number, cells)

    def error(self, column: str | None, message: str) -> JourneyError:
        return JourneyError(f"row {self.number}{f', {column}' if column else ''}: {message}")

    def member(self, column: str, vocabulary: type[V]) -> V | None:
        """A member by value or label, in any case: "Pain point", "pain_point", "PAIN-POINT"."""
        text = self.cells[column]
        try:
            return vocabulary(_fold(text, "_")) if text.strip() else None
        except ValueError:
            allowed = ", ".join(member.value for member in vocabulary)
            raise self.error(column, f"must be one of {allowed}; got {text!r}") from None

    def whole(self, column: str, low: int, high: int | None) -> int | None:
        text = self.cells[column].strip()
        if not text:
            return None
        # Some tools write every number as a float ("3.0"); anything else is not a count.
        value = int(float(text)) if re.fullmatch(r"\d{1,6}(\.0*)?", text) else None
        if value is None or value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"of {low} or more"
            raise self.error(column, f"must be a whole number {bounds}; got {text!r}")
        return value

    def json(self, column: str, form: str) -> Any:
        """The cell read as JSON, which must be a list (of ``form``)."""
        try:
            value = json.loads(self.cells[column])
        except (ValueError, RecursionError):  # ValueError: bad JSON, or a 5,000-digit number
            value = None
        if not isinstance(value, list):
            raise self.error(column, f"must be a JSON list of {form}")
        return value

    def apply(self, column: str, make: Any, *args: Any) -> Any:
        """Call a model function, naming this row and column in what it refuses."""
        try:
            return make(*args)
        except JourneyError as error:
            raise self.error(column, str(error)) from None


def _fold(name: str, space: str | None = None) -> str:
    """A name as the model compares names (outer spaces and case ignored); with ``space``,
    runs of spaces, underscores and hyphens become it, as in headers and vocabulary."""
    folded = name.strip().casefold()
    return folded if space is None else re.sub(r"[\s_\-]+", space, folded)
