"""Talking-point coverage: why points are wrongly decided, and which changes to the scoring
would generalise (issue 13). Every variant is scored the same honest way: its threshold and
keyword bonus (and its own parameter, where it has one) chosen on five development sets, F1 on
covered points measured on the sixth, each set left out in turn; beside it, keywords alone and
the area under the ROC curve per set (at the middle of the variant's grid; no threshold: how
well the score ranks made points above missed ones).

    .venv/bin/python benchmarks/coverage_variants.py            # variants side by side, error causes
    .venv/bin/python benchmarks/coverage_variants.py --errors   # also list every pooled error

The app's scoring (interviewer/core/analysis/coverage.py, `_aligned_part_scores`) is rebuilt
here from the same word-piece vectors (OnnxTextEncoder) so that variants that need each
word's similarity (a point split into its parts, a sentence's share of words about the point)
cost one encoding of the six sets (about a minute) instead of one per variant. Its numbers are
within 0.02 of benchmarks/coverage_fit.py's for the same choice (int8 activations are quantised
per batch, so a text's vectors move slightly with what it is encoded with).

Result (4 December 2026, all six sets development data): no variant beats the app's scoring on
spoken answers leaving each set out; see docs/analysis.md ("Error analysis, 4 December").
Sets: FIT_SETS only (never a glob: a new held-out set is scored once, with coverage_bench.py).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coverage_bench import load, spoken_sentences  # noqa: E402

from interviewer.core.analysis.coverage import (  # noqa: E402
    MIN_WEIGHT, WINDOW_SENTENCES, _said_keywords, plainly_said, sentences_of_text,
)
from interviewer.core.keywords import STOPWORDS  # noqa: E402

FIT_SETS = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9")
HOWS = ("typed", "spoken")
BONUSES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
THRESHOLDS = [x / 100 for x in range(0, 80)]
PLATEAU = 0.005  # choices within this of the best mean F1 tie; the middle one is taken
# A point's parts: what its commas, colons and brackets separate, and 'and', 'or', 'then', 'with',
# 'not', 'but', 'rather than' (a compound point "X and Y" made by halves is partly made).
PART_BREAK = re.compile(r"[,:;()]|\b(?:and|or|then|with|not|but|rather than)\b", re.I)


@dataclass
class WindowFeatures:
    """One point against one window of up to `size` neighbouring sentences."""

    best: np.ndarray        # per content piece of the point, its best similarity in the window
    weights: np.ndarray     # per piece, 1 - how much the question or a sibling point says it (>= MIN_WEIGHT)
    parts: np.ndarray       # per piece, which part of the point (PART_BREAK) it is in
    point_recall: float     # weighted mean of `best` (the app's)
    keyword_recall: float   # best keyword's mean recall (the app's)
    question_recall: float
    said: bool              # a keyword said (fuzzy), the app's bonus
    plainly: bool           # a keyword said as written
    sentences: tuple[int, ...]
    sibling_recall: float = 0.0   # best point_recall of the question's other points in this window
    share_margin: float = 0.0     # best sentence's share about this point minus its share about a sibling


@dataclass
class Example:
    set: str
    how: str
    case: int
    point: int
    label: int
    windows: list[WindowFeatures] = field(default_factory=list)


class Vectors:
    """Content word-piece vectors of every text, encoded once (the app's OnnxTextEncoder)."""

    def __init__(self, texts: Sequence[str]) -> None:
        from tokenizers import Tokenizer

        from interviewer.adapters.embeddings import OnnxTextEncoder, tokenizer_path
        encoder = OnnxTextEncoder()
        unique = sorted(set(texts), key=len)
        self.vectors = dict(zip(unique, encoder._token_vectors(unique)))
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path()))

    def best(self, target: str, text: str) -> np.ndarray:
        """Per content piece of `target`, its best cosine with any content piece of `text`."""
        return (self.vectors[target] @ self.vectors[text].T).max(axis=1)

    def share(self, text: str, target: str) -> float:
        """How much of `text` is about `target`: the mean over text's pieces of their best cosine there."""
        return float((self.vectors[text] @ self.vectors[target].T).max(axis=1).mean())

    def parts(self, point: str) -> np.ndarray:
        """Each content piece's part of the point (0 for all when the split does not line up)."""
        ids: list[int] = []
        for n, part in enumerate(p for p in PART_BREAK.split(point) if p and p.strip()):
            tokens = self._tokenizer.encode(part, add_special_tokens=False).tokens
            ids += [n] * sum(t.isalnum() and t.lower() not in STOPWORDS for t in tokens)  # as _content_pieces
        return np.array(ids if len(ids) == len(self.vectors[point]) else [0] * len(self.vectors[point]))


def _windows(n: int, size: int) -> list[list[int]]:
    """The app's: every run of `size` neighbouring sentences (fewer when there are fewer); a
    negative size: every run of 1 to -size sentences."""
    if size < 0:
        return [list(range(s, s + k)) for k in range(1, -size + 1) for s in range(n - k + 1)] or [[]]
    return [list(range(s, min(s + size, n))) for s in range(max(1, n - size + 1))]


def point_windows(vec: Vectors, question, sentences: Sequence[str], size: int) -> list[list[WindowFeatures]]:
    """Per point of `question`, its features in each window (coverage.aligned_windows, rebuilt)."""
    points = question.expected_points
    context = [p.text for p in points] + [question.text]
    question_rows = [vec.best(question.text, s) for s in sentences]
    out = []
    for j, point in enumerate(points):
        rows = [vec.best(point.text, s) for s in sentences]
        calibration = [vec.best(point.text, context[k]) for k in range(len(context)) if k != j]
        weights = np.maximum(MIN_WEIGHT, 1.0 - np.max(calibration, axis=0))
        keyword_rows = [[vec.best(k, s) for s in sentences] for k in point.keywords]
        said = [bool(_said_keywords(s, point.keywords)) for s in sentences]
        plain = [bool(plainly_said(s, point.keywords)) for s in sentences]
        parts = vec.parts(point.text)
        windows = []
        for window in _windows(len(sentences), size):
            best = np.max([rows[i] for i in window], axis=0)
            recall = float(best @ weights / weights.sum())
            keyword = max((float(np.mean(np.max([k[i] for i in window], axis=0))) for k in keyword_rows),
                          default=recall)
            asked = float(np.mean(np.max([question_rows[i] for i in window], axis=0)))
            windows.append(WindowFeatures(best, weights, parts, recall, keyword, asked,
                                          any(said[i] for i in window), any(plain[i] for i in window),
                                          tuple(window)))
        out.append(windows)
    for j in range(len(points)):
        for n, w in enumerate(out[j]):
            w.sibling_recall = max((out[k][n].point_recall for k in range(len(points)) if k != j), default=0.0)
            margins = []
            for i in w.sentences:
                shares = [vec.share(sentences[i], p.text) for p in points]
                margins.append(shares[j] - max((s for k, s in enumerate(shares) if k != j), default=0.0))
            w.share_margin = max(margins)
    return out


def examples(size: int = WINDOW_SENTENCES) -> tuple[list[Example], dict]:
    sets = {name: load(name) for name in FIT_SETS}
    said = {}
    for name, cases in sets.items():
        spoken = spoken_sentences(cases)
        for i, case in enumerate(cases):
            said[name, "typed", i] = [s.text for s in sentences_of_text(case.text)]
            said[name, "spoken", i] = [s.text for s in spoken[i]]
    texts = [t for ts in said.values() for t in ts]
    for cases in sets.values():
        for case in cases:
            texts += [case.question.text] + [p.text for p in case.question.expected_points]
            texts += [k for p in case.question.expected_points for k in p.keywords]
    vec = Vectors(texts)
    out = []
    for (name, how, i), sentences in said.items():
        case = sets[name][i]
        for j, windows in enumerate(point_windows(vec, case.question, sentences, size)):
            out.append(Example(name, how, i, j, int(case.point_ids[j] in case.covered), windows))
    return out, {"sets": sets, "said": said}


# ---------------------------------------------------------------- scorings


def shortfall(recall: float, w: WindowFeatures) -> float:
    return min(0.0, recall - max(w.sibling_recall, w.question_recall))


def part_recalls(w: WindowFeatures) -> np.ndarray:
    return np.array([float(w.best[w.parts == p] @ w.weights[w.parts == p] / w.weights[w.parts == p].sum())
                     for p in np.unique(w.parts)])


def but_weakest(parts: np.ndarray) -> float:
    """Mean of a point's parts without its weakest one (of three or more parts)."""
    return float(np.sort(parts)[1:].mean() if len(parts) > 2 else parts.mean())


def app(w: WindowFeatures, bonus: float, recall: float | None = None, keyword_share: float = 0.5) -> float:
    """The app's window score, with another point recall when given."""
    recall = w.point_recall if recall is None else recall
    return (1 - keyword_share) * recall + keyword_share * w.keyword_recall + bonus * w.said + shortfall(recall, w)


Scoring = Callable[[WindowFeatures, tuple], float]
VARIANTS: dict[str, tuple[Scoring, list[tuple]]] = {
    "app (mean of recalls + bonus - shortfall)": (lambda w, p: app(w, p[0]), [(b,) for b in BONUSES]),
    "point recall only (no keyword recall)": (lambda w, p: app(w, p[0], keyword_share=0.0), [(b,) for b in BONUSES]),
    "keyword recall weighted 0.25 / chosen": (lambda w, p: app(w, p[0], keyword_share=p[1]),
                                              [(b, k) for b in BONUSES for k in (0.25, 0.5, 0.75)]),
    "compound: median of its parts": (lambda w, p: app(w, p[0], float(np.median(part_recalls(w)))),
                                      [(b,) for b in BONUSES]),
    "compound: weakest part": (lambda w, p: app(w, p[0], float(part_recalls(w).min())), [(b,) for b in BONUSES]),
    "compound: all parts but the weakest": (lambda w, p: app(w, p[0], but_weakest(part_recalls(w))),
                                            [(b,) for b in BONUSES]),
    "each word must be found: 33rd percentile": (lambda w, p: app(w, p[0], float(np.quantile(w.best, 0.33))),
                                                 [(b,) for b in BONUSES]),
    "shortfall x2": (lambda w, p: app(w, p[0]) + shortfall(w.point_recall, w), [(b,) for b in BONUSES]),
    "+ sentence's share margin over siblings": (lambda w, p: app(w, p[0]) + p[1] * w.share_margin,
                                                [(b, a) for b in BONUSES for a in (0.25, 0.5, 0.75, 1.0)]),
}


def best_score(e: Example, scoring: Scoring, params: tuple) -> float:
    return max(scoring(w, params) for w in e.windows)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def counts(pred: np.ndarray, y: np.ndarray, mask: np.ndarray) -> tuple[int, int, int]:
    return (int(np.sum(pred & (y == 1) & mask)), int(np.sum(pred & (y == 0) & mask)),
            int(np.sum(~pred & (y == 1) & mask)))


def leave_one_set_out(data: list[Example], scoring: Scoring, grid: list[tuple]) -> dict:
    """Per left-out set: (typed F1, spoken F1, params, threshold, predictions); pooled counts."""
    scores = [np.array([best_score(e, scoring, p) for e in data]) for p in grid]
    sets = np.array([e.set for e in data])
    hows = np.array([e.how for e in data])
    y = np.array([e.label for e in data])
    out: dict = {"pooled": {h: [0, 0, 0] for h in HOWS}, "predicted": np.zeros(len(data), bool)}
    for left_out in FIT_SETS:
        train = sets != left_out
        results = []
        for k, s in enumerate(scores):
            for t in THRESHOLDS:
                pred = s >= t
                results.append((np.mean([f1(*counts(pred, y, train & (hows == h))) for h in HOWS]), t, k))
        top = max(r[0] for r in results)
        tied = sorted((t, k) for m, t, k in results if m >= top - PLATEAU)
        t, k = tied[len(tied) // 2]
        pred = scores[k] >= t
        test = sets == left_out
        out["predicted"][test] = pred[test]
        row = []
        for h in HOWS:
            c = counts(pred, y, test & (hows == h))
            out["pooled"][h] = [a + b for a, b in zip(out["pooled"][h], c)]
            row.append(f1(*c))
        out[left_out] = (*row, grid[k], t)
    return out


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    pos, neg = scores[labels == 1], scores[labels == 0]
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg) or 1))


# ---------------------------------------------------------------- error causes


def error_causes(e: Example, w: WindowFeatures, score: float, threshold: float, other_right: bool) -> list[str]:
    """Causes that can be read off the numbers (a wrongly decided point may have several)."""
    causes = []
    if e.how == "spoken" and other_right:
        causes.append("right when typed: speech recognition")
    if e.label == 0:
        if w.plainly:
            causes.append("a keyword said as written, the point not made")
        elif w.said:
            causes.append("a keyword's near spelling said")
        if w.keyword_recall - w.point_recall > 0.25:
            causes.append("keyword recall carries it (a keyword's words, not the point's)")
        if w.sibling_recall > w.point_recall:
            causes.append("a sibling point scores higher there (shortfall too small)")
        parts = part_recalls(w)
        if len(parts) > 1 and parts.max() - parts.min() > 0.25:
            causes.append("compound point: one part far weaker")
        if score - threshold < 0.05:
            causes.append("within 0.05 above the threshold")
    else:
        causes.append("far below (plain words, or lost)" if score < threshold - 0.1 else "within 0.1 below")
        if shortfall(w.point_recall, w) < 0:
            causes.append("lowered by the shortfall (a sibling or the question scores higher)")
        if len(w.sentences) > 1:
            causes.append("best window spans several sentences")
    return causes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every pooled error of the app's scoring")
    parser.add_argument("--windows", action="store_true",
                        help="also score windows of 1, 2 and 4 sentences, and every window of 1 to 3")
    args = parser.parse_args()
    data, context = examples()
    y = np.array([e.label for e in data])
    sets = np.array([e.set for e in data])
    hows = np.array([e.how for e in data])

    print("F1 on covered points, each set left out (typed / spoken); pooled over the six left-out sets; "
          "AUC per set (typed and spoken together)")
    print("sets: " + ", ".join(FIT_SETS))
    floor = [f1(*counts(np.ones(len(data), bool), y, (sets == s) & (hows == "spoken"))) for s in FIT_SETS]
    print(f"{'every point called covered':44s} " + "  ".join(f"{x:.3f}" for x in floor))
    said = np.array([any(w.said for w in e.windows) for e in data])
    print(f"{'keywords alone':44s} " + "  ".join(
        f"{f1(*counts(said, y, (sets == s) & (hows == 'typed'))):.3f}/"
        f"{f1(*counts(said, y, (sets == s) & (hows == 'spoken'))):.3f}" for s in FIT_SETS) +
        "  | pooled " + "/".join(f"{f1(*counts(said, y, hows == h)):.3f}" for h in HOWS))
    app_result = None
    for name, (scoring, grid) in VARIANTS.items():
        result = leave_one_set_out(data, scoring, grid)
        app_result = app_result or result
        pooled = "/".join(f"{f1(*result['pooled'][h]):.3f}" for h in HOWS)
        mid = np.array([best_score(e, scoring, grid[len(grid) // 2]) for e in data])
        print(f"{name:44s} " + "  ".join(f"{result[s][0]:.3f}/{result[s][1]:.3f}" for s in FIT_SETS) +
              f"  | pooled {pooled}, mean spoken {np.mean([result[s][1] for s in FIT_SETS]):.3f}")
        print(f"{'':44s} AUC " + " ".join(f"{auc(mid[sets == s], y[sets == s]):.3f}" for s in FIT_SETS) +
              f" pooled {auc(mid, y):.3f}; chosen " + ", ".join(f"{s} {result[s][2]} {result[s][3]:.2f}"
                                                               for s in FIT_SETS))
    if args.windows:
        for size in (1, 2, 4, -3):
            other, _ = examples(size)
            scoring, grid = VARIANTS["app (mean of recalls + bonus - shortfall)"]
            result = leave_one_set_out(other, scoring, grid)
            label = f"app, windows of {size} sentences" if size > 0 else f"app, every window of 1-{-size} sentences"
            print(f"{label:44s} " + "  ".join(
                f"{result[s][0]:.3f}/{result[s][1]:.3f}" for s in FIT_SETS) + "  | pooled " +
                "/".join(f"{f1(*result['pooled'][h]):.3f}" for h in HOWS))

    # Error causes of the app's scoring, pooled over the six left-out sets.
    assert app_result is not None
    scoring, grid = VARIANTS["app (mean of recalls + bonus - shortfall)"]
    index = {(e.set, e.how, e.case, e.point): n for n, e in enumerate(data)}
    causes: Counter = Counter()
    totals: Counter = Counter()
    listing = []
    for n, e in enumerate(data):
        predicted = bool(app_result["predicted"][n])
        if predicted == bool(e.label):
            continue
        params, threshold = app_result[e.set][2], app_result[e.set][3]
        w = max(e.windows, key=lambda w: scoring(w, params))
        other = index[e.set, "typed" if e.how == "spoken" else "spoken", e.case, e.point]
        other_right = bool(app_result["predicted"][other]) == bool(data[other].label)
        kind = "FP" if predicted else "FN"
        totals[kind, e.how] += 1
        for cause in error_causes(e, w, scoring(w, params), threshold, other_right) or ["(none of these)"]:
            causes[kind, e.how, cause] += 1
        if args.errors:
            case = context["sets"][e.set][e.case]
            text = " | ".join(context["said"][e.set, e.how, e.case][i] for i in w.sentences)
            listing.append(f"  {kind} {e.set}/{case.question.id}/{case.point_ids[e.point]} [{case.writer}] {e.how} "
                           f"score {scoring(w, params):.2f} (threshold {threshold:.2f})\n"
                           f"     point: {case.question.expected_points[e.point].text}\n     said: {text[:300]}")
    print("\nErrors of the app's scoring, pooled over the left-out sets, by cause (one error may have several):")
    for kind, how in sorted(totals):
        negatives = int(np.sum((y == (0 if kind == "FP" else 1)) & (hows == how)))
        print(f"  {kind} {how}: {totals[kind, how]} of {negatives} "
              f"{'points not made' if kind == 'FP' else 'points made'}")
        for (k, h, cause), n in causes.most_common():
            if (k, h) == (kind, how):
                print(f"      {n:4d}  {cause}")
    if listing:
        print("\n".join(listing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
