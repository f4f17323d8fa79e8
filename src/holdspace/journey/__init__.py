"""The healing journey: mood check-ins now; measures, timeline and reports as they land."""
