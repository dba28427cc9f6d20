"""Clarifying asks of matcher_bench.py's development parts that ask several questions in one turn
(trailing_questions.asked_parts): the reply's topic answered whole (as before trial 48) against the
reply that answers each part, and every ask whose reply differs or is wrong. Only these asks can
score differently on matcher_bench.py: a one-question ask is answered whole as before.

    .venv/bin/python benchmarks/two_part_asks.py
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import matcher_bench as mb  # noqa: E402  (puts the repository on the path)

from interviewer.core.clarifying_responder import ClarifyingResponder  # noqa: E402
from interviewer.core.matching import Matcher  # noqa: E402
from interviewer.core.trailing_questions import asked_parts  # noqa: E402


def main() -> int:
    matcher = Matcher(mb.OnnxTextEncoder())
    whole = parts = n = several = 0
    for name in mb.DEV_PARTS:
        for case in mb.load_cases(name)[0]:
            if len(asked_parts(case.text)) < 2:
                continue
            n += 1
            responder = ClarifyingResponder(case.question, matcher, case.script)
            before, after = responder._reply(case.text).topic, responder.reply(case.text)
            answered = responder.answered_parts(case.text)
            whole += before == case.topic
            parts += after.topic == case.topic
            several += len(answered) > 1
            if before != after.topic or after.topic != case.topic or len(answered) > 1:
                print(f"{name}: {case.topic!r} whole {before!r} parts {after.topic!r} | {case.text}\n"
                      f"    {answered} => {after.text[:200]}")
    print(f"asks of several questions: {n}; right fact answered whole {whole}, by parts {parts}; "
          f"replies of more than one part {several}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
