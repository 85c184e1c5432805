"""Fuzzing the loader: damaged bytes and strange values must open as a map or be refused.

Two kinds of damage, both to a real saved map: (a) bytes flipped, overwritten, cut off or
pages copied over others, as a broken disk or a careless tool would; (b) one value after
another set to anything SQLite can hold (huge and negative numbers, NaN and infinities,
blobs, very long text, NULL, ids that lead nowhere, broken JSON), as a person with a
SQLite browser would. The only outcomes allowed: a sound map (which then saves and opens
again as itself), or a JourneyError with one short line.

CI runs a few hundred fixed examples per kind; set JOURNEY_FUZZ_EXAMPLES=5000 for a longer
random sweep (run with -s to see the counts).
"""

from __future__ import annotations

import functools
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import png_header

from journey_editor.interop.templates import load_template
from journey_editor.model import Journey, JourneyError, vocabulary
from journey_editor.store import read_journey, save_journey

EXAMPLES = int(os.environ.get("JOURNEY_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # Fixed examples in CI, so a run that passes passes again; a local sweep explores.
    derandomize="JOURNEY_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OUTCOMES: Counter[str] = Counter()
MESSAGES: Counter[str] = Counter()
UNFORESEEN: set[str] = set()
PAGE = 4096
MESSAGE_LIMIT = int(os.environ.get("JOURNEY_FUZZ_MESSAGE_LIMIT", "300"))


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    print(f"\nfuzzing the loader: {sum(OUTCOMES.values()):,} files opened")
    for outcome, count in sorted(OUTCOMES.items()):
        print(f"  {outcome:<24} {count:6,}")
    for message, count in MESSAGES.most_common(25):
        print(f"  {count:6,}  {message}")
    for message in sorted(UNFORESEEN):
        print(f"  unforeseen: {message}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@functools.cache
def base() -> bytes:
    """The sample map saved (not a fixture: Hypothesis would print all of it on a failure)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.journey"
        save_journey(load_template("sample"), path)
        return path.read_bytes()


def _open(kind: str, path: Path, data: bytes) -> None:
    """The one property: a sound map, or one line of refusal; and the file left as it was."""
    path.write_bytes(data)
    try:
        journey = read_journey(path)
    except JourneyError as error:
        message = str(error)
        assert len(message.splitlines()) == 1 and len(message) <= MESSAGE_LIMIT, message
        OUTCOMES[f"{kind}: refused"] += 1
        MESSAGES[_shape(message)] += 1
        if "Error: " in message:  # a Python error no check foresaw, turned into one line
            OUTCOMES[f"{kind}: refused unforeseen"] += 1
            UNFORESEEN.add(message)
    else:
        assert isinstance(journey, Journey)
        OUTCOMES[f"{kind}: opened"] += 1
        again = path.with_name("again.journey")
        save_journey(journey, again)
        assert read_journey(again) == journey
        again.unlink()
    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    path.unlink()


def _shape(message: str) -> str:
    """The message with its particulars blurred, so the report groups alike refusals."""
    words = [("#" if any(c.isdigit() for c in word) else word) for word in message.split()]
    return " ".join(words)[:90]


# (a) Damaged bytes ------------------------------------------------------------------------

# Most damage lands past the 100-byte header, so SQLite itself gets to read it; the first
# pages hold the schema and the small tables, where damage matters most.
offsets = st.one_of(
    st.integers(16, 99),  # past the magic: header fields
    st.integers(100, 4 * PAGE),
    st.integers(100, 4 * PAGE),
    st.integers(0, 25 * PAGE - 1),
)
# The first bytes of a page: the b-tree page header, cell counts and pointers.
page_starts = st.builds(
    lambda page, at: max(100, page * PAGE) + at, st.integers(0, 24), st.integers(0, 24)
)
byte_damage = st.one_of(
    st.tuples(st.just("flip"), offsets, st.integers(0, 7)),
    st.tuples(st.just("flip"), page_starts, st.integers(0, 7)),
    st.tuples(st.just("overwrite"), page_starts, st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("overwrite"), offsets, st.binary(min_size=1, max_size=24)),
    st.tuples(st.just("zero run"), offsets, st.integers(1, 2 * PAGE)),
    st.tuples(st.just("truncate"), st.integers(0, 25 * PAGE), st.just(0)),
    st.tuples(st.just("copy page"), st.integers(0, 24), st.integers(0, 24)),
    st.tuples(st.just("insert page"), st.integers(0, 24), st.integers(1, 25)),
    st.tuples(st.just("drop pages"), st.integers(1, 24), st.just(0)),
    st.tuples(
        st.just("header number"),
        st.sampled_from([16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 64, 92, 96]),
        st.integers(0, 2**32 - 1),
    ),
)


def _damage(data: bytearray, damage: tuple[str, int, Any]) -> bytearray:
    kind, at, how = damage
    if kind == "flip" and at < len(data):
        data[at] ^= 1 << how
    elif kind == "overwrite":
        data[at : at + len(how)] = how
    elif kind == "zero run":
        data[at : at + how] = bytes(len(data[at : at + how]))
    elif kind == "truncate":
        del data[at:]
    elif kind == "copy page":
        page = data[at * PAGE : (at + 1) * PAGE]
        data[how * PAGE : how * PAGE + len(page)] = page
    elif kind == "insert page":  # and counted in the header, so SQLite gets to read it
        page = data[at * PAGE : (at + 1) * PAGE]
        data[how * PAGE : how * PAGE] = page
        data[28:32] = (len(data) // PAGE).to_bytes(4, "big")
    elif kind == "drop pages":  # the last pages lost, the header made to agree
        del data[at * PAGE :]
        data[28:32] = at.to_bytes(4, "big")
    elif kind == "header number":
        data[at : at + 4] = how.to_bytes(4, "big")
    return data


@FUZZ
@given(damages=st.lists(byte_damage, min_size=1, max_size=4))
def test_damaged_bytes_open_or_are_refused_in_one_line(
    folder: Path, damages: list[tuple[str, int, Any]]
) -> None:
    data = bytearray(base())
    for damage in damages:
        data = _damage(data, damage)
    _open("bytes", folder / "damaged.journey", bytes(data))


# (b) Strange values -----------------------------------------------------------------------

def _vocabulary_words() -> list[str]:
    words: set[str] = set()
    for name in dir(vocabulary):
        thing = getattr(vocabulary, name)
        if isinstance(thing, type) and issubclass(thing, vocabulary.Vocabulary):
            words |= {member.value for member in thing}
    return sorted(words)


BROKEN_JSON = [
    "", "[", "]", "{}", "null", "true", "[1]", '["a", 1]', '"a"', "[[]]", '{"a": "b"}',
    "[" * 5_000, "[" * 100_000 + "]" * 100_000, "[" + "1" * 5_000 + "]", "[1e999]",
    '["\\ud800"]', '["\\u0000"]', '["a"' + ', "a"' * 150 + "]", '["' + "x" * 3_000 + '"]',
    '["a",]', "[NaN]", '["a"] trailing', "\ufeff[]",
]
PICTURES = [
    png_header(100_000, 100_000), png_header(0, 10), png_header(40, 40)[:20], b"\x89PNG",
    b"\xff\xd8\xff\xd9", b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03",
    b"\xff\xd8" + b"\xff" * 100, b"GIF89a\xff\xff\xff\xff\x00\x00\x00",
    b"RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff",
    b"RIFF\x00\x00\x00\x00WEBPVP8L\x05\x00\x00\x00\x2f\xff\xff\xff\xff",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ", b"<svg xmlns='http://www.w3.org/2000/svg'/>",
]
long_texts = st.builds(
    lambda character, count: character * count,
    st.characters(),
    st.sampled_from([300, 301, 2_001, 20_001, 100_000, 1_000_000]),
)


@st.composite
def _values(draw: st.DrawFn, ids: list[str]) -> object:
    return draw(
        st.one_of(
            st.none(),
            st.integers(-(2**63), 2**63 - 1),
            st.sampled_from([0, 1, -1, 5, 6, 2**31, 2**63 - 1, -(2**63)]),
            st.floats(),  # NaN, which SQLite stores as NULL, and the infinities
            st.text(max_size=40),
            long_texts,
            st.binary(max_size=40),
            st.sampled_from([*ids, "", " ", "nowhere", "journey"]),
            st.sampled_from(_vocabulary_words()),
            st.sampled_from(BROKEN_JSON),
            st.sampled_from(PICTURES),
        )
    )


def _tables(connection: sqlite3.Connection) -> dict[str, tuple[list[str], list[str]]]:
    """Each table's columns and its key columns."""
    found = {}
    for (name,) in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
        info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
        found[name] = ([row[1] for row in info], [row[1] for row in info if row[5]])
    return found


value_damage = st.tuples(
    st.sampled_from(["set", "set", "set", "delete", "copy"]),
    st.integers(0, 10),  # which table, modulo how many
    st.integers(0, 20),  # which column
    st.integers(0, 200),  # which row
)


@FUZZ
@given(data=st.data(), damages=st.lists(value_damage, min_size=1, max_size=3))
def test_strange_values_open_or_are_refused_in_one_line(
    folder: Path, data: st.DataObject, damages: list[tuple[str, int, int, int]]
) -> None:
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(base())
        tables = _tables(connection)
        ids = [row[0] for row in connection.execute(
            "SELECT id FROM card UNION ALL SELECT id FROM stage UNION ALL SELECT id FROM lane"
        )]
        for action, table_index, column_index, row_index in damages:
            name = sorted(tables)[table_index % len(tables)]
            columns, keys = tables[name]
            rows = connection.execute(f'SELECT {", ".join(keys)} FROM "{name}"').fetchall()
            if not rows:
                continue
            key = rows[row_index % len(rows)]
            where = " AND ".join(f'"{column}" = ?' for column in keys)
            column = columns[column_index % len(columns)]
            value = data.draw(_values(ids), label=f"{action} {name}.{column}")
            try:
                if action == "set":
                    statement = f'UPDATE "{name}" SET "{column}" = ? WHERE {where}'
                    connection.execute(statement, (value, *key))
                elif action == "delete":
                    connection.execute(f'DELETE FROM "{name}" WHERE {where}', key)
                else:  # a copy of the row with one value changed: a twin, or a clash
                    listed = ", ".join(f'"{c}"' for c in columns)
                    chosen = ", ".join("?" if c == column else f'"{c}"' for c in columns)
                    connection.execute(
                        f'INSERT INTO "{name}" ({listed}) SELECT {chosen} FROM "{name}" '
                        f"WHERE {where}",
                        (value, *key),
                    )
            except sqlite3.IntegrityError:
                pass  # NOT NULL or a key taken: SQLite itself refuses to write it
        connection.commit()
        damaged = connection.serialize()
    finally:
        connection.close()
    _open("values", folder / "strange.journey", damaged)
