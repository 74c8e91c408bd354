"""Deadlines: working days, UK time, the clocks, timelines and calendar files."""
