"""Which clarifying questions the live round can answer, and which statements it would answer.

1. `--speech DIR --cache DIR`: the speech benchmark's labelled questions (DIR holds parts of
   speechbench `make` output; CACHE the transcripts `models_cached.py --models tiny.en` wrote,
   CACHE/tiny.en/PART/CASE.transcript.json). For each question, the words heard up to its end
   (from the end of the question before, as if that one got its reply): answered at once by the
   text rules (trailing_questions), or only by the stated-question rule after a 4 s wait.
2. Always: false replies. The follow-up answers of the matcher benchmark's development parts
   (solving talk about the question's subject), each sentence taken as said early in an answer
   to the main question and followed by a 4 s wait; and the parts' clarifying questions written
   with "." for "?" (as Whisper often writes them): caught by the text rules, or by the
   stated-question rule and with which fact.
3. `--human-cache DIR` (the human clips' transcripts as models_cached.py caches them,
   CACHE/tiny.en/human): every silence of 4 s or more between a person's words, and how many
   follow a sentence the rule would look at (a reply only if it is also about a topic).

    python benchmarks/live_questions.py [--speech /tmp/sball --cache /tmp/mcache] [--human-cache DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import matcher_bench  # noqa: E402
from interviewer.core.transcript import Transcript, Word  # noqa: E402
from interviewer.core.trailing_questions import stated_question, trailing_questions  # noqa: E402

TOLERANCE_S = 0.35  # the speech benchmark scorer's


def speech_questions(speech: Path, cache: Path) -> None:
    total = at_once = stated = 0
    for part in sorted(p for p in speech.iterdir() if p.is_dir()):
        for truth_path in sorted(part.glob("*.truth.json")):
            case = truth_path.name[:-len(".truth.json")]
            transcript = cache / "tiny.en" / part.name / f"{case}.transcript.json"
            if not transcript.exists():
                continue
            words = [w for s in Transcript.load(transcript).segments for w in s.words]
            since = 0.0
            for q in json.loads(truth_path.read_text())["questions"]:
                total += 1
                heard = [w for w in words if since <= w.start and w.end <= q["end"] + TOLERANCE_S]
                if trailing_questions(heard):
                    at_once += 1
                elif stated_question(heard) is not None:
                    stated += 1
                since = q["end"] + TOLERANCE_S
    print(f"speech benchmark: {total} spoken clarifying questions; the text rules answer {at_once} "
          f"({at_once / max(1, total):.2f}); the stated-question rule may answer {stated} more after a wait "
          f"({(at_once + stated) / max(1, total):.2f})")


def human_waits(cache: Path) -> None:
    from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S

    clips = waits = looked_at = 0
    for transcript in sorted(cache.glob("*.transcript.json")):
        clips += 1
        words = [w for s in Transcript.load(transcript).segments for w in s.words]
        for i in range(len(words) - 1):
            if words[i + 1].start - words[i].end < STATED_QUESTION_WAIT_S:
                continue
            waits += 1
            heard = words[:i + 1]
            if not trailing_questions(heard) and stated_question(heard) is not None:
                looked_at += 1
                print(f"  {transcript.name}: {stated_question(heard)!r}")
    print(f"human clips: {clips}; silences of {STATED_QUESTION_WAIT_S:g} s or more between words: {waits}; "
          f"after a sentence the stated-question rule looks at: {looked_at}")


def _words(text: str) -> list[Word]:
    return [Word(w, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(text.split())]


def matcher_statements() -> None:
    from interviewer.adapters.embeddings import OnnxTextEncoder
    from interviewer.core.clarifying_responder import ClarifyingResponder
    from interviewer.core.matching import Matcher
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.resources import bundled_scripts_dir

    matcher = Matcher(OnnxTextEncoder())
    scripts = {s.id: s for s in discover_scripts(bundled_scripts_dir(), matcher_bench.DATA / "scripts").scripts}
    responders: dict[int, ClarifyingResponder] = {}

    def topic_of(question, text: str) -> str | None:
        responder = responders.setdefault(id(question), ClarifyingResponder(question, matcher))
        return responder.reply(text).topic

    answers = eligible = replied = answers_replied = 0
    asks = caught = by_stated = right = 0
    for part in matcher_bench.DEV_PARTS:
        data = tomllib.loads((matcher_bench.DATA / f"{part}.toml").read_text(encoding="utf-8"))
        for entry in data.get("follow_up", []):
            question = scripts[entry["script"]].question(entry["question"])
            if not question.clarifying_topics:
                continue
            for text in entry.get("covered", []) + entry.get("missed", []):
                answers += 1
                sentences, got_one = re.split(r"(?<=[.!?])\s+", text), False
                for k in range(1, len(sentences) + 1):
                    heard = _words(" ".join(sentences[:k]))
                    sentence = None if trailing_questions(heard) else stated_question(heard)
                    if sentence is None:
                        continue
                    eligible += 1
                    if topic_of(question, sentence) is not None:
                        replied, got_one = replied + 1, True
                        print(f"  would answer: {sentence!r}")
                answers_replied += got_one
        for entry in data.get("clarifying", []):
            question = scripts[entry["script"]].question(entry["question"])
            for text in entry["asks"]:
                asks += 1
                heard = _words(text.rstrip("?") + ".")
                if trailing_questions(heard):
                    caught += 1
                    continue
                sentence = stated_question(heard)
                if sentence is not None:
                    by_stated += 1
                    right += topic_of(question, sentence) == (entry["topic"] or None) is not None
    print(f"statements: {answers} solving answers, {eligible} sentences the rule looks at, {replied} would "
          f"get a fact if a 4 s wait followed; answers with such a sentence: {answers_replied} "
          f"({answers_replied / max(1, answers):.1%})")
    print(f"questions written with '.': {asks}; the text rules catch {caught}; the stated-question rule "
          f"{by_stated} more, {right} of them with the right fact")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speech", type=Path, help="speech benchmark parts (speechbench make output)")
    parser.add_argument("--cache", type=Path, help="transcripts written by models_cached.py")
    parser.add_argument("--human-cache", type=Path, help="the human clips' cached transcripts (CACHE/tiny.en/human)")
    args = parser.parse_args()
    if args.speech and args.cache:
        speech_questions(args.speech, args.cache)
    if args.human_cache:
        human_waits(args.human_cache)
    matcher_statements()


if __name__ == "__main__":
    main()
