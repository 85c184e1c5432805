"""The open document: a journey, its file, and the undo stack every edit goes through."""

from journey_editor.document.document import JourneyDocument, counted

__all__ = ["JourneyDocument", "counted"]
