"""The generated parts of the documentation, called from the ``[[[cog`` blocks in README.md and
docs/reference.md: command tables from the Typer app itself, JSON shapes from the shipped schemas.

    cog -r README.md docs/reference.md        # regenerate after changing an option or a schema
    cog --check README.md docs/reference.md   # what .ci/run does: fails when they are stale

Nothing here is written by hand twice: an option's help is the ``help=`` it is declared with, a
JSON key is the schema's.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from typer.main import get_command

from career_cli.cli import COMMANDS, app


def _command(name: str) -> Any:
    group = get_command(app)
    return group.get_command(None, name)  # type: ignore[attr-defined]


def _summary(command: Any) -> str:
    return str(command.help or "").strip().split("\n")[0]


def _usage(name: str, command: Any) -> str:
    arguments = [p.make_metavar(None) for p in command.params if p.param_type_name == "argument"]
    return " ".join(["career", name, *arguments])


def commands_table() -> str:
    """Every command with its usage and what it does, linked to its reference."""
    rows = ["| command | what it does |", "| --- | --- |"]
    for name in COMMANDS:
        command = _command(name)
        anchor = f"docs/reference.md#career-{name}"
        rows.append(f"| [`{_usage(name, command)}`]({anchor}) | {_summary(command)} |")
    return "\n".join(rows)


def _option_cell(param: Any) -> str:
    names = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
    if param.is_flag:
        return names
    choices = getattr(param.type, "choices", None)
    if choices:
        value = "\\|".join(str(c) for c in choices)
    else:
        value = str(param.metavar or "VALUE").replace("|", "\\|")
    return f"{names} `{value}`"


def _help_cell(param: Any) -> str:
    text = " ".join(str(param.help or "").split()).replace("|", "\\|")
    default = param.default
    shown = param.show_default is not False and default not in (None, False, (), [])
    if shown and not param.is_flag:
        value = getattr(default, "value", default)
        text += f" Default: `{value}`."
    if param.envvar:
        text += f" Env: `{param.envvar}`."
    return text


def command_reference(name: str) -> str:
    """One command: usage, description, arguments and options, examples."""
    command = _command(name)
    lines = [f"Usage: `{_usage(name, command)} [OPTIONS]`", ""]
    body = str(command.help or "").strip().replace("\b\n", "")
    lines += [" ".join(paragraph.split()) + "\n" for paragraph in body.split("\n\n")]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    if arguments:
        lines += ["| argument | meaning |", "| --- | --- |"]
        lines += [f"| `{p.make_metavar(None)}` | {_help_cell(p)} |" for p in arguments]
        lines.append("")
    options = [p for p in command.params if p.param_type_name == "option" and p.name != "help"]
    lines += ["| option | meaning |", "| --- | --- |"]
    lines += [f"| {_option_cell(p)} | {_help_cell(p)} |" for p in options]
    epilog = str(command.epilog or "").replace("\b", "").strip()
    if epilog:
        examples = [line.strip() for line in epilog.splitlines()[1:] if line.strip()]
        lines += ["", "```sh", *examples, "```"]
    return "\n".join(lines)


def _schema(kind: str) -> dict[str, Any]:
    text = resources.files("career_cli").joinpath(f"schemas/{kind}.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def _shape(node: dict[str, Any], defs: dict[str, Any], indent: int, seen: tuple[str, ...]) -> str:
    """A schema node as the JSON it describes: keys, types, constants, ``a|b`` for enums, ``?``
    after an optional key, ``[…]`` for arrays."""
    ref = node.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        if name in seen:
            return f"<{name}>"
        return _shape(defs[name], defs, indent, (*seen, name))
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return '"' + "|".join(str(v) for v in node["enum"]) + '"'
    options = node.get("oneOf") or node.get("anyOf")
    if options:
        return " | ".join(_shape(o, defs, indent, seen) for o in options)
    kind = node.get("type")
    if isinstance(kind, list):
        return " | ".join("null" if k == "null" else k for k in kind)
    if kind == "array":
        return "[" + _shape(node.get("items", {}), defs, indent, seen) + ", …]"
    if kind == "object" and "properties" in node:
        required = set(node.get("required", ()))
        entries = [
            f'"{key}"{"" if key in required else "?"}: ' + _shape(value, defs, indent + 2, seen)
            for key, value in node["properties"].items()
        ]
        flat = "{" + ", ".join(entries) + "}"
        if "\n" not in flat and indent + len(flat) <= 90:  # small objects on one line
            return flat
        pad = " " * (indent + 2)
        return "{\n" + ",\n".join(pad + e for e in entries) + "\n" + " " * indent + "}"
    return str(kind or "any")


def json_shape(kind: str) -> str:
    """The shape of ``career KIND --format json``, from its shipped schema."""
    schema = _schema(kind)
    shape = _shape(schema, schema.get("$defs", {}), 0, ())
    return "\n".join(["```", shape, "```"])
