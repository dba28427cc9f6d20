"""Trial 48, problems 2 and 3, with the round's own words, speech regions and interviewer lines.

Problem 3: "..., and..." (10.3 s), "Take your time. Shall I move on?" (18.3 s), "No, give me a
second." (left out of the answer's words), "Sure, take your time." (27.4 s), the answer at 35.5 s:
the review said "Went silent for 17.1 s after "and..."" (the check-in, the reply and the grant in
it) and "Waited 6.0 s after the interviewer's reply" (the time asked for). Now: 8.0 s of the
candidate's, then the thinking time asked for.

Problem 2: "..., let me think about that for a second." (14.2 s), "Sure, take your time." (16.8 s),
"Remember to think out loud." (76.9 s), then nothing until the round was paused (335.5 s): no
pause at all was reported. Now the granted minute is time asked for, and the 4 minutes after the
nudge are a silence of the candidate's."""
from interviewer.core.analysis.pauses import GRANTED_LINE, PROMPT_LINE
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import candidate_long_pauses, candidate_waits
from interviewer.core.round_records import UtteranceKind, silence_line_spans
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word


def _transcript(words, regions, duration):
    ws = [Word(t, s, e) for t, s, e in words]
    return Transcript([Segment(" ".join(w.text for w in ws), ws[0].start, ws[-1].end, tuple(ws))], duration,
                      speech=[SpeechRegion(s, e) for s, e in regions])


TRAILED = [("The", 5.5, 6.02), ("training", 6.02, 6.34), ("data", 6.34, 6.72), ("comes", 6.72, 7.32),
           ("from", 7.32, 7.6), ("impression", 7.8, 8.16), ("logs", 8.16, 8.64), ("joined", 8.64, 9.02),
           ("with", 9.02, 9.38), ("clicks,", 9.38, 9.78), ("and...", 10.26, 10.34),
           ("Okay.", 35.34, 35.8), ("The", 36.22, 36.64), ("label", 36.64, 37.22), ("is", 37.22, 37.24),
           ("a", 37.24, 37.3), ("click.", 37.3, 37.58)]
TRAILED_REGIONS = [(5.704, 5.8), (5.864, 9.768), (9.896, 10.312), (35.544, 35.992), (36.42, 38.1)]


def _trailed(lines=True):
    said = [(UtteranceKind.NUDGE, "Take your time. Shall I move on?", 577.70, 580.40),
            (UtteranceKind.CLARIFICATION, "Sure, take your time.", 586.80, 589.00)]
    return analyze_answer(_transcript(TRAILED, TRAILED_REGIONS, 68.8), interviewer_speech=[(27.401, 29.601)],
                          silence_lines=silence_line_spans(said, 559.4, 628.2) if lines else ())


def test_a_silence_split_at_the_check_in_and_the_time_granted_is_no_dead_air():
    a = _trailed()
    messages = [f.message for f in a.findings]
    assert not any(f.kind == "went_silent" for f in a.findings), messages
    assert not any(f.kind == "waited" for f in a.findings), messages
    before = [p for p in a.pauses if p.before == "and..." and p.length >= 2 and not p.asked]
    assert len(before) == 1 and abs(before[0].length - 8.0) < 0.2 and before[0].end <= 18.31
    assert any(m.startswith(("Took 5.9 s to think, as you asked", "Took 6.0 s to think, as you asked"))
               for m in messages), messages
    stored = a.to_dict()
    assert not candidate_waits(stored)  # the transcript's mark is a pause, not "[waited ...]"


def test_without_the_lines_the_old_measure_stands():
    a = _trailed(lines=False)  # an answer analysed before the lines were kept
    assert any(f.kind == "went_silent" for f in a.findings)


FROZE = [("And", 8.44, 8.88), ("for", 8.88, 9.04), ("the", 9.04, 9.26), ("feature", 9.26, 9.48),
         ("store,", 9.48, 10.02), ("I", 10.38, 10.38), ("think", 10.38, 10.68), ("we", 10.68, 10.96),
         ("will", 10.96, 11.08), ("need,", 11.08, 11.64), ("um,", 11.584, 11.936), ("let", 12.34, 12.4),
         ("me", 12.4, 12.64), ("think", 12.64, 12.94), ("about", 12.94, 13.28), ("that", 13.62, 13.76),
         ("for", 13.76, 13.84), ("a", 13.84, 13.94), ("second.", 13.94, 14.2)]
FROZE_REGIONS = [(8.64, 9.984), (10.144, 11.424), (11.584, 11.936), (12.096, 14.304)]


def test_four_minutes_of_silence_after_the_nudge_are_reported():
    said = [(UtteranceKind.CLARIFICATION, "Sure, take your time.", 227.534, 229.333),
            (UtteranceKind.NUDGE, "Remember to think out loud.", 287.636, 289.436)]
    lines = silence_line_spans(said, 210.733, 546.333)
    assert [k for _, _, k in lines] == [GRANTED_LINE, PROMPT_LINE]
    a = analyze_answer(_transcript(FROZE, FROZE_REGIONS, 335.5), interviewer_speech=[(16.801, 18.6)],
                       silence_lines=lines, interrupted=True)
    messages = [f.message for f in a.findings]
    silent = [f for f in a.findings if f.kind == "went_silent"]
    assert len(silent) == 1 and silent[0].start > 78 and silent[0].end == 335.5, messages
    assert "after \"second.\"" in silent[0].message and float(silent[0].message.split()[3]) > 250
    assert any(m.startswith("Took 58.") and "as you asked" in m for m in messages), messages
    assert len(candidate_long_pauses(a.to_dict())) == 2  # the granted minute and the freeze


def test_an_answer_ended_by_its_usual_silence_gets_no_trailing_pause():
    # No line said to the silence: the end-of-answer silence is no pause (as before).
    a = analyze_answer(_transcript(FROZE, FROZE_REGIONS, 40.0))
    assert not a.pauses


def test_a_nudge_before_the_first_word_leaves_the_start_to_the_latency():
    words = [("Batch", 31.0, 31.4), ("norm", 31.4, 31.8), ("normalizes", 31.8, 32.4), ("batches.", 32.4, 33.0)]
    a = analyze_answer(_transcript(words, [(31.0, 33.0)], 42.0),
                       silence_lines=[(12.0, 14.0, PROMPT_LINE)])
    # the wait is counted from the nudge, the interviewer's last line before the first word (trial 49)
    assert not a.pauses and a.response_latency == 17.0
    assert [f.kind for f in a.findings if f.kind in ("went_silent", "long_pause", "response_latency")] == [
        "response_latency"]
