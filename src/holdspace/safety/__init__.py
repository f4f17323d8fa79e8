"""Safety: crisis lines by country now; risk detection and the safety plan as they land."""
