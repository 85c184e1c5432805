"""Files made to hurt whoever opens them: each is refused with one line, quickly, untouched.

Every case starts from a real saved map and changes it the way an attacker, or a broken
tool, would. Opening must end in a map or a one-line JourneyError, within seconds, and
leave the file and its folder exactly as they were (no journal, no log, no change).
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from strategies import png_header

from journey_editor.cli import main
from journey_editor.model import Journey, JourneyError
from journey_editor.store import guard, read_journey, save_journey
from journey_editor.store.tables import SCHEMA_VERSION

TIMINGS: dict[str, float] = {}
OUTCOMES: dict[str, str] = {}
SECONDS_ALLOWED = 10.0
PAGE_COUNT_AT = 28  # where the header keeps the number of pages


@pytest.fixture(scope="module", autouse=True)
def _report_timings() -> Iterator[None]:
    yield
    for name, seconds in sorted(TIMINGS.items(), key=lambda item: -item[1]):
        print(f"  {name:<32} {seconds * 1000:8.1f} ms  {OUTCOMES.get(name, '')}")


def _edit(path: Path, *statements: str, values: tuple[object, ...] = ()) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement, values if "?" in statement else ())
        connection.commit()
    finally:
        connection.close()


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def _open(name: str, path: Path) -> Journey:
    """Open ``path`` as the editor does; the folder must be as it was afterwards."""
    before = _snapshot(path.parent)
    started = time.monotonic()
    try:
        journey = read_journey(path)
    except JourneyError as error:
        OUTCOMES[name] = str(error)
        raise
    else:
        OUTCOMES[name] = "(opened)"
        return journey
    finally:
        TIMINGS[name] = time.monotonic() - started
        assert TIMINGS[name] < SECONDS_ALLOWED
        assert _snapshot(path.parent) == before


def _refused(name: str, path: Path, message: str) -> str:
    with pytest.raises(JourneyError) as refused:
        _open(name, path)
    text = str(refused.value)
    assert len(text.splitlines()) == 1 and len(text) <= 300, text
    assert text.startswith(message), text
    return text


@pytest.fixture
def saved(tmp_path: Path, sample: Journey) -> Path:
    path = tmp_path / "map.journey"
    save_journey(sample, path)
    return path


# The schema: nothing of theirs runs -------------------------------------------------------

SCHEMA_CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "trigger": (
        ("CREATE TRIGGER wipe AFTER INSERT ON card BEGIN DELETE FROM link; END",),
        "the file contains a trigger 'wipe', which Journey Editor never writes: refused",
    ),
    "trigger named over two lines": (
        ('CREATE TRIGGER "two\nlines" BEFORE DELETE ON lane BEGIN SELECT 1; END',),
        "the file contains a trigger 'two\\nlines', which Journey Editor never writes",
    ),
    "view": (
        ("CREATE VIEW everything AS SELECT * FROM card",),
        "the file contains a view 'everything', which Journey Editor never writes: refused",
    ),
    "table replaced by a view": (
        (
            "DROP TABLE link",
            "CREATE VIEW link AS SELECT id, id AS source_id, id AS target_id, title AS label "
            "FROM card",
        ),
        "the file contains a view 'link', which Journey Editor never writes: refused",
    ),
    "missing table": (("DROP TABLE link",), "the file is damaged (it has no link table)"),
    "unknown table": (
        ("CREATE TABLE notes (x)",),
        "the file contains a table 'notes', which Journey Editor never writes: refused",
    ),
    "extra index": (
        ("CREATE INDEX card_by_title ON card (title)",),
        "the file contains an index 'card_by_title', which Journey Editor never writes",
    ),
    "changed table": (
        ("ALTER TABLE card ADD COLUMN shout AS (upper(title))",),
        "the file's table 'card' is not the one Journey Editor writes: refused",
    ),
    "statistics table": (
        ("ANALYZE",),
        "the file contains a table 'sqlite_stat1', which Journey Editor never writes",
    ),
}


@pytest.mark.parametrize("case", list(SCHEMA_CASES))
def test_objects_journey_editor_never_writes_are_refused(saved: Path, case: str) -> None:
    statements, message = SCHEMA_CASES[case]
    _edit(saved, *statements)
    _refused(case, saved, message)


# The header: checked before SQLite sees the bytes ----------------------------------------


def _pragma(setting: str) -> Callable[[Path], None]:
    return lambda path: _edit(path, f"PRAGMA {setting}")


def _cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def _random_behind_header(path: Path) -> None:
    data = path.read_bytes()
    noise = random.Random(7).randbytes(len(data) - 100)
    path.write_bytes(data[:100] + noise)


def _header_field(offset: int, value: bytes) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[offset : offset + len(value)] = value
        path.write_bytes(bytes(data))

    return change


def _replace_bytes(path: Path, old: bytes, new: bytes) -> None:
    path.write_bytes(path.read_bytes().replace(old, new))


def _appended(path: Path) -> None:
    with path.open("ab") as file:
        file.write(b"PK\x03\x04 a zip file hiding behind the map")


HEADER_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "wrong application id": (
        _pragma("application_id=1"),
        "a SQLite database, but not a .journey file (application id 0x1)",
    ),
    "newer version": (
        _pragma(f"user_version={SCHEMA_VERSION + 1}"),
        f"written by a newer Journey Editor (file format {SCHEMA_VERSION + 1}; this version",
    ),
    "truncated": (_cut_in_half, "the file is truncated: it is 51,323 bytes, and its header"),
    "random bytes behind the header": (_random_behind_header, "the file is damaged ("),
    "huge page count": (
        _header_field(PAGE_COUNT_AT, (2**31 - 1).to_bytes(4, "big")),
        "the file is truncated: it is 102,400 bytes, and its header says 2,147,483,647 pages",
    ),
    "schema text that is not UTF-8": (
        lambda path: _replace_bytes(path, b"CREATE TABLE link", b"CR\xffATE TABLE link"),
        "the file is damaged (it holds text that is not UTF-8)",
    ),
    "page size not a power of two": (
        _header_field(16, (1000).to_bytes(2, "big")),
        "the file is damaged (a page size of 1000)",
    ),
    "bytes after the last page": (
        _appended,
        "the file is damaged: it goes on 37 bytes past the 25 pages its header counts",
    ),
}


@pytest.mark.parametrize("case", list(HEADER_CASES))
def test_headers_that_do_not_add_up_are_refused(saved: Path, case: str) -> None:
    make, message = HEADER_CASES[case]
    make(saved)
    _refused(case, saved, message)


def test_a_write_ahead_log_file_opens_and_its_log_is_left_alone(
    saved: Path, sample: Journey
) -> None:
    _pragma("journal_mode=WAL")(saved)
    assert saved.read_bytes()[18:20] == b"\x02\x02"
    (saved.parent / "map.journey-wal").write_bytes(b"a stale log nobody should replay")
    assert _open("write-ahead log file", saved) == sample


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.journey"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(JourneyError, match="is not a regular file"):
        read_journey(fifo)
    assert time.monotonic() - started < SECONDS_ALLOWED


def test_a_file_that_takes_too_long_to_check_is_stopped(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "TIME_LIMIT_SECONDS", -1.0)
    monkeypatch.setattr(guard, "CLOCK_EVERY", 1)
    _refused("(past the time limit)", saved, "the file took more than -1 s to check: refused")


# The data: limits checked before Python builds anything large -----------------------------


def _many_cards(path: Path, count: int) -> None:
    connection = sqlite3.connect(path)
    try:
        stage, lane = connection.execute(
            "SELECT stage_id, lane_id FROM card_place LIMIT 1"
        ).fetchone()
        ids = [f"bulk-{number}" for number in range(count)]
        connection.executemany(
            "INSERT INTO card VALUES (?, 'note', 'Copy', '', NULL, NULL, '', NULL, NULL, NULL,"
            " '[]')",
            ((card_id,) for card_id in ids),
        )
        connection.executemany(
            "INSERT INTO card_place VALUES (?, ?, ?, ?, 1)",
            ((card_id, stage, lane, 1_000 + number) for number, card_id in enumerate(ids)),
        )
        connection.commit()
    finally:
        connection.close()


def test_200_000_cards_are_refused_by_counting(saved: Path) -> None:
    started = time.monotonic()
    _many_cards(saved, 200_000)
    TIMINGS["(making 200,000 cards)"] = time.monotonic() - started
    _refused("200,000 cards", saved, "the map has 200,060 cards; the limit is 100,000")


def test_a_50_mb_card_title_is_refused_by_sqlite_s_length_limit(saved: Path) -> None:
    title = "x" * 50_000_000
    _edit(saved, "UPDATE card SET title = ? WHERE rowid = 1", values=(title,))
    del title
    _refused(
        "50 MB card title", saved, "the file holds a value of more than 8 MiB, larger than"
    )


def test_a_decompression_bomb_persona_picture_is_refused_unread(saved: Path) -> None:
    bomb = png_header(100_000, 100_000, b"\x00" * 1_000)
    _edit(saved, "UPDATE persona SET picture = ?", values=(bomb,))
    _refused(
        "decompression bomb picture",
        saved,
        "persona picture is a PNG of 100,000 × 100,000 pixels; the limit is 40 megapixels",
    )


DATA_CASES: dict[str, tuple[str, str]] = {
    "picture that is no picture": (
        "UPDATE persona SET picture = x'474946206e6f742072656164'",
        "persona picture: not a PNG, JPEG, GIF or WebP picture",
    ),
    "text that is not UTF-8": (
        "UPDATE card SET title = CAST(x'4fff' AS TEXT) WHERE rowid = 1",
        "the file is damaged (text in column 'title' is not UTF-8)",
    ),
    "list nested 100,000 deep": (
        "UPDATE card SET actors = replace(hex(zeroblob(50000)), '00', '[[') WHERE rowid = 1",
        "actors are not a list of texts",
    ),
    "a number of 5,000 digits": (
        "UPDATE card SET actors = '[' || replace(hex(zeroblob(2500)), '0', '1') || ']'",
        "actors are not a list of texts",
    ),
    "200 pieces of evidence on a card": (
        "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n LIMIT 200) "
        "INSERT INTO evidence SELECT (SELECT id FROM card WHERE id NOT IN "
        "(SELECT card_id FROM evidence) LIMIT 1), value, 'survey', "
        "'said so', '' FROM n",
        "the map has 200 pieces of evidence of a card; the limit is 100",
    ),
    "position that is text": (
        "UPDATE card_place SET position = 'first' "
        "WHERE card_id = (SELECT card_id FROM card_place LIMIT 1)",
        "card position must be a whole number",
    ),
}


@pytest.mark.parametrize("case", list(DATA_CASES))
def test_values_no_map_holds_are_refused(saved: Path, case: str) -> None:
    statement, message = DATA_CASES[case]
    _edit(saved, statement)
    _refused(case, saved, message)


# The command line: one line on stderr, exit 2, no traceback -------------------------------

CLI_CASES: dict[str, Callable[[Path], None]] = {
    "trigger": lambda path: _edit(path, *SCHEMA_CASES["trigger"][0]),
    "truncated": _cut_in_half,
    "50 MB title": lambda path: _edit(
        path, "UPDATE card SET title = ? WHERE rowid = 1", values=("x" * 50_000_000,)
    ),
    "picture bomb": lambda path: _edit(
        path, "UPDATE persona SET picture = ?", values=(png_header(100_000, 100_000),)
    ),
}


@pytest.mark.parametrize("verb", [["info"], ["check"], ["export", "-o", "out.json"]])
@pytest.mark.parametrize("case", list(CLI_CASES))
def test_the_command_line_refuses_hostile_files_in_one_line(
    saved: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    verb: list[str], case: str,
) -> None:
    CLI_CASES[case](saved)
    monkeypatch.chdir(saved.parent)
    before = _snapshot(saved.parent)
    code = main([verb[0], str(saved), *verb[1:]])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"journey-editor: {saved}: ") and err.count("\n") == 1, err
    assert "Traceback" not in out + err
    assert _snapshot(saved.parent) == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["map.journey"]


def test_a_hostile_file_opened_by_a_fresh_process_prints_no_traceback(saved: Path) -> None:
    _edit(saved, *SCHEMA_CASES["view"][0])
    command = [str(Path(sys.executable).with_name("journey-editor")), "info", str(saved)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "view 'everything'" in done.stderr
