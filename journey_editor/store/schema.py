"""The tables of a .journey file, described once with SQLModel (docs/file-format.md).

The store talks to SQLite through the standard library with statements made from these
tables, rather than through an ORM session: files are loaded from bytes into memory
(``Connection.deserialize``), and an edit writes a handful of rows.
"""

from __future__ import annotations

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


def columns(row_class: type[SQLModel]) -> list[str]:
    return [column.name for column in table_of(row_class).columns]


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
