"""The editor's windows; ``run_editor`` in ``journey_editor.ui.app`` starts it."""
