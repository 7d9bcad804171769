"""The Textual app. It only shows and asks; the core computes everything."""
