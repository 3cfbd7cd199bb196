"""One module per schema revision; the first is the first schema."""
