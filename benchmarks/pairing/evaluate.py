"""Measure how well `career diff` pairs statements against hand-labelled level pairs.

Every file under ``benchmarks/pairing/labels/<ladder>/<from>--<to>.yaml`` holds, category by
category, the gold pairs (identical, reworded, merge, split) and the statements added or removed
(see ``README.md`` here). For each file this runs ``career diff FROM TO --format json`` on the
ladder the file names and compares the pairs career reports with the gold ones:

* predicted pairs are the ``unchanged`` and ``changed`` items (from index, to index), plus any
  ``also_from`` / ``also_to`` entries of a changed item (merges and splits), when present;
* a pair is (category, from index, to index); categories match by title, case-insensitively, on
  the full title or on its last ``›`` segment;
* precision and recall are reported over the non-identical pairs (identical statements are
  trivial: excluded from gold and predictions alike) and over all pairs.

Each label reference carries the opening words of its statement; one that does not match career's
text at that index is a warning, so a page edit cannot silently shift labels.

    .venv/bin/python benchmarks/pairing/evaluate.py [--verbose] [--json] [--threshold 0.2]

Only the standard library and career's own YAML reader are used. Always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).resolve().parent / "labels"
sys.path.insert(0, str(REPO))

from career_cli.sources.yamlsafe import load  # noqa: E402

Pair = tuple[str, int, int]  # (label file / category key, from index, to index)


def normalize(text: str) -> str:
    """Text as compared for openings and identity: links by their text, no emphasis marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip().casefold()


def short(text: str, width: int = 70) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class Tally:
    """Pairs of one ladder (or of all): gold and predicted, non-identical and all."""

    gold: set[Pair] = field(default_factory=set)
    gold_all: set[Pair] = field(default_factory=set)
    pred: set[Pair] = field(default_factory=set)
    pred_all: set[Pair] = field(default_factory=set)
    kinds: dict[Pair, str] = field(default_factory=dict)
    texts: dict[Pair, tuple[str, str]] = field(default_factory=dict)
    statements: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "gold_all", "pred", "pred_all"):
            getattr(self, name).update(getattr(other, name))
        self.kinds.update(other.kinds)
        self.texts.update(other.texts)
        self.statements += other.statements

    def scores(self, everything: bool) -> dict[str, Any]:
        gold, pred = (self.gold_all, self.pred_all) if everything else (self.gold, self.pred)
        tp = len(gold & pred)
        return {
            "predicted": len(pred),
            "gold": len(gold),
            "true_positives": tp,
            "precision": round(tp / len(pred), 3) if pred else None,
            "recall": round(tp / len(gold), 3) if gold else None,
        }

    def recall_by_kind(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for pair in self.gold_all:
            row = out.setdefault(self.kinds[pair], {"gold": 0, "found": 0})
            row["gold"] += 1
            row["found"] += pair in self.pred_all
        return dict(sorted(out.items()))


def career_command(spec: str | None) -> list[str]:
    if spec:
        return shlex.split(spec)
    return [sys.executable, "-m", "career_cli"]


def ladder_args(ladder: str) -> list[str]:
    """A label's ``ladder``: a folder of level pages, or career options (the handbook fixture)."""
    return shlex.split(ladder) if ladder.startswith("-") else ["-f", ladder]


def run_diff(command: list[str], label: dict[str, Any], threshold: float | None) -> dict[str, Any]:
    args = [*command, "diff", str(label["from"]), str(label["to"]), *ladder_args(label["ladder"])]
    args += ["--format", "json", "--no-pager"]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    env = {k: v for k, v in os.environ.items() if k not in ("CAREER_ROOT", "CAREER_FRAMEWORK")}
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{shlex.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def match_category(title: str, categories: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The diff category titled ``title``: full title first, then the last ``›`` segment."""
    key = title.casefold().strip()
    for full, category in categories.items():
        if full.casefold().strip() == key:
            return category
    last = key.split("›")[-1].strip()
    for full, category in categories.items():
        if full.casefold().split("›")[-1].strip() == last:
            return category
    return None


def predicted_pairs(items: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """(from index, to index, from text, to text) of every pair career reports in a category."""
    out: list[tuple[int, int, str, str]] = []
    for item in items:
        if (
            item.get("status") not in ("unchanged", "changed")
            or not item.get("from")
            or not item.get("to")
        ):
            continue
        src, dst = item["from"], item["to"]
        out.append((src["index"], dst["index"], src["text"], dst["text"]))
        for extra in item.get("also_from") or []:
            out.append((extra["index"], dst["index"], extra["text"], dst["text"]))
        for extra in item.get("also_to") or []:
            out.append((src["index"], extra["index"], src["text"], extra["text"]))
    return out


def statement_texts(items: list[dict[str, Any]], side: str) -> dict[int, str]:
    texts: dict[int, str] = {}
    for item in items:
        ref = item.get(side)
        if ref:
            texts[ref["index"]] = ref["text"]
        for extra in item.get(f"also_{side}") or []:
            texts[extra["index"]] = extra["text"]
    return texts


def add_predictions(tally: Tally, key: str, items: list[dict[str, Any]]) -> None:
    for src, dst, src_text, dst_text in predicted_pairs(items):
        pred = (key, src, dst)
        tally.pred_all.add(pred)
        tally.texts[pred] = (src_text, dst_text)
        if normalize(src_text) != normalize(dst_text) and tally.kinds.get(pred) != "identical":
            tally.pred.add(pred)


def evaluate_file(path: Path, command: list[str], threshold: float | None) -> Tally:
    label = load(path.read_text(encoding="utf-8"))
    doc = run_diff(command, label, threshold)
    categories = {c["title"]: c for c in doc["categories"]}
    tally, name, seen = Tally(), f"{path.parent.name}/{path.stem}", set()
    for entry in label["categories"]:
        title = entry["category"]
        category = match_category(title, categories)
        if category is None:
            print(f"warning: {name}: no category {title!r} in career's diff", file=sys.stderr)
            continue
        seen.add(category["title"])
        items = category.get("items", [])
        texts = {"from": statement_texts(items, "from"), "to": statement_texts(items, "to")}
        key = f"{name} · {title}"
        pairs = entry["pairs"]
        refs = [("from", p["from"]) for p in pairs] + [("to", p["to"]) for p in pairs]
        refs += [("from", r) for r in entry.get("removed") or []]
        refs += [("to", r) for r in entry.get("added") or []]
        for side, (index, opening) in refs:
            found = texts[side].get(index)
            if found is None or not normalize(found).startswith(normalize(opening)):
                shown = short(found or "(none)", 50)
                print(f"warning: {key}: {side} {index} {opening!r} is {shown!r}", file=sys.stderr)
        tally.statements += len({r[0] for s, r in refs if s == "from"})
        tally.statements += len({r[0] for s, r in refs if s == "to"})
        for pair in pairs:
            gold = (key, pair["from"][0], pair["to"][0])
            tally.gold_all.add(gold)
            tally.kinds[gold] = pair["kind"]
            src, dst = texts["from"].get(gold[1], "?"), texts["to"].get(gold[2], "?")
            tally.texts.setdefault(gold, (src, dst))
            if pair["kind"] != "identical":
                tally.gold.add(gold)
        add_predictions(tally, key, items)
    for title, category in categories.items():  # pairs in categories no label names
        if title not in seen:
            add_predictions(tally, f"{name} · {title}", category.get("items", []))
    return tally


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def table(rows: dict[str, Tally]) -> str:
    lines = [
        "| ladder | statements | gold (non-identical) | predicted | TP | precision | recall "
        "| all pairs: gold | predicted | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, tally in rows.items():
        s, a = tally.scores(False), tally.scores(True)
        cells = [name, tally.statements, s["gold"], s["predicted"], s["true_positives"]]
        cells += [percent(s["precision"]), percent(s["recall"]), a["gold"], a["predicted"]]
        cells += [percent(a["precision"]), percent(a["recall"])]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def kinds_table(tally: Tally) -> str:
    lines = ["| gold kind | pairs | found | recall |", "| --- | ---: | ---: | ---: |"]
    for kind, row in tally.recall_by_kind().items():
        lines.append(
            f"| {kind} | {row['gold']} | {row['found']} | "
            f"{percent(row['found'] / row['gold'] if row['gold'] else None)} |"
        )
    return "\n".join(lines)


def listing(tally: Tally) -> str:
    out = []
    wrong, missed = tally.pred - tally.gold, tally.gold - tally.pred
    for title, pairs in (("False positives", wrong), ("False negatives", missed)):
        out.append(f"\n{title} ({len(pairs)}):")
        for pair in sorted(pairs):
            src, dst = tally.texts.get(pair, ("?", "?"))
            kind = tally.kinds.get(pair, "not a gold pair")
            out.append(
                f"  {pair[0]}  {pair[1]}→{pair[2]} [{kind}]\n    - {short(src)}\n    + {short(dst)}"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, help="passed to career diff --threshold")
    parser.add_argument("--career", help="command running career (default: python -m career_cli)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong and missed pairs")
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of label files")
    parser.add_argument("--only", action="append", help="only this ladder (label folder name)")
    options = parser.parse_args(argv)
    command = career_command(options.career)
    ladders: dict[str, Tally] = {}
    for path in sorted(options.labels.rglob("*.yaml")):
        if options.only and path.parent.name not in options.only:
            continue
        try:
            tally = evaluate_file(path, command, options.threshold)
            ladders.setdefault(path.parent.name, Tally()).add(tally)
        except (RuntimeError, ValueError, KeyError, TypeError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
    overall = Tally()
    for tally in ladders.values():
        overall.add(tally)
    rows = {**ladders, "overall": overall}
    if options.json:
        summary = {
            name: {
                "statements": t.statements,
                "non_identical": t.scores(False),
                "all_pairs": t.scores(True),
                "recall_by_kind": t.recall_by_kind(),
            }
            for name, t in rows.items()
        }
        print(json.dumps({"threshold": options.threshold, "ladders": summary}, indent=2))
    else:
        print(table(rows))
        print()
        print(kinds_table(overall))
    if options.verbose:
        print(listing(overall), file=sys.stderr if options.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
