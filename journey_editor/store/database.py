"""Writing a map into a .journey database: whole, or only what an edit changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from journey_editor.model import Entity, Journey
from journey_editor.store import rows, tables
from journey_editor.store.tables import APPLICATION_ID, SCHEMA_STATEMENTS, SCHEMA_VERSION, Table


def create_database(path: Path, journey: Journey) -> None:
    """A new .journey file at ``path`` holding the whole map (``path`` must not exist)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("BEGIN")
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        for statement in SCHEMA_STATEMENTS:
            connection.execute(statement)
        write_whole(connection, journey)
        connection.execute("COMMIT")
    finally:
        connection.close()


def write_whole(connection: sqlite3.Connection, journey: Journey) -> None:
    _insert(connection, tables.JOURNEY, [rows.journey_row(journey)])
    _insert(connection, tables.PERSONA, [rows.persona_row(journey.persona)])
    _insert(connection, tables.STAGE, [rows.stage_row(s, i) for i, s in enumerate(journey.stages)])
    for stage in journey.stages:
        _insert(connection, tables.CONVERSION_GOAL, rows.conversion_goal_rows(stage))
        _insert(connection, tables.KPI, rows.kpi_rows(stage))
    lanes = [rows.lane_row(lane, i) for i, lane in enumerate(journey.lanes)]
    _insert(connection, tables.LANE, lanes)
    _insert(connection, tables.CARD, [rows.card_row(card) for card in journey.cards.values()])
    _insert(connection, tables.CARD_PLACE, map(rows.card_place_row, journey.cards.values()))
    for card in journey.cards.values():
        _insert(connection, tables.EVIDENCE, rows.evidence_rows(card))
    points = journey.emotion_points.values()
    _insert(connection, tables.EMOTION_POINT, map(rows.emotion_point_row, points))
    _insert(connection, tables.LINK, map(rows.link_row, journey.links.values()))


def write_changes(connection: sqlite3.Connection, journey: Journey) -> int:
    """Write the rows of what changed since the last write, in one transaction.

    Returns how many records were written or removed. The cost depends on the edit, not on
    the size of the map.
    """
    written, removed = journey.changes.drain()
    count = sum(map(len, written.values())) + sum(map(len, removed.values()))
    if not count:
        return 0
    with connection:
        for stage_id in removed[Entity.STAGE]:
            _delete(connection, tables.STAGE, "id", stage_id)
            _delete_children_of_stage(connection, stage_id)
        for lane_id in removed[Entity.LANE]:
            _delete(connection, tables.LANE, "id", lane_id)
        for card_id in removed[Entity.CARD]:
            _delete(connection, tables.CARD, "id", card_id)
            _delete(connection, tables.CARD_PLACE, "card_id", card_id)
            _delete(connection, tables.EVIDENCE, "card_id", card_id)
        for point_id in removed[Entity.EMOTION_POINT]:
            _delete(connection, tables.EMOTION_POINT, "id", point_id)
        for link_id in removed[Entity.LINK]:
            _delete(connection, tables.LINK, "id", link_id)

        if written[Entity.JOURNEY]:
            _insert(connection, tables.JOURNEY, [rows.journey_row(journey)])
            _insert(connection, tables.PERSONA, [rows.persona_row(journey.persona)])
        for index, stage in enumerate(journey.stages):
            if stage.id in written[Entity.STAGE]:
                _insert(connection, tables.STAGE, [rows.stage_row(stage, index)])
                _delete_children_of_stage(connection, stage.id)
                _insert(connection, tables.CONVERSION_GOAL, rows.conversion_goal_rows(stage))
                _insert(connection, tables.KPI, rows.kpi_rows(stage))
        for index, lane in enumerate(journey.lanes):
            if lane.id in written[Entity.LANE]:
                _insert(connection, tables.LANE, [rows.lane_row(lane, index)])
        for card_id in written[Entity.CARD]:
            card = journey.cards[card_id]
            _insert(connection, tables.CARD, [rows.card_row(card)])
            _insert(connection, tables.CARD_PLACE, [rows.card_place_row(card)])
            _delete(connection, tables.EVIDENCE, "card_id", card_id)
            _insert(connection, tables.EVIDENCE, rows.evidence_rows(card))
        moved_only = written[Entity.CARD_POSITION] - written[Entity.CARD] - removed[Entity.CARD]
        connection.executemany(
            'UPDATE "card_place" SET "position" = ? WHERE "card_id" = ?',
            [(journey.cards[card_id].position, card_id) for card_id in moved_only],
        )
        points = [journey.emotion_points[i] for i in written[Entity.EMOTION_POINT]]
        _insert(connection, tables.EMOTION_POINT, map(rows.emotion_point_row, points))
        _insert(
            connection, tables.LINK, [rows.link_row(journey.links[i]) for i in written[Entity.LINK]]
        )
    return count


def _insert(connection: sqlite3.Connection, table: Table, values: Iterable[rows.Row]) -> None:
    connection.executemany(rows.insert_statement(table), values)


def _delete(connection: sqlite3.Connection, table: Table, column: str, key: str) -> None:
    connection.execute(f'DELETE FROM "{table.name}" WHERE "{column}" = ?', (key,))


def _delete_children_of_stage(connection: sqlite3.Connection, stage_id: str) -> None:
    _delete(connection, tables.CONVERSION_GOAL, "stage_id", stage_id)
    _delete(connection, tables.KPI, "stage_id", stage_id)
