"""The properties panel: a form editing every field of the selected card, stage, lane, emotion
point or map."""

from journey_editor.ui.properties.fields import Field
from journey_editor.ui.properties.panel import PropertiesPanel

__all__ = ["Field", "PropertiesPanel"]
