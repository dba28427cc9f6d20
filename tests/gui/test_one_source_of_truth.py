"""Issue 11: one stored round shows the same numbers in the review, the round summary, every
export (md, html, json) and `interviewer sessions show` / `interviewer analyze`: latency per
answer, pace, filler count and which words are fillers, repetitions, cut-off words and restarts
(counted per answer, marked in the transcript with a legend), pause positions, topics asked and
missed, question count. A repeat and a mic pause neither create nor split an answer."""
from __future__ import annotations

import json
import re
import time

import pytest

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import question_findings
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.storage import SessionStatus, Store
from interviewer.storage.progress import round_summary

# Over depth.MAX_EVIDENCE_WORDS words, so its depth evidence is cut to the words near the match;
# "1" "%" and "one" "-hot" as Whisper gives them.
# The evidence is the clause that says the number (trial 30): the sentence up to its one comma.
LONG_SENTENCE = ("On a normal day the cache in Frankfurt misses about 1 % of lookups which the one -hot "
                 "features in the model server then have to compute again, from the raw events we keep.")
QUOTED = "On a normal day the cache in Frankfurt misses about 1% of lookups which the one-hot features"
MOVED_ON = "You moved on with Next from Design after 8 min 20 s of 30 min."
TOPICS = [("scale", ("how many", "users")), ("latency", ("latency",)), ("cold start", ("new user",))]


def _transcript(script: str, start: float = 0.0) -> Transcript:
    """Words of 0.3 s with 0.05 s gaps; "[2.5]" is a silence; one speech region per run."""
    words, regions, t, run = [], [], start, None
    for item in script.split():
        if item.startswith("["):
            if run is not None:
                regions.append(SpeechRegion(run, words[-1].end + 0.03))
            run = None
            t += float(item[1:-1])
            continue
        run = t if run is None else run
        words.append(Word(item, round(t, 3), round(t + 0.3, 3)))
        t += 0.35
    regions.append(SpeechRegion(run, words[-1].end + 0.03))
    return Transcript([Segment(script, start, t, tuple(words))], t + 0.5, regions, "fake")


def _stored_round(store: Store) -> int:
    """An answer recorded in three parts (R before a word, then P mid-answer), a follow-up and a
    second question, stored as the app stores them."""
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
    store.add_phase(sid, "design", "Design", 30, 300.0)
    parts = [
        # question, follow-up, asked_at, start, end, transcript, analysis options
        ("feed", None, 5.0, 12.0, 64.0, Transcript([], 52.0, [SpeechRegion(51.0, 51.4)]),
         {"interrupted": True, "expects_clarifying": True}),
        ("feed", None, 5.0, 70.0, 95.0,
         _transcript("[2.0] Um, how many users do we have? [2.5] I should, like, start with a ranker."),
         {"interrupted": True, "expects_clarifying": True}),
        ("feed", None, 5.0, 100.0, 120.0, _transcript("And what latency do we need? [1.5] Let me think."),
         {"after_interviewer": False, "expects_clarifying": True}),
        ("feed", "metric", 125.0, 130.0, 150.0, _transcript("[1.0] I I would, um, use watch time."), {}),
        ("serve", None, 310.0, 315.0, 340.0, _transcript("[3.0] I would serve it behind a ca- cache. " + LONG_SENTENCE), {}),
    ]
    for qid, fid, asked, start, end, transcript, options in parts:
        aid = store.add_answer(sid, qid, "Design a feed." if qid == "feed" else "How do you serve it?",
                               follow_up_id=fid, asked_at=asked, answer_start=start, answer_end=end)
        store.attach_transcript(aid, transcript)
        analysis = analyze_answer(transcript, question_text="Design a feed.",
                                  expected_topics=TOPICS if qid == "feed" else None, round_kind="ml_system_design",
                                  question_findings=False, **options)
        store.attach_analysis(aid, analysis.to_dict())
    for aid, f in question_findings(round_summary(store.get_session(sid))):
        store.add_finding(sid, f.kind, f.message, answer_id=aid, start=f.start, end=f.end)
    store.add_finding(sid, "phase_under", "Clarify: only 2.1 min of 10.0 planned.", start=0.0)  # stored by an older version
    from interviewer.core.analysis.report import analyze_round

    # Design left with Next before the last part (N in the last part ends the round: test_round_ended_with_next).
    moved_on = analyze_round([], [("clarify", 10, 300.0), ("design", 30, 500.0), ("wrap", 5, 300.0)], {},
                             {"clarify": "Clarify", "design": "Design", "wrap": "Wrap-up"},
                             plan=[("clarify", 10), ("design", 30), ("wrap", 5)],
                             ended_by={"clarify": "time", "design": "next", "wrap": "time"}).findings
    for f in moved_on:
        store.add_finding(sid, f.kind, f.message, start=f.start, end=f.end, details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_every_view_and_export_shows_the_same_numbers(qapp, isolated_dirs, tmp_path, capsys):
    from interviewer.app.review_model import round_numbers
    from interviewer.cli import main
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = _stored_round(store)
        session = store.get_session(sid)
        for fmt in ("md", "html", "json"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
    truth = round_summary(session)

    # The repeat and the pause did not make answers: the question, its follow-up, the next one.
    assert [a.part_ids for a in truth.answers] == [[1, 2, 3], [4], [5]]
    latencies = [a.response_latency for a in truth.answers]
    assert latencies == [pytest.approx(2.0, abs=0.1), pytest.approx(1.0, abs=0.1), pytest.approx(3.0, abs=0.1)]
    assert truth.mean_latency == pytest.approx(2.0, abs=0.1)  # no 51 s from the noise before R
    assert truth.topics_missed == ["cold start"]  # scale and latency asked, in two parts
    assert [a.topics_missed for a in truth.answers] == [["cold start"], [], []]
    assert truth.clarifying_asked == 2
    assert truth.fillers == 3 and [w for a in truth.answers for w in a.filler_words] == ["um", "like", "um"]
    kinds = [f.kind for f in session.findings]
    assert "no_speech" not in kinds and "no_clarifying_questions" not in kinds
    assert kinds.count("topics_missed") == 1

    # The review: the same object, shown in its table and summary.
    numbers = round_numbers(session)
    assert [a.response_latency for a in numbers.answers] == [a.response_latency for a in truth.answers]
    screen = ReviewScreen()
    screen.show_session(session)
    cells = {screen.table.horizontalHeaderItem(c).text().replace("\n", " "): [screen.table.item(r, c).text()
                                                           for r in range(screen.table.rowCount())]
             for c in range(screen.table.columnCount())}
    assert cells["Latency"] == [f"{x:.1f} s" for x in latencies]
    # Whole words per minute everywhere (the review said 201.7 where the exports said 202).
    from interviewer.app.review_model import fmt_wpm
    from interviewer.core.analysis.pace import no_pace_reason
    assert cells["Pace wpm"] == [no_pace_reason(a.words, a.pace_wpm) or f"{fmt_wpm(a.articulation_wpm)} / {fmt_wpm(a.pace_wpm)}"
                                 for a in truth.answers]
    assert cells["Pace wpm"][1] == "short"  # "I I would, um, use watch time.": says why it has no pace
    assert f"{truth.articulation_wpm:.0f} wpm while speaking" in screen.summary.text()
    assert cells["Not asked"] == ["cold start", "", ""]
    # Every column says in full what it counts; the table fits the pane at 1920 px (its last
    # columns scrolled out of sight there, trial 10) and keeps the question readable when narrower.
    assert all(screen.table.horizontalHeaderItem(c).toolTip() for c in range(1, screen.table.columnCount()))
    from PySide6.QtWidgets import QApplication

    table = screen.table
    for width in (1920, 1100, 1920):  # Qt's stretch mode grew the question with the window and never shrank it
        screen.resize(width, 800)
        screen.show()
        QApplication.processEvents()
        if width == 1920:
            assert not table.horizontalScrollBar().isVisible() or table.horizontalScrollBar().maximum() == 0
            widths = [table.columnWidth(c) for c in range(table.columnCount())]
            assert sum(widths) <= table.viewport().width() and widths[0] > 200, widths
        else:
            # Elided beyond its narrowest (its tooltip has it whole) rather than scroll sideways (trial 16).
            assert table.columnWidth(0) >= table.QUESTION_MIN_PX and not table.horizontalScrollBar().isVisible()
    summary = screen.summary.text()
    assert f"mean response latency {truth.mean_latency:.1f} s" in summary
    assert f"fillers {truth.fillers} " in summary and "not asked about: cold start" in summary
    review_html = screen.transcript.toHtml()
    review_fillers = re.findall(r'background-color:#ffe0b2[^>]*>([^<]+)<', review_html)
    assert [w.strip(",.") for w in review_fillers] == ["filler", "Um", "like", "um"]  # the legend, then the words

    # Repetitions, cut-off words and restarts: their own kind, counted per answer, marked in
    # every transcript (with a legend), never counted as fillers.
    assert [[(d["kind"], d["text"]) for d in a.disfluencies] for a in truth.answers] == [
        [], [("repetition", "I I")], [("cut_off", "ca- cache")]]
    repeats = ["0", "1 (1 repetition)", "1 (1 cut-off word)"]
    assert cells["Restarts"] == [r.split()[0] for r in repeats]  # the breakdown in the tooltip
    assert [screen.table.item(r, 3).toolTip() for r in range(3)] == repeats
    assert "repetitions and restarts 2 (1 repetition, 1 cut-off word)" in summary
    review_repeats = re.findall(r'text-decoration: underline; color:#163c73; background-color:#dce8fa;">([^<]+)<',
                                review_html)
    assert review_repeats == ["underlined", "I", "I", "ca-", "cache."]  # the legend, then the words

    # The exports: the same latencies, pace, fillers (and only those words), pauses, topics.
    md = (tmp_path / "round.md").read_text()
    html = (tmp_path / "round.html").read_text()
    data = json.loads((tmp_path / "round.json").read_text())
    md_answers = md.split("## Answers")[1].split("### 1.")[1]  # after the legend
    html_answers = html.split("<h3>1.")[1]
    assert re.findall(r"\*\*([^*]+)\*\*(?!:)", md_answers) == ["Um,", "like,", "um,"]
    assert re.findall(r'<span class="filler">([^<]+)</span>', html_answers) == ["Um,", "like,", "um,"]
    assert re.findall(r"(?<![*\w])\*([^*]+)\*(?![*\w])", md_answers) == ["I I", "ca- cache."]
    assert re.findall(r'<span class="disfluency" title="([^"]+)">([^<]+)</span>', html_answers) == [
        ("repetition", "I I"), ("cut-off word", "ca- cache.")]
    for text, legend in ((md, "*italic* = repetitions, cut-off words and restarts"),
                         (html, "underlined</span> = repetitions, cut-off words and restarts")):
        assert legend in text
        assert re.findall(r"Repetitions and restarts: (?:<b>)?(\d[^·<\n]*?)(?:</b>)? (?:&middot;|·)", text) == repeats
    assert [[(d["kind"], d["text"]) for d in a["disfluencies"]] for a in data["session"]["numbers"]["answers"]] == [
        [(d["kind"], d["text"]) for d in a.disfluencies] for a in truth.answers]
    assert "should" in md and "**should" not in md
    for text in (md, html):
        assert [f"{x:.1f} s" for x in latencies] == re.findall(r"Response latency: (?:<b>)?([\d.]+ s)", text)
        assert f"{truth.answers[0].articulation_wpm:.0f} words/min while speaking" in text
        assert "Not asked about (clarifying)" in text and "cold start" in text
        assert "phase_under" not in text and "Part short" in text and "- - " not in text
        # A part left with Next: said once, as a choice, with its minutes; not "Part short".
        assert text.count(MOVED_ON) == 1, [l for l in text.splitlines() if "moved" in l.lower()]
        assert "Design: only" not in text
    # Depth evidence quotes the words as transcribed (case, commas, "1%", "one-hot"), in every view.
    review_findings = [screen.findings.item(r).text() for r in range(screen.findings.count())]
    assert len([f for f in review_findings if MOVED_ON in f]) == 1, "\n".join(review_findings)
    assert [f["message"] for f in data["session"]["findings"]].count(MOVED_ON) == 1
    assert any(f'"{QUOTED}' in f for f in review_findings), review_findings
    assert f'"{QUOTED}' in md and f"&quot;{QUOTED}" in html
    assert any(QUOTED in f["message"] for f in data["session"]["findings"])
    # Pause markers sit between the words around each silence; the silence after a clarifying
    # question is a wait for the interviewer's reply (trial 19), marked as such, no long pause.
    assert "**Um,** how many users do we have? _[waited 2.6 s]_ I should" in md
    assert "[waited 2.5 s]: a wait for the interviewer" in md
    assert [a["response_latency"] for a in data["session"]["numbers"]["answers"]] == latencies
    assert data["session"]["numbers"]["topics_missed"] == ["cold start"]

    # The PDF: the HTML report laid out by Qt, which keeps the marks (underline, highlight).
    from PySide6.QtGui import QTextDocument

    from interviewer.gui.pdf import render_pdf

    laid_out = []

    def spy(page_html, out, title):
        laid_out.append(page_html)
        render_pdf(page_html, out, title)

    with Store.open() as store:
        export_session(store, sid, "pdf", tmp_path / "round.pdf", render_pdf=spy)
    assert (tmp_path / "round.pdf").read_bytes().startswith(b"%PDF") and laid_out == [html]
    document = QTextDocument()
    document.setHtml(laid_out[0])
    underlined, highlighted, block = [], [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontUnderline():
                underlined.append(fragment.text())
            if fragment.charFormat().background().color().name() == "#ffe08a":
                highlighted.append(fragment.text())
            it += 1
        block = block.next()
    assert underlined == ["underlined", "I I", "ca- cache."]
    assert highlighted == ["filler", "Um,", "like,", "um,"]

    # The command line shows the Markdown report; `analyze` gives the stored numbers again.
    assert main(["sessions", "show", str(sid)]) == 0
    assert capsys.readouterr().out == md
    stored = session.answers[1]
    (tmp_path / "part.json").write_text(stored.transcript.to_json())
    assert main(["analyze", str(tmp_path / "part.json"), "--json"]) == 0
    fresh = json.loads(capsys.readouterr().out)
    for key in ("response_latency", "articulation_wpm", "filler_words", "pauses"):
        assert fresh[key] == stored.analysis[key], key
    # The pace with pauses leaves out the waits for the interviewer in a clarifying part, which a
    # transcript alone does not say it is (trial 20): compared on a part that is no such part.
    plain = session.answers[4]
    (tmp_path / "plain.json").write_text(plain.transcript.to_json())
    assert main(["analyze", str(tmp_path / "plain.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pace_wpm"] == plain.analysis["pace_wpm"]


def test_repeat_and_mic_pause_in_a_live_round_do_not_make_empty_answers(tmp_path, script_dirs, isolated_dirs):
    """Through RoundSession and the controller: R before speaking, then P and resume."""
    from gui_fakes import FakeRecorder, FakeSpeaker

    from interviewer.app.round_session import RoundSession
    from interviewer.core.clock import FakeClock
    from interviewer.core.scripts.loader import discover_scripts

    said = iter([Transcript([], 52.0, [SpeechRegion(51.0, 51.4)]),
                 _transcript("[2.0] How many users do we have? [1.5] I would start simple."),
                 _transcript("And I would add a cache."),
                 _transcript("[1.0] Watch time.")])

    class Transcriber:
        on_segment = None

        def __init__(self):
            self.result = next(said, _transcript("Okay."))

        def feed(self, samples):
            pass

        def finish(self):
            return self.result

    store = Store.open(tmp_path / "data")
    script = discover_scripts(*script_dirs).by_id("test-design")
    clock = FakeClock()
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=Transcriber, store=store)

    def until(status):
        deadline = time.monotonic() + 5
        while session.controller.status != status and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
            clock.advance(0.01)  # the beat after an acknowledgement passes on the round's clock
        assert session.controller.status == status

    session.start()
    until("listening")
    session.controller.repeat_question()
    until("listening")
    session.controller.pause()
    session.controller.resume()
    until("listening")
    session.controller.end_answer()
    until("listening")  # the follow-up
    session.controller.end_answer()
    session.stop()
    session.close()
    stored = store.get_session(session.session_id)
    store.close()
    numbers = round_summary(stored)
    # Every recording with words is kept; the stretch before R held none (no answer: dropped,
    # its audio stays in the round recording and its file).
    assert len(stored.answers) == 3
    assert [len(a.part_ids) for a in numbers.answers] == [2, 1]
    assert numbers.answers[0].response_latency == pytest.approx(2.0, abs=0.1)
    assert numbers.mean_latency < 3
    assert not {"no_speech", "no_clarifying_questions"} & {f.kind for f in stored.findings if f.answer_id}



def test_a_question_asked_after_a_phase_prompt_counts_the_same_in_every_view(qapp, isolated_dirs, tmp_path):
    """Trial: "Let's move to your approach", then "How many users do we have?", answered by the
    interviewer with the scale fact, as the app records it (an answer with no question of its
    own, the exchange credited to it): the review, the round summary and the exports all count
    scale as asked before the solution phase, and only cold start as not asked."""
    from interviewer.app.review_model import round_numbers
    from interviewer.app.live_clarifications import credit_clarifications
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage.models import Clarification

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        store.add_phase(sid, "clarify", "Clarify", 10, 0.0)
        store.add_phase(sid, "design", "Design", 30, 300.0)
        first = store.add_answer(sid, "feed", "Design a feed.", asked_at=5.0, answer_start=8.0, answer_end=30.0,
                                 phase_id="clarify")
        transcript = _transcript("[1.0] And what latency do we need?")
        store.attach_transcript(first, transcript)
        store.attach_analysis(first, analyze_answer(transcript, expected_topics=TOPICS, expects_clarifying=True,
                                                    question_findings=False).to_dict())
        after = store.add_answer(sid, "", "We're ten minutes in; let's move to your approach.", asked_at=300.0,
                                 answer_start=305.0, answer_end=330.0, phase_id="design")
        transcript = _transcript("[1.0] How many users do we have? [3.0] Okay. I would start with a simple ranker.")
        store.attach_transcript(after, transcript)
        analysis = analyze_answer(transcript, expected_topics=None, question_findings=False,
                                  to_problem=False).to_dict()
        exchange = Clarification(308.0, "How many users do we have?", "scale", "About fifty million a day.")
        credit_clarifications(analysis, [exchange], 305.0)
        store.attach_analysis(after, analysis)
        store.add_clarification(after, exchange.asked_at, exchange.question, exchange.topic, exchange.reply)
        for aid, f in question_findings(round_summary(store.get_session(sid))):
            store.add_finding(sid, f.kind, f.message, answer_id=aid, start=f.start, end=f.end)
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
        export_session(store, sid, "md", tmp_path / "round.md")
        export_session(store, sid, "json", tmp_path / "round.json")
    truth = round_summary(session)
    [question] = truth.questions
    assert sorted(question.covered) == ["latency", "scale"] and question.missed == ["cold start"]
    assert truth.topics_missed == ["cold start"] and truth.clarifying_asked == 2
    assert round_numbers(session).topics_missed == truth.topics_missed
    screen = ReviewScreen()
    screen.show_session(session)
    assert "not asked about: cold start" in screen.summary.text()
    headers = [screen.table.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(screen.table.columnCount())]
    column = headers.index("Not asked")
    assert [screen.table.item(r, column).text() for r in range(screen.table.rowCount())] == ["cold start", ""]
    findings = [screen.findings.item(r).text() for r in range(screen.findings.count())]
    assert [f for f in findings if "Topics not asked" in f and "scale" in f] == []
    md = (tmp_path / "round.md").read_text()
    assert "Not asked about (clarifying)" in md and "cold start" in md
    assert not re.search(r"Not asked about \(clarifying\)[^\n]*scale", md)
    assert json.loads((tmp_path / "round.json").read_text())["session"]["numbers"]["topics_missed"] == ["cold start"]
