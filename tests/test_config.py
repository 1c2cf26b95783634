"""A framework's career.toml: language, threshold, synonyms, pinned and forbidden pairs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import page
from typer.testing import CliRunner

from career_cli.cli import app
from career_cli.sources.config import ConfigError, read

Make = Callable[[dict[str, str | bytes]], Path]

BELOW = page(
    "Junior",
    "## Craft\n\n1. Writes small features with guidance.\n1. Reads the team's runbooks.\n",
)
ABOVE = page(
    "Senior",
    "## Craft\n\n1. Designs whole services.\n1. Keeps production healthy through on-call.\n",
)


def diff(runner: CliRunner, directory: Path, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(directory), "--json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def pairs(document: dict[str, object]) -> list[tuple[str, str]]:
    return [
        (item["from"]["text"], item["to"]["text"])  # type: ignore[index]
        for category in document["categories"]  # type: ignore[attr-defined]
        for item in category["items"]
        if item["from"] and item["to"]
    ]


def test_no_config_is_the_default(make_framework: Make) -> None:
    config = read(make_framework({"junior.md": BELOW}))
    assert config.path is None and config.threshold is None and not config.pairs


def test_a_pin_pairs_what_shares_no_word(make_framework: Make, runner: CliRunner) -> None:
    plain = make_framework({"junior.md": BELOW, "senior.md": ABOVE})
    assert pairs(diff(runner, plain)) == []
    pinned = make_framework(
        {
            "junior.md": BELOW,
            "senior.md": ABOVE,
            "career.toml": (
                '[[pair]]\nfrom = "reads the team\'s RUNBOOKS"\nto = "Keeps production"\n'
            ),
        }
    )
    assert pairs(diff(runner, pinned)) == [
        ("Reads the team's runbooks.", "Keeps production healthy through on-call.")
    ]
    # The pin holds whichever level is named first.
    mirrored = runner.invoke(app, ["diff", "senior", "junior", "-f", str(pinned), "--json"])
    assert [(b, a) for a, b in pairs(json.loads(mirrored.stdout))] == pairs(diff(runner, pinned))


def test_apart_keeps_a_pair_from_forming(make_framework: Make, runner: CliRunner) -> None:
    below = page("Junior", "## Craft\n\n1. Reviews code with care.\n")
    above = page("Senior", "## Craft\n\n1. Reviews code and architecture.\n")
    together = make_framework({"junior.md": below, "senior.md": above})
    assert len(pairs(diff(runner, together))) == 1
    apart = make_framework(
        {
            "junior.md": below,
            "senior.md": above,
            "career.toml": '[[apart]]\nfrom = "Reviews code with"\nto = "Reviews code and"\n',
        }
    )
    assert pairs(diff(runner, apart)) == []


def test_threshold_and_language_from_config_and_the_command_line_wins(
    make_framework: Make, runner: CliRunner
) -> None:
    directory = make_framework(
        {
            "junior.md": BELOW,
            "senior.md": ABOVE,
            "career.toml": "threshold = 0.42\nlanguage = 'en'\n",
        }
    )
    assert diff(runner, directory)["threshold"] == 0.42
    assert diff(runner, directory, "--threshold", "0.2")["threshold"] == 0.2


def test_synonyms_in_config_pair_the_framework_s_own_words(
    make_framework: Make, runner: CliRunner
) -> None:
    below = page("Junior", "## Betrieb\n\n1. Übernimmt die Rufbereitschaft im Team.\n")
    above = page("Senior", "## Betrieb\n\n1. Leitet den Bereitschaftsdienst.\n")
    files: dict[str, str | bytes] = {"junior.md": below, "senior.md": above}
    assert pairs(diff(runner, make_framework(files))) == []
    files["career.toml"] = (
        'language = "de"\nsynonyms = ["0.9 | Rufbereitschaft, Bereitschaftsdienst"]\n'
    )
    assert len(pairs(diff(runner, make_framework(files)))) == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("threshold = 2\n", 1, "'threshold' must be a number from 0 to 1"),
        ('\n\nlanguge = "de"\n', 3, "unknown key 'languge'"),
        ('language = "tlh"\n', 1, "unknown language 'tlh'"),
        ('synonyms = ["deploy, ship"]\n', 1, "is not 'strength | term, term'"),
        ('[[pair]]\nfrom = "x"\n', 1, "each [[pair]] needs 'from' and 'to'"),
        ("threshold = \n", 0, "invalid TOML"),
    ],
)
def test_a_bad_config_is_an_error_at_its_line(
    make_framework: Make, runner: CliRunner, text: str, line: int, message: str
) -> None:
    directory = make_framework({"junior.md": BELOW, "senior.md": ABOVE, "career.toml": text})
    with pytest.raises(ConfigError) as caught:
        read(directory)
    assert message in caught.value.message
    if line:
        assert caught.value.line == line
    result = runner.invoke(app, ["diff", "junior", "senior", "-f", str(directory)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("career: error: ") and "career.toml" in result.stderr


def test_did_you_mean_for_a_misspelt_key(make_framework: Make) -> None:
    directory = make_framework({"junior.md": BELOW, "career.toml": "treshold = 0.2\n"})
    with pytest.raises(ConfigError) as caught:
        read(directory)
    assert caught.value.hint is not None and "did you mean 'threshold'?" in caught.value.hint
