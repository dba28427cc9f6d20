"""A round as Markdown: readable as plain text, renders well anywhere."""
from __future__ import annotations

import re

from interviewer.core.analysis.marks import pause_word
from interviewer.core.analysis.ten_seconds import HEADING as TEN_SECONDS
from interviewer.core.analysis.ten_seconds import NOTE as TEN_SECONDS_NOTE
from interviewer.core.transcript import join_words
from interviewer.export import coverage_section
from interviewer.export.report import (
    TRANSCRIPT_LEGEND, SessionReport, Token, answer_label, finding_line, highlight_line, no_words_text,
    token_runs, transcript_paragraphs,
)


def _escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def _as_is(text: str) -> str:
    """For a terminal, which shows Markdown as typed: 'ml_breadth_applied', not 'ml\\_breadth\\_applied'."""
    return text


def _transcript(tokens: list[Token], esc=_escape) -> str:
    """The words, with the interviewer's replies as quoted paragraphs between them."""
    return "\n\n".join(_said(p[0], esc) if p[0].kind == "reply" else _words(p, esc)
                       for p in transcript_paragraphs(tokens))


def one_line(text: str) -> str:
    """Text for a heading or a list item, which end at a line break: paragraphs joined."""
    return " ".join(text.split())


def _quoted(text: str) -> str:
    """Text inside a '> ' quote: a second paragraph (a blank line in the script) stays in it."""
    return "\n>\n> ".join(one_line(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def _said(t: Token, esc=_escape) -> str:
    """What the interviewer said, with its round time; a pause of the round, in italics."""
    if not t.speaker:
        return f"> **At {t.detail}:** _{one_line(esc(t.text))}_"
    return f"> **Interviewer{' at ' + t.detail if t.detail else ''}:** {_quoted(esc(t.text))}"


def _words(tokens: list[Token], esc=_escape) -> str:
    parts, said = [], []  # the pieces, and the word each starts with ("" for a pause)
    for run in token_runs(tokens):
        t = run[0]
        said.append("" if t.kind == "pause" else t.text)
        if t.kind == "disfluency":  # one italic run per repetition, cut-off word or restart
            parts.append("*" + join_words([esc(w.text) for w in run], [w.text for w in run]) + "*")
        elif t.kind == "filler":
            parts.append(f"**{esc(t.text)}**")
        elif t.kind == "pause":
            parts.append(f"_[{pause_word(t.detail)} {t.text}]_")
        else:
            parts.append(esc(t.text))
    return join_words(parts, said)  # "one-hot", "1%": Whisper gives them as two words


def _table(rows: list[dict[str, str]], esc=_escape) -> list[str]:
    if not rows:
        return []
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(esc(r[h]) for h in head) + " |" for r in rows]
    return lines + [""]


def render_markdown(report: SessionReport, escape: bool = True) -> str:
    """The round as Markdown; escape=False leaves out the backslash escapes (the text of
    `interviewer sessions show` on a terminal, where nothing renders them). Exported files keep them."""
    esc = _escape if escape else _as_is
    s = report.session
    lines = [f"# {esc(report.heading)}", ""]
    if report.ten_seconds:  # first, as on screen (it came after 17 lines of facts: trial 16)
        lines += [f"## {TEN_SECONDS}", ""]
        for column in report.ten_seconds:
            lines += [f"**{column.title}**", ""]
            lines += ([f"{n}. {esc(highlight_line(h))}" for n, h in enumerate(column.items, start=1)]
                      or [esc(column.empty)]) + [""]
            lines += [line for h in column.notes for line in (f"_{TEN_SECONDS_NOTE}:_ {esc(highlight_line(h))}", "")]
    lines += [f"- **{k}:** {esc(v)}" for k, v in report.facts.items()] + [""]
    if report.phases:
        lines += ["## Parts", ""] + _table(report.phases, esc)
    if report.round_findings:
        lines += ["## Round findings", ""]
        lines += [f"- {esc(finding_line(f, report.label_of(f)))}" for f in report.round_findings] + [""]
    lines += ["## Answers", ""]
    if report.answers:
        lines += [f"In the transcripts: **bold** = {TRANSCRIPT_LEGEND['filler']}; "
                  f"*italic* = {TRANSCRIPT_LEGEND['disfluency']}; "
                  f"_[pause 2.5 s]_ = {TRANSCRIPT_LEGEND['pause']}.", ""]
    if not report.answers:
        lines += ["No answers were recorded.", ""]
    for a in report.answers:
        label = answer_label(a.answer, report.session.kind, first=a is report.answers[0])
        lines += [line for t in a.said_before for line in (_said(t, esc), "")]
        lines += [f"### {a.number}. {esc(one_line(a.title))}", "",
                  f"_{esc(label)}_", ""]
        if a.audio_missing:
            lines += [f"> Recording missing: {esc(p.audio_path or '')}" for p in a.parts or [a.answer]
                      if p.audio_path in report.missing_audio] + [""]
        lines += [_transcript(a.tokens, esc) if a.tokens else f"_({no_words_text(a.parts or [a.answer])})_", ""]
        if a.numbers:
            lines += [" · ".join(f"{k}: {esc(v)}" for k, v in a.numbers.items()), ""]
        if a.findings:
            lines += [f"- {esc(finding_line(f, report.label_of(f)))}" for f in a.findings] + [""]
    lines += [line for t in report.said_after for line in (_said(t, esc), "")]
    lines += coverage_section.markdown(report.coverage, report.phase_coverage, report.answer_numbers(), esc,
                                       report.script_found, report.part_starts(), report.no_script)
    if s.scratchpad.strip():
        fence = "~~~~" if "```" in s.scratchpad else "```"
        lines += ["## Scratchpad", "", fence, s.scratchpad.rstrip("\n"), fence, ""]
    if s.debrief:
        lines += ["## Self-debrief", ""]
        for d in s.debrief:
            rating = f" (self-rating {d.self_rating}/5)" if d.self_rating else ""
            # Only rated: the heading says it all (no "spoken answer" that was never recorded).
            said = esc(d.text) or ("_(spoken answer only)_" if d.audio_path else "")
            lines += [f"**{esc(d.prompt)}**{rating}", "", *([said, ""] if said else [])]
    return "\n".join(lines).rstrip() + "\n"
