"""The command line: a thin Typer layer over the core.

Commands parse options, call the core, pick a renderer and hand the string to ``output.emit``.
Each command lives in its own module with a one-command Typer app, imported only when that command
runs (click's lazy-group pattern), so start-up does not grow with the number of commands. Command
modules do not use ``from __future__ import annotations``: Typer reads parameter annotations at run
time, and evaluating them from strings doubled the time it takes to build a command.

``CareerGroup.invoke`` is the one place where failures become exit statuses: a ``CareerError``
(anything the user can cause) is a short message on stderr and status 2; a closed stdout ends
quietly; an unexpected exception is reported as an internal error without a traceback unless
``--debug`` is given. Typer itself maps Ctrl-C to status 130.
"""

import difflib
import importlib
import os
import signal
import sys
from typing import Annotated, Any

try:
    import typer
    from typer.core import TyperGroup
except KeyboardInterrupt:  # Ctrl-C while Python is still importing: no traceback either
    raise SystemExit(130) from None

from career_cli import __version__
from career_cli.cli.output import ColorChoice, emit, message
from career_cli.errors import CareerError, UsageError

EXIT_ERROR = 2
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE: a bug in career, not in the input

# Command name → the module that defines it (as a one-command Typer app named ``app``).
COMMANDS = {
    "diff": "career_cli.cli.diff_cmd",
    "gap": "career_cli.cli.gap_cmd",
    "levels": "career_cli.cli.levels_cmd",
    "show": "career_cli.cli.show_cmd",
    "frameworks": "career_cli.cli.frameworks_cmd",
    "ladder": "career_cli.cli.ladder_cmd",
    "search": "career_cli.cli.search_cmd",
    "lint": "career_cli.cli.lint_cmd",
    "steps": "career_cli.cli.steps_cmd",
    "export": "career_cli.cli.export_cmd",
}


def _debugging(ctx: Any) -> bool:
    obj = getattr(ctx, "obj", None)
    return bool(isinstance(obj, dict) and obj.get("debug")) or os.environ.get("CAREER_DEBUG") == "1"


def _silence_stdout() -> None:
    """After the reader of our stdout went away, make the final flush at exit a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _print_traceback() -> None:
    import traceback

    traceback.print_exc()


def _usage_error(exc: Any) -> tuple[str, str]:
    """Click's usage error as one line and a hint, in career's words: ``no such option: --rot``
    with ``did you mean --root?``, and where the command's usage is."""
    ctx = getattr(exc, "ctx", None)
    text = exc.format_message().split("\n", 1)[0].rstrip(".")
    text = text[:1].lower() + text[1:]
    hint = ""
    option = getattr(exc, "option_name", None)
    if option and ctx is not None and type(exc).__name__ == "NoSuchOption":
        text = f"no such option: {option}"
        names = [name for param in ctx.command.params for name in getattr(param, "opts", ())]
        close = difflib.get_close_matches(option, [n for n in names if n.startswith("--")], n=1)
        hint = f"did you mean {close[0]}? " if close else ""
    if ctx is not None:
        hint += f"see '{ctx.command_path} --help'"
    return text, hint


class CareerGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = typer.main.get_command(importlib.import_module(module).app)
        command.name = cmd_name
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.5)
            suggestion = f"did you mean '{close[0]}'? " if close else ""
            raise UsageError(
                f"no command '{name}'",
                hint=f"{suggestion}commands: {', '.join(COMMANDS)}; see 'career --help'",
            )
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's own errors (an unknown option, a missing argument, a bad value) in the style
        of every other error: ``career: error: …``, a hint, exit status 2."""
        standalone = kwargs.pop("standalone_mode", True)
        # Typer vendors click, and where its classes live moved between releases; its public
        # BadParameter is a UsageError, which is a ClickException, in every release we allow.
        names: dict[str, type[Exception]] = {
            cls.__name__: cls for cls in typer.BadParameter.__mro__ if issubclass(cls, Exception)
        }
        usage, click_error = names["UsageError"], names["ClickException"]
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except usage as exc:
            text, hint = _usage_error(exc)
            message("error", f"{text}\n  hint: {hint}" if hint else text)
            code = getattr(exc, "exit_code", 2)
        except click_error as exc:
            message("error", getattr(exc, "format_message", exc.__str__)())
            code = getattr(exc, "exit_code", 1)
        except typer.Abort:
            code = 130
        if not standalone:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerError as exc:
            if _debugging(ctx):
                _print_traceback()
            message("error", exc.render())
            raise typer.Exit(EXIT_ERROR) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if getattr(exc, "exit_code", None) is not None:  # click's own exceptions
                raise
            if _debugging(ctx):
                _print_traceback()
            if isinstance(exc, OSError) and exc.filename is not None:
                # A path the file system refuses (a name too long, a folder we may not enter, a
                # loop), met while looking a path up: the path given is at fault, not career.
                message("error", f"{exc.filename}: {exc.strerror or exc}")
                raise typer.Exit(EXIT_ERROR) from None
            message("internal error", f"{type(exc).__name__}: {exc}")
            sys.stderr.write("  hint: run with --debug for a traceback, and please report it\n")
            raise typer.Exit(EXIT_INTERNAL) from None


app = typer.Typer(
    name="career",
    cls=CareerGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        emit(f"career {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something fails.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page the output of any command (as git).")
    ] = False,
    color: Annotated[
        ColorChoice | None,
        typer.Option(
            "--color",
            help="Colour for every command: auto, always, never (a command's own --color wins).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Compare the levels of an engineering career framework.

    \b
    Examples:
      career diff intermediate senior
      career diff associate senior --format json | jq '.counts'
      career --no-pager gap intermediate senior -o promotion.md --format markdown
      career levels
    """
    ctx.obj = {"debug": debug, "no_pager": no_pager, "color": color}


def _stdout_closed() -> bool:
    # When click meets a closed stdout it swaps in this wrapper and exits 1; that is how a closed
    # pipe during --help (which runs before any command) is told apart from other failures.
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C stops career once. Further ones (a held key, a supervisor repeating SIGINT) are
    ignored from then on: arriving while it unwinds to status 130, they would cut that short —
    after Python restores the default handler at exit, the signal kills the process outright."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    """The console script: the app, plus what happens before or outside any command."""
    signal.signal(signal.SIGINT, _interrupted)
    try:
        app(prog_name="career")
    except SystemExit as exc:
        if exc.code == 1 and _stdout_closed():
            _silence_stdout()
            raise SystemExit(0) from None
        raise
    except CareerError as exc:  # e.g. --version written to a full disk
        message("error", exc.render())
        raise SystemExit(EXIT_ERROR) from None
