"""Reading a file someone gives the editor: its bytes, within a size limit, or a refusal.

Only a regular file is read. A FIFO would block the editor until someone writes to it, and
a device such as /dev/zero never ends; both report a size of 0, so the size check alone
would not stop them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journey_editor.model import JourneyError

MAX_FILE_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024
# Opening a FIFO to read waits for a writer unless told not to; regular files ignore it.
# (Windows has neither flag, nor FIFOs, but needs O_BINARY.)
_OPEN_FLAGS = os.O_RDONLY
for _flag in ("O_NONBLOCK", "O_CLOEXEC", "O_BINARY"):
    _OPEN_FLAGS |= getattr(os, _flag, 0)


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytearray:
    """The whole file, as a buffer the reader may change in place (a copy costs memory),
    refused once it is over ``limit`` bytes."""
    path = Path(path)
    if path.is_dir():
        raise JourneyError("is a folder, not a file")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise JourneyError("no such file") from None
    except OSError as error:
        raise JourneyError(f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(descriptor, "rb", buffering=0) as file:
        try:
            return _read_within_limit(file.fileno(), limit)
        except OSError as error:
            raise JourneyError(f"cannot be read ({error.strerror or error})") from None


def read_text_file(path: Path) -> str:
    """A UTF-8 text file someone gives the editor to import (the same size limit)."""
    try:
        return read_file_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JourneyError(f"not UTF-8 text (byte {error.start})") from None


def _read_within_limit(descriptor: int, limit: int) -> bytearray:
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        raise JourneyError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise JourneyError("is not a regular file")
    _check_size(info.st_size, limit)
    data = bytearray()
    # Read to the end rather than trusting the size: the file may grow while it is read.
    while chunk := os.read(descriptor, _CHUNK):
        data += chunk
        _check_size(len(data), limit)
    return data


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        # Rounded up: a file just over the limit must not read as the limit itself.
        raise JourneyError(
            f"is {-(-size // 2**20):,} MiB; the limit is {limit / 2**20:,.0f} MiB"
        )
