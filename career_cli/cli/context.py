"""The one command context: where a command's levels come from and where its output goes.

Every command is declared with ``@with_context(...)``. The decorator adds the options every
command shares (``-f/--framework``, ``--root``, ``--format``/``--json``, ``--width``, ``--color``,
``--no-pager``, ``-o/--output``) to the command's own parameters, so no command can forget one or
spell it differently, and it hands the command an ``Env`` built from them in one place (like
httpie's ``Environment``): the framework and root to read, the format, width, colour, pager and
output destination. Commands open levels through ``Env.open_framework``/``Env.open_levels``
(which warn about skipped pages and include problems once) and emit their result through
``Env.emit``, which imports only the renderer for that kind of result in that format.

Global options given before the command (``career --no-pager --color never diff …``) are kept
on the root context and apply unless the command's own option says otherwise.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from career_cli.cli.options import (
    ColorOption,
    Format,
    FrameworkOption,
    JsonFlag,
    NoPagerFlag,
    OutputOption,
    RootOption,
    WidthOption,
    format_option,
)
from career_cli.cli.output import (
    ColorChoice,
    emit,
    output_width,
    stdout_is_terminal,
    use_color,
    warn_notes,
    warn_problems,
    write_file,
)
from career_cli.errors import UsageError

if TYPE_CHECKING:
    from career_cli.model import Framework, Level

# name: (annotation with its Typer option, default). The order is the order of --help.
_FRAMEWORK_PARAMS: dict[str, tuple[Any, Any]] = {
    "framework": (FrameworkOption, None),
    "root": (RootOption, None),
}
_OUTPUT_PARAMS: dict[str, tuple[Any, Any]] = {
    "fmt": (None, None),  # --format: the formats of the command's kind (``format_option``)
    "json_flag": (JsonFlag, False),
    "output": (OutputOption, None),
    "width": (WidthOption, None),
    "color": (ColorOption, None),
    "no_pager": (NoPagerFlag, False),
}


class Env:
    """Everything a command needs besides its own arguments, decided once."""

    def __init__(
        self,
        *,
        kind: str,
        framework: str | None = None,
        root: str | None = None,
        fmt: Format = Format.text,
        width: int | None = None,
        color: ColorChoice = ColorChoice.auto,
        pager: bool = True,
        output: str | None = None,
    ) -> None:
        self.kind = kind
        self.framework = framework
        self.root = root
        self.format = fmt
        self.width = width
        self.color = color
        self.output = None if output in (None, "-") else output
        self.pager = pager and self.output is None
        self.read: list[Framework] = []  # what -o must never overwrite
        self._loaded: Framework | None = None

    # -- reading

    def open_framework(self, *, warn: bool = True) -> Framework:
        """The framework ``-f``/``--root`` name (the bundled default without them), loaded once;
        its unreadable pages are a warning each."""
        if self._loaded is None:
            from career_cli.sources.catalog import open_framework

            self._loaded = self.remember(open_framework(self.framework, root=self.root))
            if warn:
                warn_problems(self._loaded)
        return self._loaded

    def open_levels(
        self, names: Sequence[str], *, skip_warning: bool = False
    ) -> tuple[Framework, list[Level]]:
        """The levels ``names`` give (names, page files, ``@REV``) and the framework they are
        compared in; skipped pages and include problems are warned about once."""
        from career_cli.sources.levelargs import open_levels

        framework, levels, named = open_levels(list(names), self.framework, root=self.root)
        self.remember(framework)
        if named:
            warn_problems(framework, skip={level.id for level in levels} if skip_warning else None)
        warn_notes(levels)
        return framework, levels

    def remember(self, framework: Framework) -> Framework:
        """Note a framework this command read, so that ``-o`` cannot overwrite its pages."""
        self.read.append(framework)
        return framework

    # -- writing

    def emit(self, result: object, *, changes_only: bool = False, show_all: bool = False) -> None:
        """Render ``result`` (of this command's kind) in the chosen format and write it out."""
        from career_cli.render import RenderOptions, formats, render

        fmt = self.format.value
        if fmt not in formats(self.kind):
            raise UsageError(
                f"career {self.kind} cannot write --format {fmt}",
                hint=f"formats of {self.kind}: {', '.join(formats(self.kind))}",
            )
        to_terminal = self.output is None and stdout_is_terminal()
        options = RenderOptions(
            width=output_width(self.width, terminal=to_terminal),
            color=use_color(self.color, terminal=to_terminal),
            pretty=to_terminal,
            changes_only=changes_only,
            show_all=show_all,
        )
        text = render(self.kind, fmt, result, options)
        if self.output is None:
            emit(text, page=self.pager)
        else:
            write_file(Path(self.output), text, protected=self.read)


def build_env(kind: str, ctx: typer.Context, values: dict[str, Any]) -> Env:
    """The one place an ``Env`` is made: command options, then global ones, then defaults."""
    from career_cli.cli.options import pick_format

    settings = ctx.find_root().obj
    settings = settings if isinstance(settings, dict) else {}
    color = values.get("color") or settings.get("color") or ColorChoice.auto
    # A command's own enum of formats (format_option) as the one Format; none when it renders none.
    fmt = Format(values["fmt"].value) if "fmt" in values else Format.text
    return Env(
        kind=kind,
        framework=values.get("framework"),
        root=values.get("root"),
        fmt=pick_format(fmt, values.get("json_flag", False)),
        width=values.get("width"),
        color=color,
        pager=not (values.get("no_pager") or settings.get("no_pager")),
        output=values.get("output"),
    )


def with_context(
    kind: str, *, reads_framework: bool = True, renders: bool = True
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a command: its function takes an ``Env`` first, then its own parameters; the
    shared options are added to what Typer sees, after the command's own. A command that writes
    files of its own formats (``export``) does not render views: ``renders=False`` leaves out
    the view options (--format, --width, --color, the pager, -o), and it declares its own."""
    shared = {
        **(_FRAMEWORK_PARAMS if reads_framework else {}),
        **(_OUTPUT_PARAMS if renders else {}),
    }
    if renders:
        shared["fmt"] = format_option(kind)

    def decorate(function: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(function).parameters.values())[1:]  # [0] is the Env
        keyword = inspect.Parameter.KEYWORD_ONLY
        params = [
            inspect.Parameter("ctx", keyword, annotation=typer.Context),
            *(p.replace(kind=keyword) for p in own),
            *(
                inspect.Parameter(name, keyword, annotation=annotation, default=default)
                for name, (annotation, default) in shared.items()
            ),
        ]

        @functools.wraps(function)
        def command(ctx: typer.Context, **values: Any) -> None:
            env = build_env(kind, ctx, {name: values.pop(name) for name in shared})
            function(env, **values)

        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        del command.__wrapped__  # Typer must read the signature above, not the function's
        return command

    return decorate
