"""Documents the app writes for the person to keep or hand in (Qt for layout, no widgets)."""
