"""Interviewer: an offline, voice-driven mock interviewer."""

__version__ = "0.1.0"
