"""An answer that went on over "Okay, thanks." is stored in two parts, each analysed alone: the
finding of its first part said "Spoke too fast: 191 words per minute while speaking, 161 with
pauses" where the answer's row and the exports said 200 and 170 (trial13). The finding is the
whole answer's, with the numbers its row shows."""
import re

from interviewer.core.analysis.pace import Pace
from interviewer.core.analysis.report import pace_finding
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report


def _analysis(words: int, speaking: float, articulation: float) -> dict:
    pace = Pace(words, speaking, articulation)
    found = pace_finding(pace)
    return {"pace": pace.to_dict(), "findings": [found.to_dict()] if found else []}


def _numbers(message: str) -> tuple[str, str]:
    m = re.search(r"(\d+) words per minute while speaking, (\d+) with pauses", message)
    assert m, message
    return m.group(1), m.group(2)


def test_the_pace_finding_of_an_answer_in_two_parts_says_the_numbers_of_its_row(store):
    sid = store.create_session("merge", "Merge intervals", "coding", 45, started_at=1_700_000_000)
    store.add_phase(sid, "approach", "Approach", 10, started_at=0.0)
    kw = dict(asked_at=85.0, with_audio=False)
    first = store.add_answer(sid, "", "Talk me through how you'd solve it.", answer_start=95.0, answer_end=136.0, **kw)
    second = store.add_answer(sid, "", "Talk me through how you'd solve it.", answer_start=139.0, answer_end=151.0, **kw)
    first_part = _analysis(76, 28.3, 23.9)  # 161 with pauses, 191 while speaking: fast on its own
    assert _numbers(first_part["findings"][0]["message"]) == ("191", "161")
    store.attach_analysis(first, first_part)
    store.attach_analysis(second, _analysis(8, 1.4, 1.3))  # short: judged on nothing alone
    store.finish_session(sid, ended_at=1_700_000_000 + 200.0)

    session = store.get_session(sid)
    paces = [f for f in session.findings if f.kind == "pace"]
    assert [f.answer_id for f in paces] == [first]
    report = build_report(session, script=None)
    [answer] = report.answers
    row = re.search(r"(\d+) words/min while speaking, (\d+) with pauses", answer.numbers["Pace"]).groups()
    assert [_numbers(f.message) for f in answer.findings if f.kind == "pace"] == [row]
    assert row == ("200", "170")
    text = render_markdown(report)
    assert "Spoke too fast: 200 words per minute while speaking, 170 with pauses" in text and "191" not in text
    # A pace off its band is something to work on (trial 31: a note beside "Nothing to fix").
    assert (paces[0].details or {}).get("severity") == "problem"


def test_an_answer_normal_once_joined_keeps_no_pace_finding_of_a_part(store):
    sid = store.create_session("merge", "Merge intervals", "coding", 45, started_at=1_700_000_000)
    kw = dict(asked_at=0.0, with_audio=False)
    first = store.add_answer(sid, "", "Tell me about yourself.", answer_start=1.0, answer_end=30.0, **kw)
    second = store.add_answer(sid, "", "Tell me about yourself.", answer_start=32.0, answer_end=62.0, **kw)
    store.attach_analysis(first, _analysis(76, 28.3, 23.9))  # fast alone
    store.attach_analysis(second, _analysis(40, 28.0, 24.0))  # slow alone: normal together
    assert not [f for f in store.get_session(sid).findings if f.kind == "pace"]
