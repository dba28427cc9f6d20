"""Export a stored round: Markdown, self-contained HTML, PDF, JSON, and its audio as WAV or FLAC.

    from interviewer.export import export_session
    result = export_session(store, session_id, "html", Path("round.html"))
    result.path, result.warnings   # warnings: e.g. a recording that went missing

PDF is laid out by Qt, which lives in the GUI layer: callers pass `render_pdf`
(interviewer.gui.pdf.render_pdf) when they want PDF.

Every file is written under a temporary name next to it and renamed into place only when it is
complete, so a failure or a cancel (`cancel` set: interviewer.errors.Cancelled) never leaves a
half-written export, and an existing file is replaced only by a whole one.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from interviewer.errors import Cancelled, UserError
from interviewer.storage import Store
from interviewer.storage.files import LOCKS

TEXT_FORMATS = ("md", "html", "pdf", "json")
AUDIO_FORMATS = ("wav", "flac")
FORMATS = TEXT_FORMATS + AUDIO_FORMATS


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def chosen_output(path: Path, fmt: str) -> tuple[str, Path]:
    """The format and file of an export saved as `path` from `fmt`'s save dialog: a name ending
    in another export format's suffix is written in that format ("round1.pdf" chosen from HTML
    wrote HTML into a .pdf, trial 39), a name with no suffix gets `fmt`'s, and a suffix of the
    user's own ("notes.txt") is kept with `fmt`."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix, path
    if not path.suffix:  # a name typed without one: the file would open in nothing
        return fmt, path.with_name(f"{path.name}.{fmt}")
    return fmt, path


def default_output(session_id: int, fmt: str, split: bool = False) -> Path:
    return Path(f"session-{session_id}-audio") if split else Path(f"session-{session_id}.{fmt}")


Progress = Callable[[float, float], None]
TEXT_STEPS = 3  # progress of a text export: read, laid out, written


def partial_name(out: Path) -> Path:
    """Where `out` is written until it is complete (hidden, in the same folder: same disk)."""
    return out.with_name(f".{out.name}.partial")


@contextmanager
def _written_whole(out: Path) -> Iterator[Path]:
    """A temporary path to write `out` to; renamed over `out` only if the block completes,
    removed otherwise (an error or a cancel)."""
    tmp = partial_name(out)
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def export_session(store: Store, session_id: int, fmt: str, out: Path | None = None,
                   split: bool = False,
                   render_pdf: Callable[[str, Path, str], None] | None = None,
                   force: bool = False, progress: Progress | None = None,
                   cancel: threading.Event | None = None, script=None, text_encoder=None) -> ExportResult:
    """Write one round in `fmt` to `out` (a folder when split audio is asked for).

    A file that already exists is refused (UserError) unless `force`; for split audio, any of
    the files it would write. `render_pdf(html, out, title)` writes a PDF; without it, PDF is
    refused with a message. `progress(done, total)`: audio seconds for audio, steps for text;
    `cancel` set stops the export between blocks (Cancelled), leaving no file of it.
    `script` and `text_encoder` give the talking points (None: the session's script found by
    id, the app's sentence-embedding model; see export/coverage_section.py)."""
    report_progress = progress or (lambda done, total: None)
    from interviewer.adapters import audio_files as audio_export
    from interviewer.export.report import build_report

    fmt = fmt.lower().lstrip(".")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    session = store.get_session(session_id)
    out = Path(out) if out is not None else default_output(session_id, fmt, split and fmt in AUDIO_FORMATS)
    missing = store.missing_audio(session)
    warnings = [f"recording missing: {store.data_dir / p}" for p in missing]
    if not (out.parent.is_dir() or (split and fmt in AUDIO_FORMATS)):
        raise UserError(f"{out.parent}: no such folder to export into")
    _refuse_the_data_folders_own_files(store, out, split and fmt in AUDIO_FORMATS)
    if not (split and fmt in AUDIO_FORMATS):
        if out.is_dir():
            raise UserError(f"{out}: is a folder; give the name of the file to write")
        if out.exists() and not force:
            raise UserError(f"{out}: already exists; nothing was written (add --force to overwrite it)")
    try:
        if fmt in AUDIO_FORMATS:
            return _export_audio(store, session, fmt, out, split, warnings, force, report_progress, cancel)
        report_progress(1, TEXT_STEPS)
        _check(cancel)
        if fmt == "json":
            from interviewer.export.json_export import render_json

            facts = {}
            for path in [a.audio_path for a in session.answers] + [d.audio_path for d in session.debrief]:
                if path:
                    found = store.audio_file(path)
                    facts[path] = {"file": str(store.resolve_audio_path(path)), "exists": found is not None,
                                   "seconds": audio_export.seconds_of(found) if found else None}
            text = render_json(session, facts, script, text_encoder)
            report_progress(2, TEXT_STEPS)
            _check(cancel)
            with _written_whole(out) as tmp:
                tmp.write_text(text, encoding="utf-8")
            report_progress(TEXT_STEPS, TEXT_STEPS)
            return ExportResult(out, warnings, [out])
        report = build_report(session, missing, script, text_encoder)
        if fmt == "md":
            from interviewer.export.markdown import render_markdown

            text = render_markdown(report)
        else:
            from interviewer.export.html_report import render_html

            text = render_html(report)
        report_progress(2, TEXT_STEPS)
        _check(cancel)
        with _written_whole(out) as tmp:
            if fmt != "pdf":
                tmp.write_text(text, encoding="utf-8")
            elif render_pdf is None:
                raise UserError("PDF export needs the desktop part of Interviewer (Qt); choose html or md")
            else:
                render_pdf(text, tmp, report.heading)
                if not tmp.is_file() or tmp.stat().st_size == 0:
                    raise UserError(f"{out}: Qt could not write the PDF")
                _check(cancel)
        report_progress(TEXT_STEPS, TEXT_STEPS)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    return ExportResult(out, warnings, [out])


def _refuse_the_data_folders_own_files(store: Store, out: Path, into_folder: bool) -> None:
    """UserError for an export that would replace the session database (or a copy of it moved
    aside) or write among the recordings: even with `force`, an export never costs the user
    their rounds. `out` is a folder when `into_folder` (split audio)."""
    # The entry that would be replaced: a symlink named `out` is replaced, not what it points to.
    try:
        target = out.resolve() if into_folder else out.parent.resolve() / out.name
        data = store.data_dir.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the write below reports it
        return
    for folder, what in ((store.recordings_dir, "the recordings"), (store.data_dir / LOCKS, "the locks")):
        folder = folder.resolve()
        if target == folder or folder in target.parents:
            raise UserError(f"{out}: is in {what} folder of your data folder ({folder}); nothing "
                            "was written: export to another folder")
    if not into_folder and target.parent == data and target.name.startswith(store.db_path.name):
        raise UserError(f"{out}: is the session database of your data folder (or a copy of it); "
                        "nothing was written: export to another file")


def _joined_sources(store: Store, session, sources: list[tuple[str, Path]]) -> list[Path]:
    """The round as one file: its continuous recording when it has one, so a time the review,
    a finding or an export gives is the same time in the file (the answers' own recordings
    joined left out the interviewer's turns: a trial's first words were 0.3 s into the file and
    0:07 in the transcript), then the spoken debrief. Rounds recorded before there was a round
    recording, or whose recording cannot be read, join the answers' recordings as before."""
    from interviewer.adapters import audio_files as audio_export

    relative = store.round_audio(session.id)
    whole = store.audio_file(relative) if relative else None
    if whole is None or audio_export.seconds_of(whole) is None:
        return [path for _, path in sources]
    return [whole] + [path for stem, path in sources if stem.startswith("debrief-")]


def _export_audio(store: Store, session, fmt: str, out: Path, split: bool, warnings: list[str],
                  force: bool = False, progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> ExportResult:
    from interviewer.adapters import audio_files as audio_export

    sources: list[tuple[str, Path]] = []
    for n, answer in enumerate(session.answers, start=1):
        found = store.audio_file(answer.audio_path)
        if found is not None:
            # The introduction answers the phase's opening prompt: it has no question id.
            sources.append((f"{n:02d}-{answer.question_id or 'opening-prompt'}"
                            + (f"-{answer.follow_up_id}" if answer.follow_up_id else ""), found))
    for n, entry in enumerate(session.debrief, start=1):
        found = store.audio_file(entry.audio_path)
        if found is not None:
            sources.append((f"debrief-{n:02d}", found))
    # A recording that cannot be read (damaged on disk) is left out with a warning, like a
    # missing one: it must not keep the others from being exported.
    unreadable = [(stem, path) for stem, path in sources if audio_export.seconds_of(path) is None]
    for _, path in unreadable:
        warnings.append(f"recording unreadable, left out: {path}")
    sources = [source for source in sources if source not in unreadable]
    if not sources:
        raise UserError(f"session {session.id} has no recordings to export"
                        + (f" ({len(warnings)} missing or unreadable)" if warnings else ""))
    if split:
        if out.exists() and not out.is_dir():
            raise UserError(f"{out}: is a file; split audio is written into a folder")
        taken = [out / f"{stem}.{fmt}" for stem, _ in sources if (out / f"{stem}.{fmt}").exists()]
        if taken and not force:
            which = f"{taken[0]} and {len(taken) - 1} more files" if len(taken) > 1 else str(taken[0])
            raise UserError(f"{which}: already {'exist' if len(taken) > 1 else 'exists'}; nothing was "
                            "written (add --force to overwrite)")
    try:
        if split:
            files = audio_export.export_each(sources, out, fmt, progress=progress, cancel=cancel,
                                             partial=partial_name)
            return ExportResult(out, warnings, files)
        with _written_whole(out) as tmp:
            audio_export.export_joined(_joined_sources(store, session, sources), tmp, fmt, progress=progress,
                                       cancel=cancel)
    except (RuntimeError, ValueError) as exc:  # soundfile reports unreadable files this way
        raise UserError(f"cannot export the audio of session {session.id}: {exc}") from None
    return ExportResult(out, warnings, [out])
