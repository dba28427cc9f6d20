"""The review's findings list runs in round time: a trial's coding round listed
[03:00] No clarifying questions, [08:00] Phase short, [00:14] No speech, [03:25] No speech (the
round's own findings first, then each answer's), so a user reading down the list went back in
time."""
from __future__ import annotations

import re

from interviewer.storage import Store

from test_depth_views import _stored


def test_findings_are_listed_in_round_time(qapp, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = _stored(store)
        store.add_finding(sid, "phase_short", "Requirements: only 1.0 min of 10.0 planned.", start=150.0,
                          details={"severity": "note"})
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session)
    shown = [screen.findings.item(i).text() for i in range(screen.findings.count())]
    times = [re.match(r"\[(\d+):(\d+)\]", t).groups() for t in shown]
    seconds = [int(m) * 60 + int(s) for m, s in times]
    assert len(seconds) >= 3 and 150 in seconds
    assert seconds == sorted(seconds), shown
