"""Meaning beyond words: the optional semantic extra (``pip install 'career-cli[semantic]'``).

Owns loading the static embedding model a user chose (``CAREER_SEMANTIC_MODEL`` or a framework's
``semantic_model``: a model2vec folder), embedding statements (in batches, once per text), and
the calibrated meaning score that ``similarity.Scorer`` takes beside its word score.

Raw cosines between sentence embeddings of unrelated ladder statements are high — 0.44 to 0.66
at the median on the labelled ladders — because the statements share a register ("Ensures…",
"the team", "with guidance"), and long statements, averaged over many words, drift towards the
average statement. Two steps make a cosine mean something:

1. **Centring.** The mean vector of the framework's statements (what they all share) is taken
   out of every vector before the cosine: the common-component removal of SIF sentence
   embeddings (Arora et al., 2017).
2. **Calibration.** Two statements of one category at one level are two distinct competencies
   (a level does not ask the same thing twice), so those pairs, pooled over the framework, are
   the reference. A pair's meaning score is how far its cosine lies above their median, in units
   of the distance from that median to their 99th percentile, on the word score's scale::

       semantic = 0.10 × (cosine − median) / (p99 − median), held to [0, 1]

   It reaches the default threshold exactly when two statements are closer than 99 in 100 pairs
   of distinct statements of one category at one level, whatever the model and the framework.

The similarity is the larger of the word score and this one: either can carry a pair. (The
variants measured against these choices are in benchmarks/pairing/README.md.)

Nothing here is imported unless a model is configured; model2vec (and numpy) are imported when
the model loads, so a missing extra is a message, not a traceback; and no hub client is ever
imported: the model's files are read here, from the folder, so nothing can be downloaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from career_cli.compare.similarity import DEFAULT_THRESHOLD
from career_cli.errors import CareerError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

QUANTILE = 0.99  # the share of distinct statements a pair must be closer than to reach 0.10
_MAX_GROUP = 400  # statements of one category sampled for the reference (evenly spaced)
# Unit vectors are rounded to integers of 2**24 steps and kept as float64: every product and
# partial sum of a dot product is then an integer below 2**53, exact in any order of summation,
# so a pair scores the same alone or in a matrix, and similarity(a, b) == similarity(b, a).
_STEPS = float(2**24)
# model2vec's own layout first, then the sentence-transformers layouts it also reads.
_LAYOUTS = (
    ("config.json", "model.safetensors", "tokenizer.json", "embeddings"),
    (
        "config_sentence_transformers.json",
        "model.safetensors",
        "tokenizer.json",
        "embedding.weight",
    ),
    (
        "config_sentence_transformers.json",
        "0_StaticEmbedding/model.safetensors",
        "0_StaticEmbedding/tokenizer.json",
        "embedding.weight",
    ),
)
_OFF_HINT = "CAREER_SEMANTIC_MODEL=off turns the semantic extra off"


class SemanticError(CareerError):
    """A semantic model that cannot be used: the extra missing, no folder, unreadable files."""


class Model:
    """A loaded static model: text in, unit vectors out (one row per text)."""

    def __init__(self, static: Any, folder: Path) -> None:
        self.static = static
        self.folder = folder

    def encode(self, texts: Sequence[str]) -> NDArray[np.float64]:
        import numpy as np

        vectors = np.asarray(self.static.encode(list(texts), use_multiprocessing=False))
        vectors = vectors.astype(np.float64).reshape(len(texts), -1)
        vectors[~np.isfinite(vectors)] = 0.0
        return _unit(vectors)


_LOADED: dict[Path, Model] = {}


def load(folder: Path, config: Path | None = None) -> Model:
    """The model in ``folder``, once per process; ``config`` is the career.toml that named it
    (``None``: the environment did), for messages."""
    where = "semantic_model" if config is not None else "CAREER_SEMANTIC_MODEL"

    def fail(message: str, hint: str) -> SemanticError:
        return SemanticError(f"{where}: {message}", hint=hint, path=config)

    folder = folder.resolve()
    found = _LOADED.get(folder)
    if found is not None:
        return found
    # Belt and braces: nothing below asks a hub, and any hub client would now refuse to.
    os.environ["HF_HUB_OFFLINE"] = "1"
    # One BLAS thread, unless the user says otherwise (read when numpy loads): the products here
    # are small (one category's statements), and OpenBLAS's idle workers spin after each one,
    # which on two cores took 0.6 s of CPU from the pairing of two 2,000-statement levels.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    try:
        import numpy as np
        from model2vec import StaticModel
        from safetensors import safe_open
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise fail(
            f"the semantic extra is not installed (no module '{exc.name or exc}')",
            f"pip install 'career-cli[semantic]'; or {_OFF_HINT}",
        ) from None
    if not folder.is_dir():
        raise fail(
            f"no model folder at {folder}",
            f"give the folder of a model2vec static model (it is never downloaded); {_OFF_HINT}",
        )
    layout = next((lay for lay in _LAYOUTS if all((folder / f).is_file() for f in lay[:3])), None)
    if layout is None:
        raise fail(
            f"{folder} is not a model2vec model: it needs config.json, model.safetensors and "
            "tokenizer.json",
            "save one with model2vec (StaticModel.save_pretrained or distill); " + _OFF_HINT,
        )
    config_file, weights_file, tokenizer_file, key = layout
    try:
        settings = json.loads((folder / config_file).read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            raise ValueError(f"{config_file} is not a JSON object")
        with safe_open(str(folder / weights_file), framework="numpy") as tensors:
            names = set(tensors.keys())
            vectors = tensors.get_tensor(key)
            weights = tensors.get_tensor("weights") if "weights" in names else None
            mapping = tensors.get_tensor("mapping") if "mapping" in names else None
        if vectors.ndim != 2 or vectors.shape[1] == 0 or vectors.dtype.kind not in "fiu":
            raise ValueError(f"'{key}' in {weights_file} is not a matrix of numbers")
        if vectors.dtype.kind == "f" and vectors.dtype.itemsize < 4:
            vectors = vectors.astype(np.float32)  # float16 means would round every cosine
        tokenizer = Tokenizer.from_file(str(folder / tokenizer_file))
        static = StaticModel(
            vectors=vectors,
            tokenizer=tokenizer,
            # normalize as the settings say it (a mismatch makes model2vec log a warning on
            # stderr); Model.encode normalises the vectors either way.
            config={**settings, "normalize": settings.get("normalize") is True},
            normalize=settings.get("normalize") is True,
            weights=weights,
            token_mapping=mapping,
            max_length=settings.get("max_length", 512),
        )
        static.encode(["probe"], use_multiprocessing=False)  # fail here, not mid-diff
    except Exception as exc:  # safetensors, tokenizers and numpy each raise their own kinds
        raise fail(
            f"cannot read the model in {folder}: {str(exc).strip() or type(exc).__name__}",
            "save it again with model2vec; " + _OFF_HINT,
        ) from None
    found = _LOADED[folder] = Model(static, folder)
    return found


class Semantic:
    """Statements' embeddings under one model, and the calibration of one framework.

    ``groups`` are the texts of each category at each level: pairs of distinct texts within a
    group are the reference (null) distribution. With fewer than two such pairs (a framework of
    one statement per category), pairs of one level across categories stand in.
    """

    def __init__(self, model: Model, groups: Iterable[Sequence[str]]) -> None:
        import numpy as np

        self.model = model
        self._index: dict[str, int] = {}
        self._vectors = np.zeros((0, 0))
        chosen = [_spread(list(dict.fromkeys(group))) for group in groups]
        texts = list(dict.fromkeys(text for group in chosen for text in group))
        vectors = self.model.encode(texts)
        # What every statement of the framework shares, taken out of each vector (centring).
        self._centre = vectors.mean(axis=0) if texts else None
        self._store(texts, vectors)
        null = self._within(chosen)
        if null.size < 2:  # every category has one statement: their levels' pairs instead
            null = self._within([[t for g in chosen for t in g]])
        self.pairs = int(null.size)
        self.median, self.upper = (
            (float(q) for q in np.quantile(null, [0.5, QUANTILE])) if null.size else (0.0, 0.0)
        )
        # A model that cannot tell the reference pairs apart cannot calibrate: words only.
        self.usable = self.pairs >= 2 and self.upper > self.median

    def _within(self, groups: list[list[str]]) -> NDArray[np.float64]:
        """The cosines of the pairs of distinct texts within each group."""
        import numpy as np

        found = []
        for group in groups:
            if len(group) > 1:
                rows = self._rows(group)
                upper = np.triu_indices(len(group), 1)
                found.append((rows @ rows.T)[upper] / (_STEPS * _STEPS))
        return np.concatenate(found) if found else np.zeros(0)

    def prepare(self, texts: Iterable[str]) -> None:
        """Embed the texts not seen yet, in one batch."""
        new = [t for t in dict.fromkeys(texts) if t not in self._index]
        if new:
            self._store(new, self.model.encode(new))

    def _store(self, texts: list[str], vectors: NDArray[np.float64]) -> None:
        import numpy as np

        if not texts:
            return
        if self._centre is not None:
            vectors = _unit(vectors - self._centre)
        vectors = np.rint(vectors * _STEPS)  # exact from here on: see _STEPS
        start = len(self._index)
        self._index.update((text, start + k) for k, text in enumerate(texts))
        self._vectors = vectors if start == 0 else np.vstack([self._vectors, vectors])

    def _rows(self, texts: Sequence[str]) -> NDArray[np.float64]:
        self.prepare(texts)
        return self._vectors[[self._index[t] for t in texts]]

    def calibrated(self, cosines: NDArray[np.float64]) -> NDArray[np.float64]:
        """Cosines on the similarity scale (see the module's docstring)."""
        import numpy as np

        if not self.usable:
            return np.zeros_like(cosines)
        spread = self.upper - self.median
        scaled: NDArray[np.float64] = DEFAULT_THRESHOLD * (cosines - self.median) / spread
        return np.clip(scaled, 0.0, 1.0)

    def cosines(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> NDArray[np.float64]:
        rows_a, rows_b = self._rows(texts_a), self._rows(texts_b)
        dots: NDArray[np.float64] = rows_a @ rows_b.T
        return dots / (_STEPS * _STEPS)

    def scores(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> NDArray[np.float64]:
        """The meaning score of every pair, a matrix: ``texts_a`` down, ``texts_b`` across."""
        return self.calibrated(self.cosines(texts_a, texts_b))

    @staticmethod
    def best(scores: NDArray[np.float64], threshold: float, limit: int) -> list[int]:
        """The columns of one row of ``scores`` above ``threshold``: the ``limit`` best, ties to
        the lowest column (so the result does not depend on the order of equal scores)."""
        import numpy as np

        above = np.flatnonzero(scores > threshold)
        if len(above) > limit:
            order = np.lexsort((above, -scores[above]))
            above = above[order[:limit]]
        return [int(k) for k in above]

    def cosine(self, a: str, b: str) -> float:
        return float(self.cosines([a], [b])[0, 0])

    def score(self, a: str, b: str) -> float:
        return float(self.scores([a], [b])[0, 0])


def _unit(vectors: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each row scaled to length 1; a row of zeros (a text with no known token) stays zeros,
    close to nothing."""
    import numpy as np

    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    unit: NDArray[np.float64] = vectors / norms
    return unit


def _spread(texts: list[str]) -> list[str]:
    """At most ``_MAX_GROUP`` of ``texts``, evenly spaced: a reference big enough for a 99th
    percentile without a quadratic cost on huge categories."""
    if len(texts) <= _MAX_GROUP:
        return texts
    step = len(texts) / _MAX_GROUP
    return [texts[int(k * step)] for k in range(_MAX_GROUP)]
