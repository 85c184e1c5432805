"""What the canvas accepts by drag and drop from elsewhere in the editor."""

# A card kind dragged from the palette: the data is the kind's value, e.g. b"pain_point".
CARD_KIND_MIME = "application/x-journey-editor-card-kind"
