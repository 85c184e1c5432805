"""Limits that protect people from mistakes (a pasted novel as a card title, a score of 50).

Each check raises JourneyError with a message that names the field, so a dialog, the command
line and a file importer can all show it as it is.
"""

from __future__ import annotations

from journey_editor.model.errors import JourneyError

MAP_TITLE_MAX = 200
NAME_MAX = 100
CARD_TITLE_MAX = 300
TEXT_MAX = 2_000
BODY_MAX = 20_000
LIST_MAX = 100
SCORE_MIN = 1.0
SCORE_NEUTRAL = 3.0
SCORE_MAX = 5.0
SEVERITY_MIN = 1
SEVERITY_MAX = 5
MAX_STAGES = 100
MAX_LANES = 60
MAX_CARDS = 100_000
MAX_EMOTION_POINTS = 10_000
MAX_LINKS = 100_000
PICTURE_MAX_BYTES = 5 * 1024 * 1024
# A decoded picture takes 4 bytes a pixel whatever its file size: 40 megapixels is 160 MB,
# more than any face needs and well within what a laptop can decode.
PICTURE_MAX_PIXELS = 40_000_000
PICTURE_MAX_SIDE = 20_000


def check_text(what: str, value: object, limit: int, *, required: bool = False) -> None:
    if not isinstance(value, str):
        raise JourneyError(f"{what} must be text")
    if required and not value.strip():
        raise JourneyError(f"{what} must not be empty")
    if len(value) > limit:
        raise JourneyError(f"{what} is {len(value):,} characters long; the limit is {limit:,}")
    if "\x00" in value:
        raise JourneyError(f"{what} contains a NUL character")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            # Half of a UTF-16 pair, which JSON's "\ud800" escapes can make: no file or
            # form can write it.
            code = ord(value[error.start])
            raise JourneyError(f"{what} contains a broken character (U+{code:04X})") from None


def check_texts(what: str, values: object, limit: int) -> None:
    if not isinstance(values, list):
        raise JourneyError(f"{what} must be a list of texts")
    if len(values) > LIST_MAX:
        raise JourneyError(f"{what} has {len(values)} entries; the limit is {LIST_MAX}")
    for value in values:
        check_text(f"an entry of {what}", value, limit)


def check_number(what: str, value: object, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise JourneyError(f"{what} must be a number")
    if not low <= value <= high:  # also refuses NaN
        raise JourneyError(f"{what} must be between {low:g} and {high:g}; got {value:g}")


def check_count(what: str, count: int, limit: int) -> None:
    if count > limit:
        raise JourneyError(f"a map holds at most {limit:,} {what}")
