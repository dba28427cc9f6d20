"""Where in the words of a transcript each filler and each pause sits, as word positions.

Every view (live transcript, review, exports, command line) marks fillers and places pause
markers from these positions, computed once here, instead of matching times again: times
are moved after the fact (hesitations onto the audio's speech regions, pauses onto the
voice-activity detector's edges) and Whisper stamps the word after a silence too early.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from interviewer.core.analysis.fillers import (
    Filler, drop_hesitations_on_blips, find_disfluencies, find_fillers, is_hesitation,
)
from interviewer.core.analysis.tokens import Token, normalize, spoken_word_indexes, tokenize
from interviewer.core.transcript import SpeechRegion, Word


def token_words(words: Sequence[Word]) -> list[int]:
    """For each token of `tokenize(words)`, the index of its word (punctuation-only words,
    laughter and bracketed notes such as "[laughter]" make no token)."""
    return spoken_word_indexes(list(words))


def filler_word_groups(fillers: list[Filler], tokens: list[Token], words: Sequence[Word]) -> list[list[int]]:
    """For each of `fillers` (as find_fillers gave them, before any retiming: they start on
    their first token and end on their last), the indexes into `words` of its words: "you
    know" is one filler over two words, and counts once."""
    word_of = token_words(words)
    groups: list[list[int]] = []
    k = 0
    for f in sorted(fillers, key=lambda f: f.start):
        if f.token is not None:  # found on this token: its start may tie with the word beside it
            k = f.token
        while k < len(tokens) and tokens[k].start < f.start - 1e-6:
            k += 1
        if k >= len(tokens):
            break
        n = max(1, len(f.text.split()))
        j = k
        group: list[int] = []
        while j < len(tokens) and j - k < n and tokens[j].end <= f.end + 1e-6:
            group.append(word_of[j])
            j += 1
        groups.append(group)
        k = max(j, k + 1)
    return groups


def filler_word_indexes(fillers: list[Filler], tokens: list[Token], words: Sequence[Word]) -> list[int]:
    """Indexes into `words` of the words that make up `fillers` (see filler_word_groups)."""
    return sorted({i for group in filler_word_groups(fillers, tokens, words) for i in group})


def disfluency_word_indexes(disfluencies: list[Filler], tokens: list[Token], words: Sequence[Word]) -> list[int]:
    """Indexes into `words` of the words of each repetition, cut-off word and restart
    (fillers.find_disfluencies): the tokens inside its span, without the hesitations in it
    ("the, uh, the": both "the"; the "uh" stays a filler)."""
    word_of = token_words(words)
    marked = {word_of[k] for d in disfluencies for k, t in enumerate(tokens)
              if d.start - 1e-6 <= t.start and t.end <= d.end + 1e-6 and not is_hesitation(t.norm)}
    return sorted(marked)


def filler_groups(words: Sequence[Word], regions: list[SpeechRegion] | None = None) -> list[list[int]]:
    """The fillers the analysis counts, each as the indexes of its words, for a transcript
    still being spoken (the live view) or finished: the same rule `analyze_answer` applies, so
    len() of it is the review's filler count (a count of marked words said 3 for "Um ... you
    know", the review 2: new-user trial 20)."""
    tokens = tokenize(list(words))
    fillers = find_fillers(tokens, regions)
    if regions:
        fillers = drop_hesitations_on_blips(fillers, tokens, regions)
    return filler_word_groups(fillers, tokens, words)


def filler_marks(words: Sequence[Word], regions: list[SpeechRegion] | None = None) -> list[int]:
    """The words the analysis counts as fillers' words (see filler_groups)."""
    return sorted({i for group in filler_groups(words, regions) for i in group})


def word_after(starts_ends: Sequence[tuple[float, float]], pause_start: float, pause_end: float) -> int:
    """Position of the first word spoken after a pause: the first word whose middle lies past
    the middle of the silence. Whisper often stretches the word after a silence back into it
    (or the word before it forwards), so a word's start alone misplaces the pause by a word."""
    middle = (pause_start + pause_end) / 2
    for i, (s, e) in enumerate(starts_ends):
        if (s + e) / 2 >= middle:
            return i
    return len(starts_ends)


@dataclass(frozen=True)
class Mark:
    """A piece of an answer's transcript as every view shows it: a word, a filler word, a word
    of a repetition, cut-off word or restart ("disfluency", with `detail` its kind), or a
    pause (placed before the word said after it)."""

    kind: str  # "word", "filler", "disfluency" or "pause"
    text: str  # the word as transcribed; for a pause, its length as "2.5 s"
    start: float  # seconds into the answer's audio
    seconds: float = 0.0  # a pause's length
    detail: str = ""  # a disfluency's kind: "repetition", "cut_off" or "restart"; "wait": a pause waiting for the interviewer


def pause_word(detail: str) -> str:
    """How every transcript names a pause mark: "waited" for a wait for the interviewer."""
    return "waited" if detail == "wait" else "pause"


def transcript_marks(analysis: dict | None, words: Sequence[Word] = (),
                     regions: list[SpeechRegion] | None = None, min_pause_s: float = 1.0) -> list[Mark]:
    """The marked transcript of one answer from its stored analysis (`AnswerAnalysis.to_dict()`):
    its words, filler positions and pauses. Without an analysis (not analysed yet) the words
    and speech regions of the transcript are marked by the same rules."""
    a = analysis if isinstance(analysis, dict) else {}
    if not {"words", "fillers", "pauses"} & set(a):
        a = {}  # counts only (no positions): mark the transcript by the analysis' rules
    if a.get("words"):
        spans = [(str(w.get("text", "")).strip(), float(w["start"]), float(w["end"])) for w in a["words"]]
    else:
        spans = [(w.text.strip(), w.start, w.end) for w in words]
    times = [(s, e) for _, s, e in spans]
    if "filler_words" in a:
        fillers = {int(i) for i in a.get("filler_words") or []}
    elif a:  # stored before filler positions were: the words inside each filler's span
        found = [(float(f["start"]), float(f["end"])) for f in a.get("fillers") or []]
        fillers = {i for i, (s, e) in enumerate(times) if any(fs - 1e-3 <= s and e <= fe + 1e-3 for fs, fe in found)}
    else:
        fillers = set(filler_marks([Word(t, s, e) for t, s, e in spans], regions))
    waits: set[float] = set()
    if a:
        pauses = [(float(p["start"]), float(p["end"]),
                   int(p["word_index"]) if p.get("word_index") is not None
                   else word_after(times, float(p["start"]), float(p["end"])))
                  for p in a.get("pauses") or []]
        # (imported here: summary imports this module through report)
        from interviewer.core.analysis.summary import candidate_waits

        # A wait for the interviewer is marked so, by the rule of the review's "Waited ..."
        # finding: two "[pause]" marks beside "Long pauses 1" read as a miscount (trial 19). Any
        # other silence, long pause or breath between sentences, is the candidate's "[pause]"
        # (trial 36: "[waited 2.4 s]" inside a story, where nobody was waited for).
        waits = {float(p["start"]) for p in candidate_waits(a)}
    else:
        gaps = [(r0.end, r1.start) for r0, r1 in zip(regions or [], (regions or [])[1:])
                if r1.start - r0.end >= min_pause_s]
        pauses = [(s, e, word_after(times, s, e)) for s, e in gaps]
    disfluent = _disfluency_kinds(a, spans, times)
    before: dict[int, list[tuple[float, float]]] = {}
    for s, e, i in pauses:
        before.setdefault(min(i, len(spans)), []).append((s, e))
    out: list[Mark] = []
    # The silence before this part when it went on with the answer before it (resumed over the
    # interviewer's "Okay, thanks."): a pause inside the answer, counted as one (summary.
    # long_pause_count), so marked before its first word too (trial 31: "Long pauses: 1", and
    # no mark; the interviewer's line stood where the pause was).
    from interviewer.core.analysis.summary import pause_before

    before_part = pause_before(a) if a else 0.0
    if before_part >= min_pause_s and spans:
        out.append(Mark("pause", f"{before_part:.1f} s", max(0.0, spans[0][1] - before_part), before_part))
    for i in range(len(spans) + 1):
        for s, e in sorted(before.get(i, [])):
            out.append(Mark("pause", f"{e - s:.1f} s", s, e - s, detail="wait" if s in waits else ""))
        if i < len(spans):
            text, s, _ = spans[i]
            if i in fillers:
                out.append(Mark("filler", text, s))
            elif i in disfluent:
                out.append(Mark("disfluency", text, s, detail=disfluent[i]))
            else:
                out.append(Mark("word", text, s))
    return out


def _disfluency_kinds(a: dict, spans: list[tuple[str, float, float]],
                      times: list[tuple[float, float]]) -> dict[int, str]:
    """Word index -> kind of the repetition, cut-off word or restart it is part of: from the
    analysis' positions, else (stored before they were) the words inside each one's span,
    else (not analysed) found in the words by the analysis' rule."""
    found = a.get("disfluencies") if a else None
    if a and "disfluency_words" in a and isinstance(found, list):
        kinds = {}
        for i in a.get("disfluency_words") or []:
            s, e = times[int(i)] if int(i) < len(times) else (0.0, 0.0)
            kinds[int(i)] = next((str(d.get("kind", "")) for d in found
                                  if float(d["start"]) - 1e-3 <= s and e <= float(d["end"]) + 1e-3), "repetition")
        return kinds
    if isinstance(found, list):
        return {i: str(d.get("kind", "")) for d in found for i, (s, e) in enumerate(times)
                if float(d["start"]) - 1e-3 <= s and e <= float(d["end"]) + 1e-3
                and not is_hesitation(normalize(spans[i][0]))}
    if a:
        return {}  # analysed before disfluencies were reported: none are shown
    words = [Word(t, s, e) for t, s, e in spans]
    tokens = tokenize(words)
    found_now = find_disfluencies(tokens)
    return {i: str(d.kind) for d in found_now for i in disfluency_word_indexes([d], tokens, words)}
