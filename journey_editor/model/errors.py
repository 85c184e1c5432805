"""The one error the domain raises: a message a person can read, never a traceback."""


class JourneyError(ValueError):
    """A rule of the map was broken; ``str(error)`` is one line fit to show to a user."""

    def __init__(self, message: str) -> None:
        super().__init__(on_one_line(message))


def on_one_line(message: str) -> str:
    """``message`` with its line breaks made spaces: messages quote file names and map text,
    which may hold line breaks of their own (other spacing is kept: it may be the name)."""
    return " ".join(str(message).splitlines())


def shown(value: object, limit: int = 60) -> str:
    """A value from a file or a form, quoted for a message: one line, and short.

    A file can hold megabytes where a word was expected; the message names its start.
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
