"""The Readout window: Qt widgets, models and workers that render a Comparison.

Nothing here decides what matches what; the engine does. Modules in this package
may import Qt at module level, so the CLI imports ``desktop.app`` only, which
imports this package after it has decided a window is wanted.
"""
