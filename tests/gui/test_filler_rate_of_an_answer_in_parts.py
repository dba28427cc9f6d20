"""Trial 14: an answer split in two parts by Pause showed two filler rates: its finding said 2.7
per 100 words (its first part, analysed alone; here 2.5 and 2.3 for each part) and the per-answer table 2.4 (the whole answer).
Both come from one core function over all its parts (fillers.filler_rate), in the review and the
exports alike. A stored round on real SQLite."""
from __future__ import annotations

import re

from interviewer.core.analysis.report import analyze_answer
from interviewer.export.report import build_report
from interviewer.gui.review_screen import ReviewScreen
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

# 2 fillers in 80 words (2.5 per 100 alone), then 1 in 44 (2.3 alone): 3 in 124 words, 2.4 per 100.
FIRST = ("um so I would keep a queue of the events in time order and a map from each hashtag to its count "
         "and when a new event comes in I add it to the back and bump the count and uh then I drop the events "
         "from the front that are older than five minutes and lower their counts too so the map only holds "
         "what is in the window and a hashtag whose count drops to zero is removed from it")
SECOND = ("for the top k I would um run a heap over the counts at query time which costs m log k for m "
          "hashtags and recording an event is constant time amortized so reads cost more than writes which "
          "is fine when queries are rare")


def _rates(text: str) -> list[str]:
    return re.findall(r"(\d+\.\d+) per 100 words", text)


def test_a_paused_answer_says_one_filler_rate_in_its_finding_and_its_row(qtbot, tmp_path):
    with Store.open(tmp_path) as store:
        sid = store.create_session("c", "Coding: top k", "coding", 45, started_at=1_700_000_000)
        store.add_phase(sid, "approach", "Approach", 10, started_at=0.0)
        question = "Talk me through how you'd solve it."
        for text, start, end in ((FIRST, 95.0, 135.0), (SECOND, 150.0, 175.0)):  # P paused it at 135 s
            aid = store.add_answer(sid, "q", question, asked_at=85.0, answer_start=start, answer_end=end,
                                   with_audio=False, phase_id="approach")
            transcript = spoken(text)
            store.attach_transcript(aid, transcript)
            store.attach_analysis(aid, analyze_answer(transcript, question_text=question).to_dict())  # its findings too
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000 + 200.0)
        session = store.get_session(sid)
    first_alone = [f.message for f in session.findings if f.kind == "fillers"]
    assert len(first_alone) == 1 and _rates(first_alone[0]) == ["2.4"], first_alone  # not 2.5 and 2.3, each part's

    report = build_report(session, script=None)  # the exports
    [answer] = report.answers
    [finding] = [f.message for f in answer.findings if f.kind == "fillers"]
    assert _rates(finding) == _rates(answer.numbers["Fillers"]) == ["2.4"]
    assert finding.startswith("3 filler words in this answer")

    screen = ReviewScreen()  # the review: the per-answer table's filler column and the findings list
    qtbot.addWidget(screen)
    screen.show_session(session)
    [row_rate] = [screen.table.item(0, c).text() for c in range(screen.table.columnCount())
                  if screen.table.horizontalHeaderItem(c).text().startswith("Fillers")]
    listed = [screen.findings.item(i).text() for i in range(screen.findings.count())]
    assert [r for text in listed if "filler words" in text for r in _rates(text)] == [row_rate] == ["2.4"]
