#!/usr/bin/env python3
"""Planned vs actual minutes of a round answered thinly or fully (trials 32-34: a 55-minute design
round of short answers ended after 11.8 minutes, a coding round at 7.4 of 45).

    .venv/bin/python benchmarks/thin_answers_replay.py [--no-extras] [SCRIPT ...]

A replay at the engine level (core.engine.RoundEngine, a fake clock, keyword matching only): a
scripted candidate answers every line the interviewer says, with
  thin - 8-15 words that make no talking point ("I would start simple and improve it later.");
  mixed - thin, but a probe gets a longer answer (about 35 words) that still makes no point,
         as in trial 34 (a 48-word answer to a probe, then a 16-word one, and the part moved on);
  full - every talking point of the question under discussion (its text and keywords), and the
         words of the follow-up asked.
Speaking takes time: the interviewer's line and the answer at 2.5 words a second, 4 s to start
an answer and 3 s of silence to end it (about 25 s an exchange of thin answers, as in trial 34,
whose Framing took five exchanges in 2.1 minutes); the
code asked for in a coding part takes 60 s (thin) or 240 s (full) to write before it is talked
through. The part for the candidate's own questions gets 90 s (one question), then the round
ends, as the app ends it when the candidate has no more. Prints, per script and style, the
planned and actual minutes of each part and of the round, and how many probes were asked.
Default scripts: one bundled script of each of the kinds ML system design, coding, ML breadth and
behavioral. The engine may offer extra questions from the other bundled scripts of the same kind
(core.extra_questions); the candidate says yes to each offer. `--no-extras`: none, as before
fixJ31. Extra parts are printed as "+ extra" rows (their planned minutes as planned when added).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.core.candidate_questions import question_phases  # noqa: E402
from interviewer.core.clock import FakeClock  # noqa: E402
from interviewer.core.engine import ASK_FOR_MORE_BELOW_WORDS, AskQuestion, PhaseStarted, RoundEngine  # noqa: E402
from interviewer.core.probes import PROBE_ID  # noqa: E402
from interviewer.core.extra_questions import EXTRA_OFFER_ID, is_extra_part  # noqa: E402
from interviewer.core.scripts.loader import discover_scripts, load_script  # noqa: E402
from interviewer.resources import bundled_scripts_dir  # noqa: E402

SCRIPTS = ("ml_system_design_eta_prediction", "coding_intervals", "ml_breadth_fundamentals",
           "behavioral_conflict_and_trust")
THIN = (
    "I would start simple and improve it later on. That's it.",
    "I would keep it simple first and see how it goes. That's it.",
    "Probably the usual approach, nothing special there, I think. That's it.",
    "I would go with something basic and iterate on it. That's it.",
    "That one is fine as it is, I would not change much. That's it.",
)
LONGER = ("I would look at it carefully with the team, talk about what matters most for us there, try a couple "
          "of options on a small sample first, and then pick whichever one behaves best before going further.")
CLARIFY = "How large can the input get, roughly? That's all my questions."
STYLES = ("thin", "mixed", "full")
WPS = 2.5  # words a second, spoken


START_S, END_S = 4.0, 3.0  # before an answer starts; the silence that ends it


def _seconds(text: str) -> float:
    return len(text.split()) / WPS


def _full_answer(engine: RoundEngine, ask: AskQuestion | None) -> str:
    question = engine._question  # the question under discussion (what an interviewee answers)
    parts = []
    if question is not None:
        for p in question.expected_points:
            keys = ", ".join(p.keywords)
            parts.append(f"{p.text.rstrip('.')}. In particular {keys}, because that is what keeps it "
                         f"correct and cheap in practice, and I would check it on real cases.")
    if ask is not None and ask.follow_up_id:
        follow_up = next((f for q in engine.script.questions if q.id == ask.question_id
                          for f in q.follow_ups if f.id == ask.follow_up_id), None)
        if follow_up is not None and follow_up.if_missing:
            parts.append(f"On that: {', '.join(follow_up.if_missing)} all matter here, and I would say so.")
    if not parts:
        parts.append("Sure. I have worked on models of that kind for a few years, on ranking and forecasting, "
                     "and I am happy to go into any of it in detail.")
    return " ".join(parts) + " That's it."


def replay(script_name: str, style: str, extras: bool = True) -> dict:
    script = load_script(bundled_scripts_dir() / f"{script_name}.toml", bundled=True)
    clock = FakeClock()
    others = discover_scripts(bundled_scripts_dir(), None).scripts if extras else ()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None,
                         ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS, extra_scripts=others)
    asked_phases = question_phases(script)
    events = engine.start()
    turn = 0
    probes = 0
    for _ in range(400):
        if engine.is_over:
            break
        phase = engine.current_phase
        asks = [e for e in events if isinstance(e, AskQuestion)]
        said = asks[-1].text if asks else next((e.prompt for e in events if isinstance(e, PhaseStarted)), "")
        probes += sum(1 for a in asks if (a.follow_up_id or "").startswith(PROBE_ID))
        if phase.id in asked_phases and not asks:
            clock.advance(_seconds(said) + 90)  # one question of the candidate's, answered
            engine.poll()
            engine.stop()
            break
        clock.advance(_seconds(said))
        if not said and engine.holds_for_work:
            engine.asked_to_keep_working()
            clock.advance(60 if style == "thin" else 240)  # writing the code
        ask = asks[-1] if asks else None
        if ask is not None and ask.follow_up_id == EXTRA_OFFER_ID:
            answer = "Sure, let's do one more."
        elif phase.expects_clarifying and ask is None:
            answer = CLARIFY
        elif style == "mixed" and ask is not None and (ask.follow_up_id or "").startswith(PROBE_ID):
            answer = LONGER
        elif style in ("thin", "mixed"):
            answer = THIN[turn % len(THIN)]
        else:
            answer = _full_answer(engine, ask)
        turn += 1
        clock.advance(START_S + _seconds(answer) + END_S)
        events = engine.answer_finished(answer)
    planned = {p.id: p.minutes for p in engine.script.phases}
    actual = {s.phase: ((s.ended_at or engine.elapsed()) - s.started_at) / 60 for s in engine.timeline.phases}
    return {"planned": planned, "actual": actual, "round": engine.elapsed() / 60, "minutes": script.minutes,
            "probes": probes, "extras": len(engine.extras_from)}


def main(argv: list[str]) -> int:
    extras = "--no-extras" not in argv
    names = [a for a in argv if not a.startswith("--")] or list(SCRIPTS)
    for name in names:
        runs = {style: replay(name, style, extras) for style in STYLES}
        print(f"\n{name}" + ("" if extras else " (no extra questions)"))
        print(f"  {'part':<22}{'planned':>8}" + "".join(f"{s:>8}" for s in STYLES))
        pids = list(dict.fromkeys(p for s in STYLES for p in runs[s]["planned"]))
        for pid in pids:
            if is_extra_part(pid):
                continue
            minutes = runs["thin"]["planned"][pid]
            cells = "".join(f"{runs[s]['actual'].get(pid, 0.0):8.1f}" for s in STYLES)
            print(f"  {pid:<22}{minutes:8.1f}{cells}")
        for n in range(1, 4):  # the extra parts, by number, whichever script each came from
            cells = "".join(f"{sum(v for k, v in runs[s]['actual'].items() if k.startswith(f'extra{n}-')):8.1f}"
                            for s in STYLES)
            planned = "/".join(f"{m:.0f}" for s in STYLES for k, m in runs[s]["planned"].items()
                               if k.startswith(f"extra{n}-"))
            if planned:
                print(f"  {'+ extra ' + str(n):<22}{planned:>8}{cells}")
        cells = "".join(f"{runs[s]['round']:8.1f}" for s in STYLES)
        print(f"  {'ROUND':<22}{runs['thin']['minutes']:8.1f}{cells}")
        share = "".join(f"{100 * runs[s]['round'] / runs[s]['minutes']:7.0f}%" for s in STYLES)
        print(f"  {'share of plan':<22}{'':8}{share}")
        print(f"  {'probes asked':<22}{'':8}" + "".join(f"{runs[s]['probes']:8d}" for s in STYLES))
        print(f"  {'extra questions':<22}{'':8}" + "".join(f"{runs[s]['extras']:8d}" for s in STYLES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
