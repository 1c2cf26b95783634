"""The semantic extra: a tiny static model built here, saved in model2vec's own format, and what
the extra must and must not do with it (compare/semantic.py, docs/pairing.md).

The model knows six concepts. Each word is its concept's axis plus a large shared "register"
axis, as real sentence embeddings share a register, and four concepts also share a theme
(hobbies): unrelated statements have a raw cosine above 0.8, and 0.4 once centred, which only the
calibration keeps apart. Nothing here needs a network or a real model.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import probe
import pytest
from conftest import ROOT, page
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.compare.align import diff_levels, scorer_for
from career_cli.compare.pairing import candidates
from career_cli.compare.semantic import SemanticError
from career_cli.sources.catalog import open_framework
from career_cli.sources.config import ConfigError, read

Make = Callable[[dict[str, str | bytes]], Path]
NEEDS_EXTRA = "model2vec (the semantic extra) is not installed: pip install -e '.[test]'"

CONCEPTS = {
    "bread": "bakes bread makes loaves",
    "garden": "waters plants tends seedlings",
    "sport": "runs marathons",
    "chess": "plays chess",
    "art": "paints portraits",
    "poetry": "writes poems",
}
REGISTER = 1.5  # the component every word shares
HOBBY = ("sport", "chess", "art", "poetry")  # these also share a theme, which centring keeps

# Two pairs share no word but mean the same (bread, garden). The rest are unrelated across the
# levels; within each level, one statement mixes two others' concepts, as related statements of
# one category do.
JUNIOR = page(
    "Junior",
    "## Craft\n\n1. Bakes bread.\n1. Waters plants.\n1. Runs marathons.\n1. Plays chess.\n"
    "1. Plays chess and runs.\n",
)
SENIOR = page(
    "Senior",
    "## Craft\n\n1. Makes loaves.\n1. Tends seedlings.\n1. Paints portraits.\n1. Writes poems.\n"
    "1. Paints poems.\n",
)
MEANT = [("Bakes bread.", "Makes loaves."), ("Waters plants.", "Tends seedlings.")]


def tiny_model(folder: Path) -> Path:
    """The model, saved by model2vec itself (so the test reads its real on-disk format)."""
    np = pytest.importorskip("numpy", reason=NEEDS_EXTRA)
    model2vec = pytest.importorskip("model2vec", reason=NEEDS_EXTRA)
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    axes = [*CONCEPTS, "hobby", "register"]
    vocabulary = {"[UNK]": 0, "[PAD]": 1}
    rows = [np.zeros(len(axes)), np.zeros(len(axes))]
    for axis, words in CONCEPTS.items():
        for word in words.split():
            vector = np.zeros(len(axes))
            vector[axes.index(axis)] = 1.0
            vector[-2] = 2.0 if axis in HOBBY else 0.0
            vector[-1] = REGISTER
            vocabulary[word] = len(vocabulary)
            rows.append(vector)
    tokenizer = Tokenizer(models.WordLevel(vocabulary, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    vectors = np.array(rows, dtype=np.float32)
    model2vec.StaticModel(vectors=vectors, tokenizer=tokenizer, normalize=True).save_pretrained(
        folder
    )
    return folder


@pytest.fixture
def model(tmp_path: Path) -> Path:
    return tiny_model(tmp_path / "tiny-model")


@pytest.fixture
def ladder(make_framework: Make) -> Path:
    return make_framework({"junior.md": JUNIOR, "senior.md": SENIOR})


def pairs(runner: CliRunner, directory: Path, *args: str) -> list[tuple[str, str]]:
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(directory), "--json", *args])
    assert result.exit_code == 0, result.stderr
    return [
        (item["from"]["text"], item["to"]["text"])
        for category in json.loads(result.stdout)["categories"]
        for item in category["items"]
        if item["from"] and item["to"]
    ]


def test_statements_that_share_no_word_pair_by_meaning(
    model: Path, ladder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pairs(runner, ladder) == []  # no shared word, no thesaurus entry: words alone fail
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(model))
    assert pairs(runner, ladder) == MEANT


def test_the_calibration_keeps_unrelated_statements_apart(
    model: Path, ladder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(model))
    framework = open_framework(str(ladder))
    semantic = scorer_for(framework).semantic
    assert semantic is not None and semantic.usable
    raw = semantic.model.encode(["Runs marathons.", "Paints portraits."])
    assert float(raw[0] @ raw[1]) > 0.8  # the register and the theme, before centring
    junior, senior = framework.levels
    for one in junior.categories[0].items[2:]:
        for other in senior.categories[0].items[2:]:
            # Centred, the shared theme still gives a cosine that would pair them, uncalibrated;
            # calibrated, they score below the threshold.
            assert semantic.cosine(one.text, other.text) > 0.3
            assert semantic.score(one.text, other.text) < 0.10, (one.text, other.text)
    for one, other in MEANT:
        assert semantic.score(one, other) > 0.10
    diff = diff_levels(framework, junior, senior)
    statuses = [item.status for item in diff.categories[0].items]
    assert statuses.count("changed") == 2 and statuses.count("removed") == 3


def test_scores_are_symmetric_and_the_same_alone_or_in_a_matrix(
    model: Path, ladder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(model))
    framework = open_framework(str(ladder))
    scorer = scorer_for(framework)
    assert scorer.semantic is not None
    junior, senior = (level.categories[0].items for level in framework.levels)
    texts = [item.text for item in (*junior, *senior)]
    for a in texts:
        for b in texts:
            assert scorer.similarity(a, b) == scorer.similarity(b, a)
            assert scorer.semantic.cosine(a, b) == scorer.semantic.cosine(b, a)
    edges = candidates(junior, senior, list(range(5)), list(range(5)), scorer, 0.0)
    assert edges
    for i, j, score in edges:
        assert score == scorer.similarity(junior[i].text, senior[j].text)


def test_explain_shows_the_meaning_score_only_when_a_model_scored(
    model: Path, ladder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jsonschema

    schema = json.loads((ROOT / "career_cli/schemas/diff.schema.json").read_text())
    args = ["diff", "junior", "senior", "-f", str(ladder), "--json", "--explain"]
    plain = json.loads(runner.invoke(app, args).stdout)
    assert all("semantic" not in i["explain"] for c in plain["categories"] for i in c["items"])
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(model))
    document = json.loads(runner.invoke(app, args).stdout)
    jsonschema.validate(document, schema)
    first = document["categories"][0]["items"][0]
    assert first["explain"]["semantic"]["cosine"] == 1.0
    assert first["explain"]["semantic"]["score"] == first["similarity"] > 0.10
    text = runner.invoke(app, ["diff", "junior", "senior", "-f", str(ladder), "--explain"])
    assert "meaning 0." in text.stdout and "(cosine 1.000)" in text.stdout


def test_career_toml_names_the_model_and_off_wins(
    model: Path, make_framework: Make, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    toml = f'semantic_model = "{model.name}"\n'
    directory = make_framework({"junior.md": JUNIOR, "senior.md": SENIOR, "career.toml": toml})
    (directory / model.name).symlink_to(model, target_is_directory=True)
    assert read(directory).semantic_model == directory / model.name  # relative to the file
    assert pairs(runner, directory) == MEANT
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", "off")
    assert pairs(runner, directory) == []


@pytest.mark.parametrize(
    "command",
    [["diff", "junior", "senior"], ["gap", "senior", "junior"], ["ladder"], ["lint"]],
)
def test_a_missing_model_folder_is_exit_2_with_a_hint(
    ladder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(ladder / "no-such-model"))
    args = [*command, str(ladder)] if command == ["lint"] else [*command, "-f", str(ladder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == "", result.stderr
    assert result.stderr.startswith("career: error: CAREER_SEMANTIC_MODEL: no model folder at")
    assert "hint:" in result.stderr and "CAREER_SEMANTIC_MODEL=off" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_model_named_by_career_toml_names_the_file(
    make_framework: Make, runner: CliRunner
) -> None:
    toml = 'semantic_model = "models/none"\n'
    directory = make_framework({"junior.md": JUNIOR, "senior.md": SENIOR, "career.toml": toml})
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(directory)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"career: error: {directory / 'career.toml'}: semantic_model:")
    assert str(directory / "models" / "none") in result.stderr


def test_a_missing_extra_is_exit_2_with_the_install_command(
    ladder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "model2vec", None)  # what an install without it sees
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(ladder))
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(ladder)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "the semantic extra is not installed (no module 'model2vec')" in result.stderr
    assert "pip install 'career-cli[semantic]'" in result.stderr


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "is not a model2vec model"),
        (
            {"config.json": "{}", "model.safetensors": "not tensors", "tokenizer.json": "{}"},
            "cannot read the model",
        ),
        ({"config.json": "[]", "model.safetensors": "", "tokenizer.json": ""}, "cannot read"),
    ],
)
def test_an_unreadable_model_is_exit_2(
    ladder: Path,
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    message: str,
) -> None:
    pytest.importorskip("model2vec", reason=NEEDS_EXTRA)
    folder = tmp_path / "broken"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    monkeypatch.setenv("CAREER_SEMANTIC_MODEL", str(folder))
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(ladder)])
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(SemanticError):
        scorer_for(open_framework(str(ladder)))


@pytest.mark.parametrize("value", ["3", '""', "[]"])
def test_a_semantic_model_that_is_not_a_name_is_a_config_error(
    make_framework: Make, value: str
) -> None:
    directory = make_framework({"junior.md": JUNIOR, "career.toml": f"semantic_model = {value}\n"})
    with pytest.raises(ConfigError) as caught:
        read(directory)
    assert (
        caught.value.line == 1 and "'semantic_model' must be a folder name" in caught.value.message
    )


def imported(*args: str, model: Path | None = None) -> list[str]:
    """The modules of interest that a whole ``career`` run imported, in a fresh process."""
    env = {"PATH": "/usr/bin:/bin", **({"CAREER_SEMANTIC_MODEL": str(model)} if model else {})}
    names = ("model2vec", "numpy", "tokenizers", "safetensors", "huggingface_hub")
    return probe.imported((*names, "career_cli.compare.semantic"), *args, env=env)


def test_the_default_run_imports_nothing_of_the_extra(ladder: Path, model: Path) -> None:
    args = ("diff", "junior", "senior", "-f", str(ladder), "--json", "--explain")
    assert imported(*args) == []
    # The probe can see the extra when it is used (and still no hub client is imported).
    assert imported(*args, model=model) == [
        "model2vec",
        "numpy",
        "tokenizers",
        "safetensors",
        "career_cli.compare.semantic",
    ]
