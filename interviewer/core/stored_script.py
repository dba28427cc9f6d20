"""The question script of a stored round: the ONE lookup every view, export and count uses.

A round stores the exact text of its script when it starts (sessions.script_text). Its review,
summary, talking points, exports and topic areas are computed from that copy, so they never change
when the script file is later edited, broken or deleted (trial 40: "Talking points covered: 4 of 7"
and "Topic areas missed" went away while the file had a typo). Rounds stored before the copy was
kept (or whose copy cannot be parsed by this version) fall back to the script of that id found now.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from interviewer.core.extra_questions import round_script
from interviewer.core.scripts.model import RoundScript

ScriptLookup = Callable[[str], "RoundScript | None"]


def as_lookup(scripts: "Iterable[RoundScript] | ScriptLookup") -> ScriptLookup:
    """A script id -> script function from a list of scripts (or the function itself)."""
    if callable(scripts):
        return scripts
    by_id: dict[str, RoundScript] = {}
    for s in scripts:
        by_id.setdefault(s.id, s)
    return by_id.get


@lru_cache(maxsize=64)
def _parsed(text: str, script_id: str) -> RoundScript | None:
    from interviewer.core.scripts.loader import parse_script

    try:
        script = parse_script(text, f"{script_id} (the copy kept with the round)")
    except Exception:  # noqa: BLE001 - a copy this version cannot read: fall back to the file
        return None
    return script if script.id == script_id else None


def stored_script(script_id: str, text: str | None, scripts: "Iterable[RoundScript] | ScriptLookup") -> RoundScript | None:
    """The round's own script: parsed from the text stored with the round when there is one,
    else the script of that id among `scripts` (None when it is gone)."""
    lookup = as_lookup(scripts)
    if text:
        kept = _parsed(text, script_id)
        if kept is not None:
            return kept
    return lookup(script_id)


def session_script(session: Any, scripts: "Iterable[RoundScript] | ScriptLookup") -> RoundScript | None:
    """The script a stored round ran (storage.models.Session or SessionSummary): its stored copy
    (stored_script) with its extra questions' parts (core.extra_questions)."""
    lookup = as_lookup(scripts)
    own = stored_script(session.script_id, getattr(session, "script_text", None), lookup)
    return round_script(own, getattr(session, "findings", ()) or (), lookup)
