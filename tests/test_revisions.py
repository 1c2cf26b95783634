"""Levels at git revisions (``senior@REV``) and page files as diff arguments."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import BUNDLED, page
from test_cli import assert_error, run, schema
from typer.testing import CliRunner

from career_cli.errors import UsageError
from career_cli.sources.levelargs import open_levels, parse_level_arg

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}

SENIOR_V1 = page(
    "Senior - Team Career Framework",
    "## Senior\n\nSeniors lead.\n\n## Craft\n\n"
    "1. Reviews code with [care](https://old.example/care).\n"
    "1. Mentors others.\n\n"
    "## Engineering alignment\n\n### Senior Technical Competencies\n\n"
    '{{< include "includes/senior-technical.md" >}}\n',
)
INTERMEDIATE = page("Intermediate - Team Career Framework", "## Craft\n\n1. Reviews code.\n")
TECHNICAL_V1 = "##### Engineering\n\n* Debugs production.\n"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A handbook checkout in git: commit 1 is v1, HEAD has a changed senior page."""
    root = tmp_path / "handbook"
    framework = root / "content/handbook/engineering/careers/matrix/team"
    framework.mkdir(parents=True)
    (root / "assets" / "includes").mkdir(parents=True)
    (framework / "senior.md").write_text(SENIOR_V1)
    (framework / "intermediate.md").write_text(INTERMEDIATE)
    (framework / "staff.md").write_text(page("Staff - Team Career Framework", "## Craft\n\n- x\n"))
    (root / "assets" / "includes" / "senior-technical.md").write_text(TECHNICAL_V1)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "v1")
    git(root, "tag", "v1")
    return root


def senior_page(root: Path) -> Path:
    return root / "content/handbook/engineering/careers/matrix/team/senior.md"


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def diff_json(runner: CliRunner, root: Path, *args: str) -> dict[str, object]:
    result = run(runner, "diff", *args, "--root", str(root), "-f", "team", "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    jsonschema_validate(document)
    return document


def jsonschema_validate(document: dict[str, object]) -> None:
    import jsonschema

    jsonschema.validate(document, schema("diff"))


def test_what_changed_in_senior_since_a_revision(runner: CliRunner, repo: Path) -> None:
    text = senior_page(repo).read_text().replace("1. Mentors others.", "1. Mentors the team.")
    text = text.replace("## Craft\n\n", "## Craft\n\n1. Leads incident reviews.\n")
    senior_page(repo).write_text(text)
    commit(repo, "v2")
    document = diff_json(runner, repo, "senior@HEAD~1", "senior")
    assert document["counts"] == {"unchanged": 2, "changed": 1, "added": 1, "removed": 0}
    old = document["from"]
    assert isinstance(old, dict)
    assert old["title"] == "Senior@HEAD~1"
    assert old["revision"] == {"name": "HEAD~1", "commit": git(repo, "rev-parse", "v1").strip()}
    assert old["path"] == "HEAD~1:content/handbook/engineering/careers/matrix/team/senior.md"
    assert "revision" not in document["to"]  # type: ignore[operator]


def test_only_link_targets_and_shortcode_delimiters_changed(runner: CliRunner, repo: Path) -> None:
    text = senior_page(repo).read_text()
    text = text.replace("https://old.example/care", "/handbook/care/")
    text = text.replace('{{< include "includes/senior-technical.md" >}}', "")
    text += '\n{{% include "includes/senior-technical.md" %}}\n'
    senior_page(repo).write_text(text)
    commit(repo, "links and delimiters")
    document = diff_json(runner, repo, "senior@v1", "senior")
    counts = document["counts"]
    assert counts == {"unchanged": 3, "changed": 0, "added": 0, "removed": 0}
    text_out = run(runner, "diff", "senior@v1", "senior", "--root", str(repo), "-f", "team")
    assert text_out.exit_code == 0
    assert "0 added · 0 changed · 0 removed · 3 unchanged" in text_out.stdout
    assert "Senior@v1 → Senior" in text_out.stdout


def test_includes_are_read_at_the_revision_too(runner: CliRunner, repo: Path) -> None:
    include = repo / "assets" / "includes" / "senior-technical.md"
    include.write_text(TECHNICAL_V1 + "* Designs for scale.\n")
    commit(repo, "include grows")
    document = diff_json(runner, repo, "senior@HEAD~1", "senior")
    assert document["counts"] == {"unchanged": 3, "changed": 0, "added": 1, "removed": 0}
    [category] = [c for c in document["categories"] if c["id"].endswith("technical-competencies")]  # type: ignore[attr-defined]
    added = [i for i in category["items"] if i["status"] == "added"]
    assert added[0]["to"]["source"] == "includes/senior-technical.md"


def test_without_a_root_includes_compare_as_items(runner: CliRunner, repo: Path) -> None:
    framework = senior_page(repo).parent
    result = run(runner, "diff", "senior@v1", "senior", "-f", str(framework), "--json")
    assert result.exit_code == 0, result.stderr
    # found by itself: the framework folder sits in a checkout (content/ and assets/)
    assert json.loads(result.stdout)["counts"]["unchanged"] == 3


def test_a_level_deleted_since_the_revision(runner: CliRunner, repo: Path) -> None:
    (senior_page(repo).parent / "staff.md").unlink()
    commit(repo, "no staff")
    document = diff_json(runner, repo, "staff@v1", "senior")
    assert document["from"]["title"] == "Staff@v1"  # type: ignore[index]


def test_a_page_path_at_a_revision(runner: CliRunner, repo: Path) -> None:
    path = senior_page(repo)
    result = run(runner, "diff", f"{path}@v1", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["changed"] == 0


def test_unknown_revision(runner: CliRunner, repo: Path) -> None:
    assert_error(
        run(runner, "diff", "senior@nope", "senior", "--root", str(repo), "-f", "team"),
        "unknown revision 'nope'",
        "hint: use a commit, tag or branch",
    )


def test_revision_that_looks_like_an_option_is_refused(runner: CliRunner, repo: Path) -> None:
    assert_error(
        run(runner, "diff", "senior@--output=/tmp/x", "senior", "--root", str(repo), "-f", "team"),
        "'--output=/tmp/x' is not a revision",
    )


def test_file_absent_at_that_revision(runner: CliRunner, repo: Path) -> None:
    framework = senior_page(repo).parent
    (framework / "principal.md").write_text(page("Principal", "## Craft\n\n- y\n"))
    commit(repo, "principal")
    assert_error(
        run(runner, "diff", "principal@v1", "senior", "--root", str(repo), "-f", "team"),
        "principal.md does not exist at revision 'v1'",
        "hint: the page may have been added or renamed since",
    )


def test_unknown_level_at_a_revision_is_still_an_unknown_level(
    runner: CliRunner, repo: Path
) -> None:
    assert_error(
        run(runner, "diff", "senoir@v1", "senior", "--root", str(repo), "-f", "team"),
        "no level 'senoir'",
    )


def test_outside_a_git_repository(runner: CliRunner, make_framework) -> None:  # type: ignore[no-untyped-def]
    directory = make_framework({"senior.md": page("Senior", "## A\n\n- x\n")})
    assert_error(
        run(runner, "diff", "senior@HEAD", "senior", "-f", str(directory)),
        "not in a git repository",
        "hint: LEVEL@REV needs the framework's pages in a git checkout",
    )


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_leaving_the_root_at_a_revision_is_refused(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    include = repo / "assets" / "includes" / "senior-technical.md"
    include.unlink()
    include.symlink_to("../../../outside.md")
    (tmp_path / "outside.md").write_text("* Secret.\n")
    commit(repo, "escape")
    result = run(runner, "diff", "senior@HEAD", "senior", "--root", str(repo), "-f", "team")
    assert result.exit_code == 0
    assert "Secret" not in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "refused include" in line]
    assert len(warnings) == 2  # once at HEAD (git), once in the working tree (disk)
    assert any("HEAD:content/" in line for line in warnings)


def test_symlink_inside_the_root_at_a_revision_is_followed(runner: CliRunner, repo: Path) -> None:
    includes = repo / "assets" / "includes"
    (includes / "real.md").write_text("* Debugs production systems.\n")
    (includes / "senior-technical.md").unlink()
    (includes / "senior-technical.md").symlink_to("real.md")
    commit(repo, "alias")
    (includes / "real.md").write_text("* Debugs production systems at scale.\n")
    document = diff_json(runner, repo, "senior@HEAD", "senior")
    assert document["counts"] == {"unchanged": 2, "changed": 1, "added": 0, "removed": 0}


# -- page files as arguments


def test_two_page_files(runner: CliRunner) -> None:
    by_path = run(
        runner,
        "diff",
        str(BUNDLED / "intermediate.md"),
        str(BUNDLED / "senior.md"),
        "--json",
    )
    by_name = run(runner, "diff", "intermediate", "senior", "--json")
    assert by_path.exit_code == 0 and by_path.stderr == ""
    a, b = json.loads(by_path.stdout), json.loads(by_name.stdout)
    assert (
        a["counts"]
        == b["counts"]
        == {
            "unchanged": 6,
            "changed": 11,
            "added": 21,
            "removed": 18,
            "merged": 1,
            "split": 0,
        }
    )
    assert a["framework"]["title"] == "Infrastructure Department Career Framework"


def test_pages_from_two_folders_keep_apart_in_the_header(runner: CliRunner, tmp_path: Path) -> None:
    for name, item in (("before", "Owns."), ("after", "Owns and leads.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "senior.md").write_text(page("Senior - X", f"## A\n\n1. {item}\n"))
    result = run(
        runner,
        "diff",
        str(tmp_path / "before" / "senior.md"),
        str(tmp_path / "after" / "senior.md"),
        "--width",
        "100",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("Senior (before) → Senior (after)")
    assert "0 added · 1 changed · 0 removed · 0 unchanged" in result.stdout


def test_a_page_file_and_a_level_name(runner: CliRunner) -> None:
    result = run(runner, "diff", str(BUNDLED / "associate.md"), "senior", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["counts"]["changed"] == 9


def test_missing_page_file(runner: CliRunner, tmp_path: Path) -> None:
    assert_error(
        run(runner, "diff", str(tmp_path / "nope.md"), "senior"),
        str(tmp_path / "nope.md"),
        "no such file",
    )


def test_broken_page_file_names_its_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "senior.md").write_bytes(b"")
    assert_error(run(runner, "diff", str(tmp_path / "senior.md"), "senior"), "page is empty")


@pytest.mark.parametrize(
    ("arg", "name", "revision", "is_path"),
    [
        ("senior", "senior", None, False),
        ("senior@HEAD~3", "senior", "HEAD~3", False),
        ("senior@HEAD@{1}", "senior", "HEAD@{1}", False),
        ("a/senior.md@v1", "a/senior.md", "v1", True),
        ("senior.md", "senior.md", None, True),
    ],
)
def test_level_arguments(arg: str, name: str, revision: str | None, is_path: bool) -> None:
    parsed = parse_level_arg(arg)
    assert (parsed.name, parsed.revision, parsed.is_path) == (name, revision, is_path)


@pytest.mark.parametrize("arg", ["@HEAD", "senior@"])
def test_malformed_level_arguments(arg: str) -> None:
    with pytest.raises(UsageError):
        parse_level_arg(arg)


def test_an_existing_file_with_an_at_sign_is_a_page(tmp_path: Path) -> None:
    odd = tmp_path / "senior@2024.md"
    odd.write_text(page("Senior", "## A\n\n- x\n"))
    _, [level], named = open_levels([str(odd)], None)
    assert level.path == odd and not named


def test_a_huge_page_in_history_is_refused_not_read(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Over the 10 MB page limit at that revision (git stores it compressed, so it is cheap).
    big = senior_page(repo).read_text() + "1. " + "x" * (11 * 1024 * 1024) + "\n"
    senior_page(repo).write_text(big)
    commit(repo, "a page far over the size limit")
    senior_page(repo).write_text(SENIOR_V1)
    commit(repo, "back to normal")
    from career_cli.sources.revisions import GitRepo

    asked: list[tuple[str, ...]] = []
    real_git = GitRepo.git

    def recording(self: GitRepo, *args: str):  # type: ignore[no-untyped-def]
        asked.append(args)
        return real_git(self, *args)

    monkeypatch.setattr(GitRepo, "git", recording)
    result = run(runner, "diff", "senior@HEAD~1", "senior", "--root", str(repo), "-f", "team")
    assert result.exit_code == 2 and result.stdout == ""
    assert "senior.md: page is 11.0 MB, over the 10 MB limit" in result.stderr
    assert ("cat-file", "-s") in {args[:2] for args in asked}
    assert not any(args[:2] == ("cat-file", "blob") and "senior.md" in args[2] for args in asked)


def test_a_page_git_does_not_track_says_so(runner: CliRunner, repo: Path) -> None:
    # As a virtualenv's copy of the bundled pages inside a clone: git has the folder, not the
    # file. "May have been renamed since" would send the user looking in the wrong place.
    ignored = repo / "venv" / "team"
    ignored.mkdir(parents=True)
    (repo / ".gitignore").write_text("venv/\n")
    (ignored / "senior.md").write_text(SENIOR_V1)
    assert_error(
        run(runner, "diff", "senior@HEAD", "senior", "-f", str(ignored)),
        "is not tracked by the git repository",
        "hint: LEVEL@REV reads a page as git recorded it",
    )


# -- revision names with colons, and submodules


def test_a_revision_name_with_a_colon_reads_its_includes(repo: Path, runner: CliRunner) -> None:
    # The included file used to be found by splitting "REV:path" on its first colon: a revision
    # such as HEAD^{/fix: x} (the latest commit whose message says "fix: x") crashed (exit 70).
    (repo / "assets/includes/senior-technical.md").write_text("* Debugs production fast.\n")
    commit(repo, "fix: includes read at revisions")
    git(repo, "commit", "-q", "--allow-empty", "-m", "later")
    document = diff_json(runner, repo, "senior@HEAD^{/fix: includes}", "senior@v1")
    texts = [
        item["from"]["text"]  # type: ignore[index]
        for category in document["categories"]  # type: ignore[attr-defined]
        for item in category["items"]
        if item["from"]
    ]
    assert "Debugs production fast." in texts
    assert document["from"]["revision"]["name"] == "HEAD^{/fix: includes}"  # type: ignore[index]


def _submodule_repo(tmp_path: Path, text: str) -> Path:
    other = tmp_path / "other"
    other.mkdir()
    (other / "senior.md").write_text(text)
    (other / "intermediate.md").write_text(INTERMEDIATE)
    git(other, "init", "-q")
    commit(other, "its own history")
    return other


def test_a_framework_folder_that_became_a_submodule_keeps_its_history(
    repo: Path, tmp_path: Path, runner: CliRunner
) -> None:
    framework = senior_page(repo).parent
    other = _submodule_repo(tmp_path, page("Senior - Elsewhere", "## Craft\n\n1. Elsewhere.\n"))
    git(repo, "rm", "-q", "-r", str(framework))
    git(repo, "commit", "-q", "-m", "the framework moves to its own repository")
    relative = framework.relative_to(repo).as_posix()
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), relative)
    commit(repo, "as a submodule")
    # v1 is the superproject's: the page is read where it was then, not in the submodule.
    result = run(runner, "show", "senior@v1", "-f", str(framework), "--json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["level"]["title"] == "Senior@v1"
    assert next(i["text"] for c in shown["categories"] for i in c["items"]).startswith("Reviews")
    # HEAD is known to the submodule: its own page.
    result = run(runner, "show", "senior@HEAD", "-f", str(framework), "--json")
    assert result.exit_code == 0, result.stderr
    assert "Elsewhere." in result.stdout


def test_a_page_that_became_a_submodule_is_read_where_it_was_a_page(
    repo: Path, tmp_path: Path, runner: CliRunner
) -> None:
    senior = senior_page(repo)
    other = _submodule_repo(tmp_path, page("Senior - Elsewhere", "## Craft\n\n1. Elsewhere.\n"))
    git(repo, "rm", "-q", str(senior))
    git(repo, "commit", "-q", "-m", "gone")
    relative = senior.relative_to(repo).as_posix()
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), relative)
    commit(repo, "a submodule where the page was")
    result = run(runner, "show", f"{senior}@v1", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["level"]["title"] == "Senior@v1"
    assert_error(
        run(runner, "show", f"{senior}@HEAD"), "is a submodule at revision 'HEAD', not a page"
    )


def test_a_page_inside_a_submodule_at_a_revision_is_read_from_its_checkout(
    tmp_path: Path, runner: CliRunner
) -> None:
    other = _submodule_repo(tmp_path, page("Senior - Team", "## Craft\n\n1. From the submodule.\n"))
    outer = tmp_path / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    git(outer, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), "fw")
    commit(outer, "with a submodule")
    git(outer, "tag", "with-submodule")
    # The superproject's tag, a page in the submodule: read at the commit the tag records.
    (other / "senior.md").write_text(page("Senior - Team", "## Craft\n\n1. Changed upstream.\n"))
    commit(other, "later upstream")
    result = run(runner, "show", "senior@with-submodule", "-f", str(outer / "fw"), "--json")
    assert result.exit_code == 0, result.stderr
    assert "From the submodule." in result.stdout


def test_an_include_into_a_submodule_at_a_revision_says_so(
    repo: Path, tmp_path: Path, runner: CliRunner
) -> None:
    other = tmp_path / "shared"
    other.mkdir()
    (other / "senior-technical.md").write_text("* Shared statement.\n")
    git(other, "init", "-q")
    commit(other, "shared includes")
    git(repo, "rm", "-q", "-r", "assets/includes")
    git(repo, "commit", "-q", "-m", "includes move out")
    git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        str(other),
        "assets/includes",
    )
    commit(repo, "includes as a submodule")
    result = run(runner, "show", "senior@HEAD", "--root", str(repo), "-f", "team", "--json")
    assert result.exit_code == 0, result.stderr
    assert "leads into the submodule assets/includes" in result.stderr
