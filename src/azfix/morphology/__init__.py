"""morphology."""
