"""The tables of a .journey file as plain data: what the store needs at run time.

Generated from schema.py; do not edit. Regenerate with
``.venv/bin/python -m journey_editor.store.schema``.

schema.py declares the tables with SQLModel, and importing SQLModel (pydantic and
SQLAlchemy) costs about 0.45 s at launch; the store needs only each table's name, its
columns and the DDL, so it reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

# "JRNY" as a big-endian 32-bit number: what `PRAGMA application_id` says of our files.
APPLICATION_ID = 0x4A524E59
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Table:
    """A table's name and its columns in table order: the order of a row's values."""

    name: str
    columns: tuple[str, ...]


JOURNEY = Table("journey", ("id", "title", "kind", "description"))
PERSONA = Table(
    "persona",
    (
        "id",
        "name",
        "role",
        "core_need",
        "trigger_event",
        "primary_channel",
        "conversion_metric",
        "goals",
        "frustrations",
        "quote",
        "picture",
    ),
)
STAGE = Table("stage", ("id", "position", "name", "customer_goal", "emotional_drivers"))
CONVERSION_GOAL = Table("conversion_goal", ("stage_id", "position", "kind", "description"))
KPI = Table("kpi", ("stage_id", "position", "name", "target", "actual", "unit"))
LANE = Table("lane", ("id", "position", "name", "kind", "zone"))
CARD = Table(
    "card",
    (
        "id",
        "kind",
        "title",
        "body",
        "channel",
        "severity",
        "owner",
        "impact",
        "effort",
        "status",
        "actors",
    ),
)
CARD_PLACE = Table("card_place", ("card_id", "stage_id", "lane_id", "position", "span"))
EVIDENCE = Table("evidence", ("card_id", "position", "source", "summary", "reference"))
EMOTION_POINT = Table("emotion_point", ("id", "stage_id", "offset", "score", "label", "card_id"))
LINK = Table("link", ("id", "source_id", "target_id", "label"))

TABLES: tuple[Table, ...] = (
    JOURNEY,
    PERSONA,
    STAGE,
    CONVERSION_GOAL,
    KPI,
    LANE,
    CARD,
    CARD_PLACE,
    EVIDENCE,
    EMOTION_POINT,
    LINK,
)

# CREATE TABLE and CREATE INDEX statements for a new file, in SQLite's dialect.
SCHEMA_STATEMENTS: tuple[str, ...] = (
    (
        "CREATE TABLE journey (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\ttitle VARCHAR NOT NULL, \n"
        "\tkind VARCHAR NOT NULL, \n"
        "\tdescription VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE persona (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tname VARCHAR NOT NULL, \n"
        "\trole VARCHAR NOT NULL, \n"
        "\tcore_need VARCHAR NOT NULL, \n"
        "\ttrigger_event VARCHAR NOT NULL, \n"
        "\tprimary_channel VARCHAR, \n"
        "\tconversion_metric VARCHAR NOT NULL, \n"
        "\tgoals VARCHAR NOT NULL, \n"
        "\tfrustrations VARCHAR NOT NULL, \n"
        "\tquote VARCHAR NOT NULL, \n"
        "\tpicture BLOB, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE stage (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tname VARCHAR NOT NULL, \n"
        "\tcustomer_goal VARCHAR NOT NULL, \n"
        "\temotional_drivers VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE conversion_goal (\n"
        "\tstage_id VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tkind VARCHAR NOT NULL, \n"
        "\tdescription VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (stage_id, position)\n"
        ")"
    ),
    (
        "CREATE TABLE kpi (\n"
        "\tstage_id VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tname VARCHAR NOT NULL, \n"
        "\ttarget FLOAT, \n"
        "\tactual FLOAT, \n"
        "\tunit VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (stage_id, position)\n"
        ")"
    ),
    (
        "CREATE TABLE lane (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tname VARCHAR NOT NULL, \n"
        "\tkind VARCHAR NOT NULL, \n"
        "\tzone VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE card (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tkind VARCHAR NOT NULL, \n"
        "\ttitle VARCHAR NOT NULL, \n"
        "\tbody VARCHAR NOT NULL, \n"
        "\tchannel VARCHAR, \n"
        "\tseverity INTEGER, \n"
        "\towner VARCHAR NOT NULL, \n"
        "\timpact VARCHAR, \n"
        "\teffort VARCHAR, \n"
        "\tstatus VARCHAR, \n"
        "\tactors VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE card_place (\n"
        "\tcard_id VARCHAR NOT NULL, \n"
        "\tstage_id VARCHAR NOT NULL, \n"
        "\tlane_id VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tspan INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (card_id)\n"
        ")\n"
        " WITHOUT ROWID"
    ),
    (
        "CREATE TABLE evidence (\n"
        "\tcard_id VARCHAR NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tsource VARCHAR NOT NULL, \n"
        "\tsummary VARCHAR NOT NULL, \n"
        "\treference VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (card_id, position)\n"
        ")"
    ),
    (
        "CREATE TABLE emotion_point (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tstage_id VARCHAR NOT NULL, \n"
        '\t"offset" FLOAT NOT NULL, \n'
        "\tscore FLOAT NOT NULL, \n"
        "\tlabel VARCHAR NOT NULL, \n"
        "\tcard_id VARCHAR, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE link (\n"
        "\tid VARCHAR NOT NULL, \n"
        "\tsource_id VARCHAR NOT NULL, \n"
        "\ttarget_id VARCHAR NOT NULL, \n"
        "\tlabel VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
)
