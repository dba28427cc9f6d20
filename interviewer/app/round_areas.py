"""Topic areas of stored rounds, for weak spots across rounds (Qt-free; run off the GUI thread).

A round's talking points are matched with the meaning matcher (core/analysis/coverage.py),
which takes a second or two per round: the areas they cover are computed once per round and
stored (Store.save_round_areas). The depth-signal areas need no matcher; the store reads
them from the analyses each time (Store.area_history).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from interviewer.core.stored_script import session_script, stored_script
from interviewer.core.analysis.summary import covered_areas_by_question
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.model import RoundScript
from interviewer.core.weak_spots import AreaResult, RoundAreas, point_area_results, script_point_areas
from interviewer.storage.progress import round_summary

LEXICAL = LexicalEncoder().name


def record_round_areas(store: Any, session_id: int, script: RoundScript, encoder: Any = None) -> list[AreaResult]:
    """Match the round's talking points with `encoder` (None: the keyword fallback) and store
    the areas they cover."""
    encoder = encoder if encoder is not None else LexicalEncoder()
    session = store.get_session(session_id)
    numbers = round_summary(session, script, Matcher(encoder))
    results = point_area_results(numbers, script, session.lines)
    store.save_round_areas(session_id, results, encoder.name, covered_areas_by_question(numbers.coverage))
    return results


def fill_missing_round_areas(store: Any, script_by_id: Callable[[str], RoundScript | None], encoder: Any = None,
                             cancelled: Callable[[], bool] = lambda: False) -> int:
    """Compute and store the point areas of completed rounds that have none yet, or that were
    matched only with the keyword fallback while the meaning matcher is now loaded. Returns
    how many rounds were matched. Rounds whose script is gone are left as they are."""
    name = encoder.name if encoder is not None else LEXICAL
    done = store.round_area_matchers()
    matched = 0
    for s in store.list_sessions(include_discarded=False):
        if cancelled():
            break
        if s.status != "completed":
            continue
        stored = done.get(s.id)
        if stored is not None and (stored == name or name == LEXICAL):
            continue
        # The script the round ran (core.stored_script): the copy kept with it, else the file of
        # its id; with its extra questions' parts, whose areas count as any other's.
        script = stored_script(s.script_id, getattr(s, "script_text", None), script_by_id)
        if script is None:
            continue
        if hasattr(store, "get_session"):
            script = session_script(store.get_session(s.id), script_by_id)
        record_round_areas(store, s.id, script, encoder)
        matched += 1
    return matched


@dataclass
class ProgressData:
    """What Progress shows: per-session numbers (storage SessionProgress) and measured areas."""

    rows: list
    areas: list[RoundAreas]
    scripts: list[RoundScript]


def load_progress(store: Any, script_by_id: Callable[[str], RoundScript | None], encoder: Any = None,
                  scripts: list[RoundScript] = ()) -> ProgressData:
    """Everything Progress shows, rounds not matched yet matched first (call off the GUI thread);
    `scripts` are those the plan may propose."""
    fill_missing_round_areas(store, script_by_id, encoder)
    def script_areas(script_id: str):  # None for a script that is gone: its signals count as before
        script = script_by_id(script_id)
        return None if script is None else script_point_areas(script)

    return ProgressData(store.progress(), store.area_history(script_areas=script_areas, script_questions=script_by_id),
                        list(scripts))
