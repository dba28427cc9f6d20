"""Sessions on disk: a SQLite database plus the recordings folder, in the user's data folder.

    from interviewer.storage import Store
    store = Store.open()                 # INTERVIEWER_DATA_DIR or the platform data folder
    store.recover_interrupted()          # once at start: rounds a crash left behind
"""
from interviewer.storage.errors import DiskFullError, ReadOnlyError, SessionNotFound, StorageError
from interviewer.storage.models import (
    Answer, Clarification, DebriefEntry, Finding, InterviewerLine, Pause, PhaseRecord, RecoveredSession, Session,
    SessionProgress, SessionStatus, SessionSummary,
)
from interviewer.storage.store import Store

__all__ = [
    "Answer", "Clarification", "DebriefEntry", "DiskFullError", "Finding", "InterviewerLine", "Pause", "PhaseRecord",
    "ReadOnlyError", "RecoveredSession", "Session", "SessionNotFound", "SessionProgress", "SessionStatus", "SessionSummary",
    "StorageError", "Store",
]
