"""Readout: compare an official diplomatic readout with the reporting around it."""

__version__ = "0.1.0"
