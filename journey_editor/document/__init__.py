"""The open document: a journey, its file, and the undo stack every edit goes through."""

from journey_editor.document.document import JourneyDocument, counted, unused_name

__all__ = ["JourneyDocument", "counted", "unused_name"]
