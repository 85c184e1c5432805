"""An in-memory SQLite database fit for a stranger's file: it can read our tables, no more.

Everything here is set before the file's bytes are loaded, following sqlite.org's "Defense
Against The Dark Arts": schema objects are not trusted, values and statements are capped
(so a 50 MB text is an error, not 50 MB of Python string), no database can be attached,
and an authorizer refuses anything but reading our tables. The file is only ever in
memory (``Connection.deserialize``): none of this protects the user's path, because SQLite
never opens it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from journey_editor.model import limits
from journey_editor.store.tables import TABLES

# The largest value a legal map holds is the persona picture (5 MiB); the persona's lists
# of long texts, as JSON, come to about 1.2 MB each. A migration rewrites whole rows, so
# leave room for a persona row with all three at their limits.
VALUE_MAX_BYTES = limits.PICTURE_MAX_BYTES + 3 * 2**20
# Checking a 512 MiB file takes a few seconds; anything far slower is refused, not waited on.
TIME_LIMIT_SECONDS = 30.0
CLOCK_EVERY = 10_000  # SQLite steps between looks at the clock: a look costs a Python call

_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: VALUE_MAX_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,  # also caps each statement of the file's schema
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 3,
    sqlite3.SQLITE_LIMIT_VDBE_OP: 100_000,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 100,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 100,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 0,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}
# Switched on where the runtime offers them (Python 3.12+): defensive mode forbids what
# could corrupt a database on purpose; triggers and views are off altogether.
_CONFIG = {
    "SQLITE_DBCONFIG_DEFENSIVE": True,
    "SQLITE_DBCONFIG_TRUSTED_SCHEMA": False,
    "SQLITE_DBCONFIG_ENABLE_TRIGGER": False,
    "SQLITE_DBCONFIG_ENABLE_VIEW": False,
}
_READABLE = frozenset({table.name for table in TABLES} | {"sqlite_master", "sqlite_schema"})
_FUNCTIONS = frozenset({"count", "max"})
_PRAGMAS = frozenset({"quick_check"})


class GuardedDatabase:
    """One connection to an empty in-memory database, guarded before anything is loaded."""

    def __init__(self) -> None:
        self.connection = sqlite3.connect(":memory:", isolation_level=None)
        for limit, value in _LIMITS.items():
            self.connection.setlimit(limit, value)
        setconfig = getattr(self.connection, "setconfig", None)
        for name, enabled in _CONFIG.items():
            option = getattr(sqlite3, name, None)
            if setconfig is not None and option is not None:
                setconfig(option, enabled)
        for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "query_only=ON"):
            self.connection.execute(f"PRAGMA {pragma}")
        self._authorizer = _Authorizer()
        deadline = time.monotonic() + TIME_LIMIT_SECONDS
        self.connection.set_progress_handler(lambda: time.monotonic() > deadline, CLOCK_EVERY)

    def load(self, data: bytes | bytearray) -> None:
        """Copy the file's bytes in; SQLite reads nothing of them until the first query."""
        self.connection.deserialize(data)
        # Only now: deserializing is itself an ATTACH, which the authorizer would refuse.
        self.connection.set_authorizer(self._authorizer)

    @contextmanager
    def writable(self) -> Iterator[sqlite3.Connection]:
        """The connection, allowed to change the in-memory copy: for migrations, our code."""
        self._authorizer.migrating = True
        self.connection.execute("PRAGMA query_only=OFF")
        try:
            yield self.connection
        finally:
            self.connection.execute("PRAGMA query_only=ON")
            self._authorizer.migrating = False

    def close(self) -> None:
        self.connection.close()


class _Authorizer:
    """Allows what reading a map needs, asked of our tables by our code, and nothing else."""

    def __init__(self) -> None:
        self.migrating = False

    def __call__(
        self,
        action: int,
        first: str | None,
        second: str | None,
        database: str | None,
        source: str | None,
    ) -> int:
        if source is not None:  # asked by a trigger or a view: the file's code, never ours
            return sqlite3.SQLITE_DENY
        if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
            return sqlite3.SQLITE_DENY
        if self.migrating or _reading(action, first, second):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY


def _reading(action: int, first: str | None, second: str | None) -> bool:
    if action == sqlite3.SQLITE_SELECT:
        return True
    if action == sqlite3.SQLITE_READ:
        return first in _READABLE
    if action == sqlite3.SQLITE_FUNCTION:
        return second in _FUNCTIONS
    if action == sqlite3.SQLITE_PRAGMA:
        return first in _PRAGMAS
    return False
