"""Store a CTranslate2 model's weights as int8, for the desktop bundle.

The app runs Whisper with compute_type="int8", so CTranslate2 quantizes the shipped float16
weights to int8 every time the model loads. Doing that once, at build time, halves the model
on disk (tiny.en: 75.5 MB to 39.5 MB) for the same numbers at run time. The quantization is the
one CTranslate2's own converters apply (`ModelSpec.optimize("int8")`): per output row,
scale = 127 / max|w|, rounded to nearest, for every Linear and Embeddings weight. The
convolutions stay as they are, as CTranslate2 leaves Whisper's convolutions unquantized at
load time: with them quantized, 4 of 7 real recordings decoded differently from the shipped
model; without, 6 of 7 decode identically (the seventh differs in a run of repeated "uh").

    python packaging/quantize_model.py SOURCE_MODEL_DIR TARGET_MODEL_DIR

Reads and writes model.bin format version 6 (CTranslate2 3.x and 4.x); other files are copied.
"""
from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import numpy as np

DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")
SUPPORTED_VERSIONS = (6,)


class ModelFile:
    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        self._data, self._pos = data, 0
        self.version = self._u("I")
        if self.version not in SUPPORTED_VERSIONS:
            raise SystemExit(f"{path}: model.bin version {self.version} is not supported")
        self.name = self._s()
        self.revision = self._u("I")
        self.variables: dict[str, tuple[str, list[int], bytes]] = {}
        for _ in range(self._u("I")):
            name = self._s()
            shape = [self._u("I") for _ in range(self._u("B"))]
            dtype = DTYPES[self._u("B")]
            size = self._u("I")
            self.variables[name] = (dtype, shape, data[self._pos:self._pos + size])
            self._pos += size
        self.aliases = [(self._s(), self._s()) for _ in range(self._u("I"))]
        if self._pos != len(data):
            raise SystemExit(f"{path}: {len(data) - self._pos} unexpected bytes at the end")

    def _u(self, fmt: str) -> int:
        (value,) = struct.unpack_from(fmt, self._data, self._pos)
        self._pos += struct.calcsize(fmt)
        return value

    def _s(self) -> str:
        size = self._u("H")
        text = self._data[self._pos:self._pos + size - 1].decode("utf-8")
        self._pos += size
        return text

    def write(self, path: Path) -> None:
        def string(text: str) -> bytes:
            raw = text.encode("utf-8")
            return struct.pack("H", len(raw) + 1) + raw + b"\0"

        parts = [struct.pack("I", self.version), string(self.name), struct.pack("I", self.revision),
                 struct.pack("I", len(self.variables))]
        for name, (dtype, shape, raw) in self.variables.items():
            parts += [string(name), struct.pack("B", len(shape)), *(struct.pack("I", d) for d in shape),
                      struct.pack("B", DTYPES.index(dtype)), struct.pack("I", len(raw)), raw]
        parts.append(struct.pack("I", len(self.aliases)))
        for alias, target in self.aliases:
            parts += [string(alias), string(target)]
        path.write_bytes(b"".join(parts))


def quantize_int8(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CTranslate2's int8 scheme (specs/model_spec.py): per-row scale 127 / max|w|."""
    rows = weight.astype(np.float32).reshape(weight.shape[0], -1)
    amax = np.amax(np.abs(rows), axis=1)
    amax[amax == 0] = 127.0
    amax = np.maximum(amax, np.float32(127) / np.finfo(np.float32).max)
    scale = (127.0 / amax).astype(np.float32)
    quantized = np.rint(rows * scale[:, None]).astype(np.int8).reshape(weight.shape)
    return quantized, scale


def quantize_model(source: Path, target: Path) -> tuple[int, int]:
    model = ModelFile(source / "model.bin")
    out: dict[str, tuple[str, list[int], bytes]] = {}
    for name, (dtype, shape, raw) in model.variables.items():
        quantizable = (name.endswith("/weight") and len(shape) == 2 and "conv" not in name
                       and dtype in ("float16", "float32") and f"{name}_scale" not in model.variables)
        if not quantizable:
            out[name] = (dtype, shape, raw)
            continue
        weight = np.frombuffer(raw, dtype=np.float16 if dtype == "float16" else np.float32).reshape(shape)
        quantized, scale = quantize_int8(weight)
        out[name] = ("int8", shape, quantized.tobytes())
        out[f"{name}_scale"] = ("float32", [shape[0]], scale.tobytes())
    model.variables = out
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.name != "model.bin" and item.is_file():
            shutil.copy2(item, target / item.name)
    model.write(target / "model.bin")
    return (source / "model.bin").stat().st_size, (target / "model.bin").stat().st_size


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    before, after = quantize_model(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"model.bin: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
