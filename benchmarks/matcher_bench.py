"""Matcher benchmark (issue 12): does the interviewer answer a clarifying question with the
right fact, and skip a follow-up the candidate already covered?

    .venv/bin/python benchmarks/matcher_bench.py            # accuracy on tune, test and blind, timing
    .venv/bin/python benchmarks/matcher_bench.py --errors   # also list every wrong decision
    .venv/bin/python benchmarks/matcher_bench.py --tune     # search thresholds on tune + test + blind
    .venv/bin/python benchmarks/matcher_bench.py --cv       # follow-up decision (thresholds, regression), leave one part out
    .venv/bin/python benchmarks/matcher_bench.py --set blind5   # also score a part never tuned on (once!)

Labelled data (written by hand, as text) is in benchmarks/matcher_data/: tune.toml was used to
choose the thresholds in interviewer/core/matching.py; test.toml was written before any tuning
and scored once, blind (right fact 82.7%); it has been development data since (the word-by-word
scoring and its thresholds were chosen on tune and test together). blind.toml was written after
that, before the matcher changed, over mostly new scripts, and scored once, blind (right fact
91.2%, follow-ups 82.4%); all three are development data since (the follow-up keyword recall was
chosen on them, with --cv, leave one part out). blind2.toml (written by a helper who had not read
the matcher, over questions no other part uses) was scored once, blind, with that method (commit
bf894e1: right fact 90.0%, follow-ups 80.8%, keywords alone 82.5%) and is development data since:
the follow-up regression (Thresholds.follow_up_weights) was fitted on all four parts with --cv.
blind3.toml (follow-ups only, 27 scripts, written by a helper who had not read the matcher) was
then scored once, blind, with that regression (commit bbd38d4): follow-ups 74.2% (89/120),
keywords alone 65.0%; target not met; development data since: the regression is fitted on all
five parts now (L2 penalty FIT_L2 = 4; --cv leaving each part out, tune / test / blind / blind2 /
blind3: 94.6 / 98.9 / 94.1 / 86.7 / 74.2%, pooled 87.5% alone, 81.8% after 3, 77.1% after 8;
keyword-free paraphrases skipped 30/62). blind4.toml (follow-ups only; 15 entries on bundled
scripts and 15 on three scripts its writer wrote as a user would, in matcher_data/scripts/; the
writer had not read the matcher) was then scored once, blind, at 5ab1c8b: follow-ups 65.0%
(78/120), keywords alone 63.3%; the weights before the refit (-3.10, 7.30, 3.45, -8.52) gave the
same 65.0%. Most of its errors are covered answers said in other words that are asked again (34
of 42). Development data since. blind5.toml (follow-ups only, same design as blind4: 15 entries on
unused follow-ups of bundled scripts, 15 on three new scripts its writer wrote, in
matcher_data/scripts/b5_*; near misses that use the follow-up's words) was scored once, blind, at
f7b143c with the method unchanged: follow-ups 61.7% (74/120), keywords alone 60.0%, lexical
58.3%. Development data since. blind6.toml (same design; 18 entries on bundled scripts, 12 on two
scripts its writer wrote, matcher_data/scripts/b6_*) was scored once, blind, at 92e6eac with the
5-input regression: follow-ups 65.8% (79/120), keywords alone 62.5%, the 3-input method of dc4ebfb
70.0%. Development data since. blind7.toml (same design; 18 entries on bundled scripts, 12 on two
scripts its writer wrote, matcher_data/scripts/b7_*) was scored once, blind, on 4 December (twelfth
session) with the method unchanged: follow-ups 65.8% (79/120), keywords alone 55.0%, lexical 55.0%.
Development data since. blind8.toml (same design; 18 entries on bundled scripts, 12 on two scripts
its writer wrote, matcher_data/scripts/b8_*) was scored once, blind, on 4 December (thirteenth
session, 647ed46) with the method unchanged: follow-ups 62.5% (75/120), keywords alone 55.0%,
lexical 55.0%. Development data since. blind9.toml (same design; 22 entries on the last unused
follow-ups of bundled scripts, 8 on two scripts its writer wrote, matcher_data/scripts/b9_*) was
scored once, blind, on 5 December (fifteenth session, 4eb3b05) with the method unchanged:
follow-ups 64.2% (77/120), keywords alone 53.3%, lexical 53.3%. Development data since. blind10.toml
(same design; 30 entries on four scripts its writer wrote as a user would, matcher_data/scripts/b10_*)
was scored once, blind, on 5 December (sixteenth session, a2d253e) with the method unchanged:
follow-ups 60.8% (73/120), keywords alone 55.0%, lexical 55.0%. Development data since. blind11.toml
(same design; 30 entries on four scripts its writer wrote as a user would, matcher_data/scripts/b11_*)
was scored once, blind, on 5 December (seventeenth session, 72240ac) with the method unchanged:
follow-ups 50.8% (61/120), keywords alone 40.0%, lexical 42.5%. Development data since. blind12.toml
(40 clarifying entries, 110 asks, 8 entries with no fitting fact, and 30 follow-up entries on four
scripts its writer wrote, matcher_data/scripts/b12_*) was scored once, blind, on 5 December
(seventeenth session, 919d705) with the method unchanged: right fact 87.3% (96/110; keywords
60.9%, lexical 80.9%), follow-ups 64.2% (77/120; keywords 58.3%). Development data since. blind13.toml
(same design; 40 clarifying entries, 96 asks, 9 with no fitting fact, 30 follow-up entries on four
scripts its writer wrote, matcher_data/scripts/b13_*) was scored once, blind, on 5 December
(eighteenth session, 7ce7a89) with the method unchanged: right fact 81.2% (78/96; keywords 40.6%,
lexical 61.5%), follow-ups 59.2% (71/120; keywords 50.8%). Development data since. blind14.toml
(same design; 40 clarifying entries, 96 asks, 8 with no fitting fact, 30 follow-up entries on four
scripts its writer wrote, matcher_data/scripts/b14_*) was scored once, blind, on 5 December
(nineteenth session, d6ae5fe; a672c48's rule on clauses stating what is known, chosen on
development parts, was the only change): right fact 80.2% (77/96; keywords 36.5%,
lexical 63.5%), follow-ups 62.5% (75/120; keywords 53.3%, lexical 52.5%). Development data since. blind15.toml
(same design; 40 clarifying entries, 107 asks, 8 with no fitting fact, 30 follow-up entries on four
scripts its writer wrote, matcher_data/scripts/b15_*) was scored once, blind, on 5 December
(nineteenth session, 3d6b9d7/6ff73da, method unchanged since d6ae5fe): right fact 85.0% (91/107;
keywords 50.5%, lexical 68.2%), follow-ups 61.7% (74/120; keywords 58.3%, lexical 56.7%).
Development data since. blind16.toml (same design; 40 clarifying entries, 101 asks, 8 with no
fitting fact, 30 follow-up entries on four scripts its writer wrote, matcher_data/scripts/b16_*)
was scored once, blind, on 5 December (nineteenth session, 687ca98, method unchanged since
d6ae5fe): right fact 85.1% (86/101; keywords 56.4%, lexical 73.3%), follow-ups 59.2% (71/120;
keywords 60.8%, lexical 62.5%: the model below both). While it was being scored, a check of
the question rules on the typed answers of the matcher and coverage data read its texts too
(the questions found, not the labels); the matcher was not changed. Development data since. A part written later and never tuned on is scored only
when named with --set, once the method is final (its errors are not listed). Three matchers side by side:

  keywords   the script's keywords only, as before issue 12 (a topic's keywords, if_missing words;
             a follow-up without if_missing is always asked)
  lexical    the pure-Python fallback used when the model is missing (bag of word stems + keywords)
  embedding  all-MiniLM-L6-v2 int8 on onnxruntime + keywords (what the app uses)

Targets (on the part named with --set, else blind, embedding): right fact for >= 90% of
clarifying questions, right follow-up decision for >= 90% of answers. Time per match is
measured on this machine (2 cores): the interviewer's answer must start <= 1.5 s after the
question ends.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.adapters.embeddings import OnnxTextEncoder  # noqa: E402  (sets telemetry off)
from interviewer.core.clarifying_responder import ClarifyingResponder  # noqa: E402
from interviewer.core.keywords import keyword_hits  # noqa: E402
from interviewer.core.matching import LexicalEncoder, Matcher, Thresholds, chunks  # noqa: E402
from interviewer.core.scripts.loader import discover_scripts  # noqa: E402
from interviewer.core.scripts.model import FollowUp, Question, RoundScript  # noqa: E402
from interviewer.resources import bundled_scripts_dir  # noqa: E402

DATA = Path(__file__).resolve().parent / "matcher_data"
DEV_PARTS = ("tune", "test", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41", "blind42", "blind43")  # development data; any other part is scored only when named (--set)
TARGET = 0.90


@dataclass(frozen=True)
class AskCase:
    question: Question
    text: str
    topic: str | None  # None: no fact fits
    script: RoundScript | None = None  # the question's script: a topic without a fact of its own
                                       # takes the fact another question shares under its name


@dataclass(frozen=True)
class FollowUpCase:
    follow_up: FollowUp
    said: str
    needed: bool
    question: str = ""  # the main question's text


def load_cases(name: str) -> tuple[list[AskCase], list[FollowUpCase]]:
    # Bundled scripts, plus scripts that a part's writer wrote for it (as a user would write their own).
    scripts = {s.id: s for s in discover_scripts(bundled_scripts_dir(), DATA / "scripts").scripts}
    data = tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))
    asks, follow_ups = [], []
    for entry in data.get("clarifying", []):
        question = scripts[entry["script"]].question(entry["question"])
        topic = entry["topic"] or None
        if topic is not None:
            assert topic in {t.name for t in question.clarifying_topics}, (name, entry)
        asks += [AskCase(question, text, topic, scripts[entry["script"]]) for text in entry["asks"]]
    for entry in data.get("follow_up", []):
        question = scripts[entry["script"]].question(entry["question"])
        follow_up = next(f for f in question.follow_ups if f.id == entry["follow_up"])
        follow_ups += [FollowUpCase(follow_up, text, False, question.text) for text in entry.get("covered", [])]
        follow_ups += [FollowUpCase(follow_up, text, True, question.text) for text in entry.get("missed", [])]
    return asks, follow_ups


# ---------------------------------------------------------------- the keyword-only baseline

class KeywordMatcher:
    """How topics and follow-ups were matched before issue 12: exact keywords only."""

    name = "keywords"

    def reply_topic(self, case: AskCase) -> str | None:
        hits = [(len(keyword_hits(case.text, t.keywords, fuzzy=False)), -i, t.name)
                for i, t in enumerate(case.question.clarifying_topics)]
        best = max(hits, default=(0, 0, None))
        return best[2] if best[0] > 0 else None

    def needed(self, case: FollowUpCase) -> bool:
        if not case.follow_up.if_missing:
            return True
        return not keyword_hits(case.said, case.follow_up.if_missing, fuzzy=False)


class MeaningMatcher:
    def __init__(self, name: str, matcher: Matcher):
        self.name = name
        self.matcher = matcher

    def reply_topic(self, case: AskCase) -> str | None:
        # as the round does (round_session): with the script, for the facts its questions share
        return ClarifyingResponder(case.question, self.matcher, case.script).reply(case.text).topic

    def needed(self, case: FollowUpCase) -> bool:
        return self.matcher.follow_up_needed(case.said, case.follow_up, case.question)


def score(matcher, asks: list[AskCase], follow_ups: list[FollowUpCase]):
    ask_errors = [(c, got) for c in asks if (got := matcher.reply_topic(c)) != c.topic]
    fu_errors = [c for c in follow_ups if matcher.needed(c) != c.needed]
    return ask_errors, fu_errors


def pct(errors: list, cases: list) -> str:
    if not cases:
        return "(none)"  # a part may hold only follow-ups or only clarifying questions
    return f"{100 * (1 - len(errors) / len(cases)):5.1f}% ({len(cases) - len(errors)}/{len(cases)})"


# ---------------------------------------------------------------- timing

def timing(encoder: OnnxTextEncoder, asks: list[AskCase], follow_ups: list[FollowUpCase]) -> None:
    """Time from a finished question to the reply text, with the script side encoded at the
    start of the question (as the round does) and a fresh matcher (nothing of the question cached)."""
    reply_ms, follow_ms = [], []
    for case in asks:
        responder = ClarifyingResponder(case.question, Matcher(encoder))
        started = time.perf_counter()
        responder.reply(case.text)
        reply_ms.append(1000 * (time.perf_counter() - started))
    long_answer = " ".join(c.said for c in follow_ups[:12])  # ~300 words, a two-minute answer
    prepared_ms = []
    for n, case in enumerate(follow_ups[:20]):
        # every sentence new to the encoder's word-piece cache, which outlives a matcher
        said = " ".join(f"In case {n}, {s}" for s in chunks(long_answer + " " + case.said))
        matcher = Matcher(encoder)
        matcher.warm(follow_ups=[case.follow_up])
        started = time.perf_counter()  # the meaning check in full, as when no keyword was said
        matcher.covered_score(said, case.follow_up, case.question)
        follow_ms.append(1000 * (time.perf_counter() - started))
        # as the round does it: what was said encoded as it arrives (prepare_follow_ups, on the
        # transcript's thread), then the decision
        said = said.replace("In case", "For case")
        matcher.prepare_follow_ups(said, [case.follow_up], case.question)
        started = time.perf_counter()
        matcher.follow_up_needed(said, case.follow_up, case.question)
        prepared_ms.append(1000 * (time.perf_counter() - started))
    words = len(long_answer.split())
    print(f"\ntime per match on {os.cpu_count()} cores (embedding, one onnxruntime thread):")
    print(f"  clarifying reply:  median {statistics.median(reply_ms):6.1f} ms, "
          f"max {max(reply_ms):6.1f} ms  (budget 1500 ms from the end of the question)")
    print(f"  follow-up check:   median {statistics.median(follow_ms):6.1f} ms, "
          f"max {max(follow_ms):6.1f} ms  (answer of {words} words, nothing prepared)")
    print(f"  follow-up decision, prepared: median {statistics.median(prepared_ms):6.1f} ms, "
          f"max {max(prepared_ms):6.1f} ms")


# ---------------------------------------------------------------- tuning (tune part only)

class CachedEncoder:
    """Encodes each text once across the many matchers a threshold search builds."""

    def __init__(self, encoder):
        self.encoder, self.name, self.cache = encoder, encoder.name, {}
        if hasattr(encoder, "token_similarities"):  # word-by-word scoring (its own cache)
            self.token_similarities = encoder.token_similarities

    def encode(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        self.cache.update(zip(missing, self.encoder.encode(missing)))
        return [self.cache[t] for t in texts]


def tune(encoder, asks: list[AskCase], follow_ups: list[FollowUpCase]) -> None:
    base = Matcher(encoder).thresholds
    encoder = CachedEncoder(encoder)
    best = None
    for topic in [x / 100 for x in range(20, 71, 2)]:
        for bonus in [x / 100 for x in range(0, 41, 5)]:
            matcher = MeaningMatcher("t", Matcher(encoder, replace(base, topic=topic, keyword_bonus=bonus)))
            errors = len(score(matcher, asks, [])[0])
            if best is None or errors < best[0]:
                best = (errors, topic, bonus)
    print(f"{encoder.name}: best topic threshold {best[1]:.2f}, keyword bonus {best[2]:.2f}: "
          f"{len(asks) - best[0]}/{len(asks)} right")
    if base.covered is None:
        return
    results = []
    for covered in [x / 100 for x in range(30, 81, 1)]:
        matcher = MeaningMatcher("t", Matcher(encoder, replace(base, covered=covered)))
        results.append((len(score(matcher, [], follow_ups)[1]), covered))
    fewest = min(e for e, _ in results)
    tied = [c for e, c in results if e == fewest]
    print(f"{encoder.name}: covered threshold {tied[0]:.2f}..{tied[-1]:.2f} (middle "
          f"{tied[len(tied) // 2]:.2f}): {len(follow_ups) - fewest}/{len(follow_ups)} right")


def fit_logistic(rows: list[tuple[float, ...]], labels: list[int], l2: float = 1.0) -> tuple[float, ...]:
    """Logistic regression (label 1: covered) by gradient descent on standardised features, L2
    penalty `l2` on the weights; returned as (bias, weight per feature) on the raw features."""
    import numpy as np
    x, y = np.array(rows, dtype=float), np.array(labels, dtype=float)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(3000):
        gradient = z.T @ (1 / (1 + np.exp(-z @ w)) - y) / len(y)
        gradient[:-1] += l2 * w[:-1] / len(y)
        w -= 0.5 * gradient
    raw = w[:-1] / scale
    return (float(w[-1] - raw @ mean), *map(float, raw))


CONTEXT_ANSWERS = 3  # --cv also scores each answer said after this many answers to other questions
# The rows the regression is fitted on: each answer alone and after CONTEXT_ANSWERS answers to other
# questions. The engine gives the regression this question's answers only, but those are longer than
# one benchmark answer, and the longer text stands in for that: fitted on the answers alone, --cv
# scored 87.9 % alone but 79.9 / 73.0 % after 3 / 8 answers (fitted on both: 87.0, 81.3, 75.9 %).
FIT_SETTINGS = ("alone", f"after {CONTEXT_ANSWERS}")
# L2 penalty of the regression (standardised features). 1.0 until blind3 became development data;
# with five parts, --cv pooled alone / after 3 / after 8: 87.0 / 81.3 / 75.9 % at 1, 87.2 / 81.6 /
# 76.4 at 2, 87.5 / 81.8 / 76.8 at 3, 87.5 / 81.8 / 77.1 at 4 and 5, 87.0 / 82.3 / 77.3 at 7.
FIT_L2 = 4.0


def follow_up_cv(encoder, parts: dict[str, tuple[list[AskCase], list[FollowUpCase]]]) -> None:
    """Leave one part out, for the decision when no if_missing word was said: (1) the two
    thresholds (sentence similarity `covered`, keyword recall `keyword_recall`; the middle of the
    best plateau on the other parts), (2) the logistic regression over coverage, keyword recall
    and question similarity (Thresholds.follow_up_weights) fitted on the other parts; each scored
    on the part left out. In a round the matcher reads the whole round, so each answer is also
    scored after CONTEXT_ANSWERS answers to other questions of its part (drawn at random, fixed
    seed), and the regression is fitted on both (alone, 3 before); it is also scored after 8
    (never fitted on). Then the regression fitted on all parts: the weights for THRESHOLDS."""
    import random
    base = Matcher(encoder).thresholds
    matcher = Matcher(encoder)

    def features(said: str, c: FollowUpCase) -> tuple:
        # (an if_missing word said, coverage, question similarity, keyword recall, statement
        # coverage, its question similarity, needed)
        return (bool(c.follow_up.if_missing and keyword_hits(said, c.follow_up.if_missing)),
                *matcher.coverage_and_question_similarity(said, c.follow_up, c.question),
                matcher.keyword_recall(said, c.follow_up.if_missing),
                *matcher.statement_coverage(said, c.follow_up, c.question), c.needed)

    settings = ("alone", f"after {CONTEXT_ANSWERS}", "after 8")
    scored: dict[tuple[str, str], list[tuple]] = {}
    for name, (_, follow_ups) in parts.items():
        draw = random.Random(f"{name}-context")
        for setting, n in zip(settings, (0, CONTEXT_ANSWERS, 8)):
            scored[(name, setting)] = [features("\n".join(
                [o.said for o in draw.sample([o for o in follow_ups if o.question != c.question], n)] + [c.said]), c)
                for c in follow_ups]
    grid = [(covered, recall) for covered in [x / 100 for x in range(56, 81, 2)] + [9.0]
            for recall in [x / 100 for x in range(50, 95, 2)] + [9.0]]

    def right(rows, covered: float, recall: float) -> int:
        return sum((not (said or sim >= covered or kr >= recall)) == needed for said, sim, _, kr, *_, needed in rows)

    def inputs(row, statements: bool) -> tuple[float, ...]:
        _, sim, q, kr, st, stq, _ = row
        return (sim, kr, q, st, stq) if statements else (sim, kr, q)

    def fit(rows, statements: bool = True) -> tuple[float, ...]:
        rows = [r for r in rows if not r[0]]  # a keyword said decides alone
        return fit_logistic([inputs(r, statements) for r in rows], [int(not r[-1]) for r in rows], FIT_L2)

    def right_weighted(rows, w: tuple[float, ...]) -> int:
        return sum((not (r[0] or w[0] + sum(a * b for a, b in zip(w[1:], inputs(r, len(w) > 4))) >= 0)) == r[-1]
                   for r in rows)

    def right_keywords(rows) -> int:  # keywords alone (fuzzy, as the matcher): a follow-up without if_missing is asked
        return sum((not r[0]) == r[-1] for r in rows)

    print(f"follow-up decisions, leave one part out (thresholds now: covered {base.covered}, keyword_recall "
          f"{base.keyword_recall}; 9.0 = not used; weights now: {base.follow_up_weights}); right with keywords "
          f"alone / the thresholds / the regression without statements (3 inputs) / with them (5 inputs), for "
          f"the answer {' / '.join(settings)}:")
    methods = ("k", "t", "r3", "r5")
    totals: dict[tuple[str, str], int] = {}
    para_totals = [0, 0]  # keyword-free paraphrases skipped, of all
    for name in parts:
        train = [r for other in parts if other != name for r in scored[(other, settings[0])]]
        results = [(right(train, *g), g) for g in grid]
        best = max(r for r, _ in results)
        tied = [g for r, g in results if r == best]
        covered, recall = tied[len(tied) // 2]
        fitted = [r for other in parts if other != name for setting in FIT_SETTINGS for r in scored[(other, setting)]]
        weights3, weights = fit(fitted, statements=False), fit(fitted)
        cells = []
        for setting in settings:
            rows = scored[(name, setting)]
            got = dict(zip(methods, (right_keywords(rows), right(rows, covered, recall),
                                     right_weighted(rows, weights3), right_weighted(rows, weights))))
            for m in methods:
                totals[(m, setting)] = totals.get((m, setting), 0) + got[m]
            cells.append(" / ".join(f"{100 * got[m] / len(rows):.1f}" for m in methods) + "%")
        paraphrases = [r for r in scored[(name, settings[0])] if not r[0] and not r[-1]]  # covered, no keyword said
        skipped = right_weighted(paraphrases, weights)
        para_totals[0] += skipped
        para_totals[1] += len(paraphrases)
        print(f"  {name:6s} left out ({len(scored[(name, settings[0])])}): {';  '.join(cells)};  paraphrases "
              f"{skipped}/{len(paraphrases)}   (thresholds {covered:.2f}, {recall:.2f}, {len(tied)} tied; weights "
              f"{', '.join(f'{w:.2f}' for w in weights)})")
    cases = sum(len(scored[(name, settings[0])]) for name in parts)
    print(f"  pooled ({cases}): " + ";  ".join(
        " / ".join(f"{100 * totals[(m, s)] / cases:.1f}" for m in methods) + "%" for s in settings)
        + f";  paraphrases {para_totals[0]}/{para_totals[1]} (covered answers with no if_missing word said, "
          f"skipped by the regression with statements)")
    everything = [r for name in parts for r in scored[(name, settings[0])]]
    weights = fit([r for name in parts for setting in FIT_SETTINGS for r in scored[(name, setting)]])
    print(f"  regression fitted on all parts (bias, coverage, keyword recall, question similarity, statement "
          f"coverage, its question similarity): ({', '.join(f'{w:.2f}' for w in weights)}): "
          f"{right_weighted(everything, weights)}/{len(everything)} in sample, alone; shipped weights: "
          f"{right_weighted(everything, base.follow_up_weights)}/{len(everything)}")
    results = [(right(everything, *g), g) for g in grid]
    best = max(r for r, _ in results)
    tied = [g for r, g in results if r == best]
    print(f"  thresholds on all parts: best {best}/{len(everything)}, {len(tied)} tied, e.g. {tied[0]} .. "
          f"{tied[-1]}, middle {tied[len(tied) // 2]}")


def earlier_apart(encoder, parts: dict[str, tuple[list[AskCase], list[FollowUpCase]]]) -> None:
    """The shipped decision (THRESHOLDS, fitted on all parts) after 0, 3 and 8 answers to other
    questions (drawn as in --cv), the earlier answers given as one text with the answer (as the
    engine did before) or apart (`earlier`: counted through the follow-up's words or a close
    paraphrase only). Side by side in one run; in sample for the regression's weights."""
    import random
    matcher = Matcher(encoder)
    print("follow-up decisions with the shipped weights, earlier answers joined to the answer / kept apart:")
    totals: dict[tuple[int, bool], int] = {}
    cases = 0
    for name, (_, follow_ups) in parts.items():
        cells = []
        for n in (0, CONTEXT_ANSWERS, 8):
            draw = random.Random(f"{name}-context")
            if n != 0:  # the same draws as --cv: one sample per setting, in its order
                for m in (0, CONTEXT_ANSWERS, 8):
                    if m == n:
                        break
                    [draw.sample([o for o in follow_ups if o.question != c.question], m) for c in follow_ups]
            right = {False: 0, True: 0}
            for c in follow_ups:
                others = "\n".join(o.said for o in draw.sample([o for o in follow_ups if o.question != c.question], n))
                joined = matcher.follow_up_needed(f"{others}\n{c.said}".strip(), c.follow_up, c.question)
                apart = matcher.follow_up_needed(c.said, c.follow_up, c.question, earlier=others)
                right[False] += joined == c.needed
                right[True] += apart == c.needed
            for apart_ in (False, True):
                totals[(n, apart_)] = totals.get((n, apart_), 0) + right[apart_]
            cells.append(f"{n} before: {100 * right[False] / len(follow_ups):.1f} / {100 * right[True] / len(follow_ups):.1f}%")
        cases += len(follow_ups)
        print(f"  {name:6s} ({len(follow_ups)}): " + ";  ".join(cells))
    print(f"  pooled ({cases}): " + ";  ".join(
        f"{n} before: {100 * totals[(n, False)] / cases:.1f} / {100 * totals[(n, True)] / cases:.1f}%"
        for n in (0, CONTEXT_ANSWERS, 8)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong decision")
    parser.add_argument("--tune", action="store_true", help="search thresholds on the tune and test parts")
    parser.add_argument("--cv", action="store_true",
                        help="follow-up thresholds chosen leaving one development part out, scored on it")
    parser.add_argument("--set", action="append", default=[], metavar="NAME",
                        help="also score matcher_data/NAME.toml, a part never used to tune (e.g. blind5: "
                             "run it once the method is final; its errors are not listed; development parts, "
                             f"always scored: {', '.join(DEV_PARTS)})")
    args = parser.parse_args()

    names = DEV_PARTS + tuple(n for n in args.set if n not in DEV_PARTS)
    parts = {name: load_cases(name) for name in names}
    started = time.perf_counter()
    onnx = OnnxTextEncoder()
    print(f"embedding model loaded in {time.perf_counter() - started:.2f} s ({onnx.path})")
    if args.tune:
        for encoder in (LexicalEncoder(), onnx):
            tune(encoder, [a for n in DEV_PARTS for a in parts[n][0]], [f for n in DEV_PARTS for f in parts[n][1]])
        return 0
    if args.cv:
        follow_up_cv(onnx, {n: parts[n] for n in DEV_PARTS})
        earlier_apart(onnx, {n: parts[n] for n in DEV_PARTS})
        return 0

    matchers = [KeywordMatcher(), MeaningMatcher("lexical", Matcher(LexicalEncoder())),
                MeaningMatcher("embedding", Matcher(onnx))]
    results = {(m.name, part): score(m, *cases) for m in matchers for part, cases in parts.items()}
    for part, (asks, follow_ups) in parts.items():
        note = {"tune": "used to tune", "test": "scored blind once, development data since",
                "blind": "scored blind once, development data since",
                "blind2": "scored blind once, development data since",
                "blind3": "scored blind once, development data since",
                "blind4": "scored blind once, development data since",
                "blind5": "scored blind once, development data since",
                "blind6": "scored blind once, development data since",
                "blind7": "scored blind once, development data since",
                "blind8": "scored blind once, development data since",
                "blind9": "scored blind once, development data since",
                "blind10": "scored blind once, development data since", "blind11": "scored blind once, development data since", "blind12": "scored blind once, development data since", "blind13": "scored blind once, development data since", "blind14": "scored blind once, development data since", "blind15": "scored blind once, development data since", "blind16": "scored blind once, development data since", "blind17": "scored blind once, development data since", "blind18": "scored blind once, development data since", "blind19": "scored blind once, development data since", "blind20": "scored blind once, development data since", "blind21": "scored blind once, development data since", "blind22": "scored blind once, development data since", "blind23": "scored blind once, development data since", "blind24": "scored blind once, development data since", "blind25": "scored blind once, development data since", "blind26": "scored blind once, development data since", "blind27": "scored blind once, development data since", "blind28": "scored blind once, development data since", "blind29": "scored blind once, development data since", "blind30": "scored blind once, development data since", "blind31": "scored blind once, development data since", "blind32": "scored blind once, development data since", "blind33": "scored blind once, development data since", "blind34": "scored blind once, development data since", "blind35": "scored blind once, development data since", "blind36": "scored blind once, development data since", "blind37": "scored blind once, development data since", "blind38": "scored blind once, development data since", "blind39": "scored blind once, development data since", "blind40": "scored blind once, development data since", "blind41": "scored blind once, development data since", "blind42": "scored blind once, development data since", "blind43": "scored blind once, development data since"}.get(part, "never used to tune")
        print(f"\n{part} part ({note}): {len(asks)} clarifying questions, "
              f"{len(follow_ups)} follow-up decisions")
        print(f"  {'matcher':<10} {'right fact':>20} {'right follow-up':>22}")
        for m in matchers:
            ask_errors, fu_errors = results[(m.name, part)]
            print(f"  {m.name:<10} {pct(ask_errors, asks):>20} {pct(fu_errors, follow_ups):>22}")
    scored = names[-1]  # the part the targets are judged on: a part given with --set, else the last dev part
    timed_asks = parts[scored][0] or [a for n in DEV_PARTS for a in parts[n][0]]  # a part may have no questions
    timing(onnx, timed_asks, parts[scored][1] or [f for n in DEV_PARTS for f in parts[n][1]])

    if args.errors:
        for m in matchers[1:]:
            for part in DEV_PARTS:  # a part given with --set is not for reading
                ask_errors, fu_errors = results[(m.name, part)]
                print(f"\n{m.name} errors on {part}:")
                for case, got in ask_errors:
                    print(f"  ask  [{case.question.id}] {case.text!r}: want {case.topic}, got {got}")
                for case in fu_errors:
                    want = "ask" if case.needed else "skip"
                    print(f"  fu   [{case.follow_up.id}] want {want}: {case.said!r}")

    asks, follow_ups = parts[scored]
    ask_errors, fu_errors = results[("embedding", scored)]
    ok = all(1 - len(errors) / len(cases) >= TARGET
             for errors, cases in ((ask_errors, asks), (fu_errors, follow_ups)) if cases)
    print(f"\ntargets on the {scored} part (>= {TARGET:.0%} each, embedding): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
