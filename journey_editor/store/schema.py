"""The tables of a .journey file, described once with SQLModel (docs/file-format.md).

The store talks to SQLite through the standard library with statements made from these
tables, rather than through an ORM session: files are loaded from bytes into memory
(``Connection.deserialize``), and an edit writes a handful of rows.

The running editor never imports this module: importing SQLModel (pydantic and SQLAlchemy)
costs about 0.45 s at launch, and the store needs only each table's name, its columns and
the DDL. Those are rendered from the classes below into tables.py, which the store imports;
regenerate it after any change here with ``.venv/bin/python -m journey_editor.store.schema``
(tests/test_store.py fails while the two disagree).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import Field, SQLModel

# "JRNY" as a big-endian 32-bit number: what `PRAGMA application_id` says of our files.
APPLICATION_ID = 0x4A524E59
SCHEMA_VERSION = 1


class JourneyRow(SQLModel, table=True):
    __tablename__ = "journey"
    id: str = Field(primary_key=True)
    title: str
    kind: str
    description: str


class PersonaRow(SQLModel, table=True):
    __tablename__ = "persona"
    id: str = Field(primary_key=True)
    name: str
    role: str
    core_need: str
    trigger_event: str
    primary_channel: str | None
    conversion_metric: str
    goals: str  # JSON list of texts
    frustrations: str  # JSON list of texts
    quote: str
    picture: bytes | None


class StageRow(SQLModel, table=True):
    __tablename__ = "stage"
    id: str = Field(primary_key=True)
    position: int
    name: str
    customer_goal: str
    emotional_drivers: str  # JSON list of texts


class ConversionGoalRow(SQLModel, table=True):
    __tablename__ = "conversion_goal"
    stage_id: str = Field(primary_key=True)
    position: int = Field(primary_key=True)
    kind: str
    description: str


class KpiRow(SQLModel, table=True):
    __tablename__ = "kpi"
    stage_id: str = Field(primary_key=True)
    position: int = Field(primary_key=True)
    name: str
    target: float | None
    actual: float | None
    unit: str


class LaneRow(SQLModel, table=True):
    __tablename__ = "lane"
    id: str = Field(primary_key=True)
    position: int
    name: str
    kind: str
    zone: str


class CardRow(SQLModel, table=True):
    """What a card says; where it sits is in ``card_place``."""

    __tablename__ = "card"
    id: str = Field(primary_key=True)
    kind: str
    title: str
    body: str
    channel: str | None
    severity: int | None
    owner: str
    impact: str | None
    effort: str | None
    status: str | None
    actors: str  # JSON list of texts


class CardPlaceRow(SQLModel, table=True):
    """Where a card sits. Kept narrow and apart from the card's text because reordering a
    cell renumbers every card in it: narrow rows make that touch few pages."""

    __tablename__ = "card_place"
    __table_args__ = {"sqlite_with_rowid": False}
    card_id: str = Field(primary_key=True)
    stage_id: str
    lane_id: str
    position: int
    span: int


class EvidenceRow(SQLModel, table=True):
    __tablename__ = "evidence"
    card_id: str = Field(primary_key=True)
    position: int = Field(primary_key=True)
    source: str
    summary: str
    reference: str


class EmotionPointRow(SQLModel, table=True):
    __tablename__ = "emotion_point"
    id: str = Field(primary_key=True)
    stage_id: str
    offset: float
    score: float
    label: str
    card_id: str | None


class LinkRow(SQLModel, table=True):
    __tablename__ = "link"
    id: str = Field(primary_key=True)
    source_id: str
    target_id: str
    label: str


def table_of(row_class: type[SQLModel]) -> Table:
    table = row_class.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


# The order tables are created in, and the order of tables.TABLES.
ROW_CLASSES: tuple[type[SQLModel], ...] = (
    JourneyRow,
    PersonaRow,
    StageRow,
    ConversionGoalRow,
    KpiRow,
    LaneRow,
    CardRow,
    CardPlaceRow,
    EvidenceRow,
    EmotionPointRow,
    LinkRow,
)


def schema_statements() -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for a new file, in SQLite's dialect."""
    dialect = sqlite.dialect()
    statements = []
    for row_class in ROW_CLASSES:
        table = table_of(row_class)
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        statements += [
            str(CreateIndex(index).compile(dialect=dialect)).strip()
            for index in sorted(table.indexes, key=lambda index: str(index.name))
        ]
    return statements


# Generating tables.py --------------------------------------------------------------------

TABLES_PATH = Path(__file__).with_name("tables.py")
LINE_LENGTH = 100  # ruff's limit (pyproject.toml): the generated module must pass it too

TABLES_TEMPLATE = '''\
"""The tables of a .journey file as plain data: what the store needs at run time.

Generated from schema.py; do not edit. Regenerate with
``.venv/bin/python -m journey_editor.store.schema``.

schema.py declares the tables with SQLModel, and importing SQLModel (pydantic and
SQLAlchemy) costs about 0.45 s at launch; the store needs only each table's name, its
columns and the DDL, so it reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

# "{mark}" as a big-endian 32-bit number: what `PRAGMA application_id` says of our files.
APPLICATION_ID = 0x{application_id:08X}
SCHEMA_VERSION = {schema_version}


@dataclass(frozen=True)
class Table:
    """A table's name and its columns in table order: the order of a row's values."""

    name: str
    columns: tuple[str, ...]


{tables}

# CREATE TABLE and CREATE INDEX statements for a new file, in SQLite's dialect.
SCHEMA_STATEMENTS: tuple[str, ...] = (
{statements}
)
'''


def tables_module_source() -> str:
    """The full text of tables.py, rendered from the classes above."""
    tables = [table_of(row_class) for row_class in ROW_CLASSES]
    constants = [table.name.upper() for table in tables]
    lines = [
        _table_line(constant, table) for constant, table in zip(constants, tables, strict=True)
    ]
    lines.append("")
    lines += _fitted("TABLES: tuple[Table, ...] = ", constants)
    return TABLES_TEMPLATE.format(
        mark=APPLICATION_ID.to_bytes(4, "big").decode("ascii"),
        application_id=APPLICATION_ID,
        schema_version=SCHEMA_VERSION,
        tables="\n".join(lines),
        statements="\n".join(map(_statement_item, schema_statements())),
    )


def _table_line(constant: str, table: Table) -> str:
    name = _literal(table.name)
    columns = [_literal(column.name) for column in table.columns]
    line = f"{constant} = Table({name}, {_tuple(columns)})"
    if len(line) <= LINE_LENGTH:
        return line
    lines = [f"{constant} = Table(", f"    {name},", *_exploded(columns, "    ", ","), ")"]
    return "\n".join(lines)


def _fitted(opening: str, items: list[str]) -> list[str]:
    """``opening`` + a tuple of ``items``: on one line if it fits, else exploded."""
    line = f"{opening}{_tuple(items)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    lines = _exploded(items, "", "")
    return [f"{opening}{lines[0]}", *lines[1:]]


def _tuple(items: list[str]) -> str:
    return f"({', '.join(items)}{',' if len(items) == 1 else ''})"


def _exploded(items: list[str], indent: str, after: str) -> list[str]:
    """A tuple with one item a line and trailing commas, which a formatter leaves as it is."""
    return [f"{indent}(", *(f"{indent}    {item}," for item in items), f"{indent}){after}"]


def _statement_item(statement: str) -> str:
    """One item of SCHEMA_STATEMENTS: a literal for each line of the DDL, to fit the limit."""
    parts = [_literal(part) for part in statement.splitlines(keepends=True)]
    if len(parts) == 1:
        return f"    {parts[0]},"
    return "\n".join(["    (", *(f"        {part}" for part in parts), "    ),"])


def _literal(text: str) -> str:
    """``text`` as a Python literal, in double quotes unless it holds one (as ruff writes it)."""
    literal = repr(text)
    return literal if '"' in text else f'"{literal[1:-1]}"'


if __name__ == "__main__":
    TABLES_PATH.write_text(tables_module_source(), encoding="utf-8")
