"""The interviewer's flow in simulated ML system design rounds (trial 48, problems 6, 7c and 10):
every bundled `ml_system_design_*` script run by the core's engine on a fake clock, with the
sentence-embedding matcher as the app runs it, by a candidate who gives each part's question one
full answer of about 60 words (a design, a model, serving, an A/B test with its metrics; no
failure talk) and "I think that covers it. That's it." to anything else, 30 s per answer.

Prints, pooled over the scripts: parts, parts that passed with only their question asked (the
candidate-driven requirements parts are among them), lines that say "just what you haven't said
yet" and then the whole question, lines that say "that choice", asks, lines said twice, round
minutes and rounds that ran past their length.

    python benchmarks/design_round_flow.py [--tradeoff] [-v]

--tradeoff: the answer also says what its choice costs (no request for a tradeoff follows it);
-v: each part's time and what was asked in it.
"""
from __future__ import annotations

import sys

from interviewer.adapters.embeddings import OnnxTextEncoder
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

FULL = ("I would keep it simple first. We log the requests and the outcomes, train a gradient boosted model "
        "daily, serve it behind a service with a cache, and run an A B test with revenue and click through rate "
        "as the main metrics and latency as a guard rail. That's it.")
TRADEOFF = (" Gradient boosted trees cost some accuracy compared with a deep model, but they are cheaper to serve "
            "and easier to debug.")
THIN = "I think that covers it. That's it."


def _says_everything(text: str, question: str) -> bool:
    rest = text.split("haven't said yet:", 1)[1].strip().rstrip("?").lower()
    return rest == question.rstrip("?").lower()


def main(argv: list[str]) -> None:
    full = FULL.replace(" That's it.", TRADEOFF + " That's it.") if "--tradeoff" in argv else FULL
    matcher = Matcher(OnnxTextEncoder())
    total = dict(parts=0, bare=0, everything=0, that_choice=0, asks=0, repeats=0, minutes=0.0, over=0)
    for path in sorted(bundled_scripts_dir().glob("ml_system_design_*.toml")):
        script = load_script(path, bundled=True)
        clock = FakeClock()
        engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
        events, by_part, said = engine.start(), {}, []
        for _ in range(300):
            asks = [e for e in events if isinstance(e, AskQuestion)]
            for ask in asks:
                by_part.setdefault(engine.current_phase.id, []).append(ask)
                said.append(ask.text)
                total["everything"] += ("haven't said yet:" in ask.text
                                        and _says_everything(ask.text, script.question(ask.question_id).text))
                total["that_choice"] += "that choice" in ask.text
            if engine.is_over:
                break
            clock.advance(30)
            events = engine.answer_finished(full if asks and asks[-1].follow_up_id is None else THIN)
        for span in engine.timeline.phases:
            asked = by_part.get(span.phase, [])
            total["parts"] += 1
            total["bare"] += bool(asked) and all(a.follow_up_id is None for a in asked)
            if "-v" in argv:
                used = ((span.ended_at or clock.now()) - span.started_at) / 60
                planned = (span.planned_end - span.planned_start) / 60
                print(f"{script.id:40} {span.phase:16} {used:4.1f} of {planned:4.1f} min",
                      [a.follow_up_id or "question" for a in asked])
        total["asks"] += len(said)
        total["repeats"] += len(said) - len(set(said))
        total["minutes"] += clock.now() / 60
        total["over"] += clock.now() > engine.round_seconds
    total["minutes"] = round(total["minutes"], 1)
    print(total)


if __name__ == "__main__":
    main(sys.argv[1:])
