"""The one error the domain raises: a message a person can read, never a traceback."""


class JourneyError(ValueError):
    """A rule of the map was broken; ``str(error)`` is one line fit to show to a user."""
