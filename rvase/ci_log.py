"""What the check and the build print to a CI log, made so that GitHub's runner reads data as text, never as a
workflow command.

GitHub's runner reads every line of a step's output. A line whose first non-blank characters are `::` is a command
(`::error file=…::`, `::add-mask::`, `::stop-commands::`…), and the older form `##[command]` counts anywhere in a
line (actions/runner, ActionCommand.TryParseV2 and TryParse). Data reaches the log inside problem reports and the
builder's messages: a key holding a line break followed by `::error` would otherwise print a forged annotation.
Standard library only: tools/ use it before anything is installed.
"""

import re

# What the runner (.NET) trims before looking for `::`; Python's `str.isspace` covers it (and a few more).
_COMMAND_START = re.compile(r"^(\s*)::")
_LEGACY_COMMAND = "##["
# Every character Python ends a line at (`str.splitlines`), shown escaped; the runner ends a line at CR and LF.
_LINE_BREAK_CHARACTERS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in _LINE_BREAK_CHARACTERS})


def inert_line(line: str) -> str:
    """One line of text as the runner must show it: `::` at its start becomes `\\::`, `##[` becomes `##\\[`."""
    return _COMMAND_START.sub(lambda match: match[1] + "\\::", line).replace(_LEGACY_COMMAND, "##\\[")


def inert_text(text: str) -> str:
    """Text of several lines, each made inert (its line breaks kept as they are)."""
    lines = text.splitlines(keepends=True)
    return "".join(
        inert_line(line.rstrip(_LINE_BREAK_CHARACTERS)) + line[len(line.rstrip(_LINE_BREAK_CHARACTERS)) :]
        for line in lines
    )


def one_line(text: str) -> str:
    """A value meant for one line (a file name, a field): its line breaks shown as `\\n`, `\\r`…, so that data
    cannot start a line of its own."""
    return text.translate(_LINE_BREAKS)


def encode_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped, so that data cannot end the line or start a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def encode_property(text: str) -> str:
    """A workflow command's property value (file, title): as a message, and `:` and `,` escaped too."""
    return encode_data(text).replace(":", "%3A").replace(",", "%2C")


def error_command(message: str, **properties: str | None) -> str:
    """`::error file=…,line=…,title=…::message`, which GitHub shows on the line of the pull request's diff. Only the
    line breaks the runner knows (CR, LF) are encoded; another character that Python takes for a line break is shown
    escaped, so that printing the command never splits it."""
    listed = ",".join(f"{name}={one_line(encode_property(value))}" for name, value in properties.items() if value)
    return f"::error {listed}::{one_line(encode_data(message))}"
