"""Escaping and naming shared by the machine-readable formats.

Everything a formatter writes that came from a checked document is untrusted: a
draft can contain terminal escape sequences, newlines, or text that looks like a
GitHub workflow command. Keeping the rules here means each format applies the same
ones, and a fix to one of them fixes every format.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from gcmcheck.models import Result, Verdict
from gcmcheck.regex_cache import regex

# CSI sequences (ESC [ ... final), OSC sequences (ESC ] ... BEL or ESC \), then any
# remaining C0 control except tab and newline, DEL, and C1 controls. Identical to the
# pattern text.py has always used, so text output does not change by sharing it.
_CONTROL_RE = regex(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE_RE = regex("[\ud800-\udfff]")
# What an editor, grep or a log viewer may treat as the end of a line once control
# characters are gone: newline, and the Unicode line and paragraph separators.
_BREAK_RE = regex(r"[ \t]*[\n\u2028\u2029][ \t\n\u2028\u2029]*")

# Characters JSON leaves raw inside strings but a terminal may act on (DEL and the C1
# controls: U+009B is a CSI on many terminals) or a JavaScript parser or log viewer
# takes as a line break (U+2028, U+2029). They only occur inside JSON strings, where
# a \u escape means the same character, so escaping them changes no value.
# Lone surrogates (bytes of a command-line argument that are not UTF-8) are escaped
# too: written raw they would be those bytes again, and not UTF-8.
_JSON_UNSAFE = str.maketrans({c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029, *range(0xD800, 0xE000))})
_JSON_UNSAFE_RE = regex("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # the same set: translate only when needed

# Inputs that are not files: statements given on the command line, or piped text.
PSEUDO_INPUTS = ("<argv>", "<stdin>")

SEVERITY = {
    Verdict.CONTRADICTED: "error",
    Verdict.CONFLICTING: "warning",
    Verdict.SUPPORTED: "notice",
    Verdict.UNVERIFIABLE: "notice",
}


def clean(text: str) -> str:
    """Document text without terminal control sequences: a draft cannot repaint the screen.

    Tab and newline survive (they are layout, not control); formats that need a
    single line call `one_line` as well. A lone surrogate (a byte of a command-line
    argument that is not UTF-8, such as 0x9B, an 8-bit CSI) becomes U+FFFD rather than
    being written back as that byte.
    """
    return _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", text))


def one_line(text: str) -> str:
    """`clean` text with every line break folded to one space.

    Line-oriented consumers (editors' error parsers, grep, CI logs) take a newline
    as the start of the next record, so a sentence spanning lines would forge one.
    """
    return _BREAK_RE.sub(" ", clean(text))


def json_dumps(value: object, out: object = None, **options: object) -> str:
    """json.dumps for output: readable Unicode, but no raw control characters.

    JSON itself escapes C0 controls; DEL, C1 controls and the line and paragraph
    separators are escaped here too. When the stream cannot encode all of Unicode
    (a Latin-1 or ASCII terminal), every non-ASCII character is escaped instead,
    so the output is still valid JSON with the same values.
    """
    import json

    text = json.dumps(value, ensure_ascii=not unicode_stream(out), **options)  # type: ignore[arg-type]
    return text.translate(_JSON_UNSAFE) if _JSON_UNSAFE_RE.search(text) else text


def unicode_stream(out: object) -> bool:
    """Can the stream encode every character (UTF-8, UTF-16...)? True for in-memory text."""
    import codecs

    encoding = getattr(out, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def sarif_text(text: str) -> str:
    """Text for a SARIF message: SARIF 2.1.0 (3.11.5) reads "{n}" as a placeholder and
    requires a literal "{" or "}" to be written "{{" or "}}"."""
    return text.replace("{", "{{").replace("}", "}}")


def workflow_data(text: str) -> str:
    """Escape the message of a GitHub workflow command.

    The runner reads one command per line and decodes %25, %0D and %0A, so this is
    what keeps a newline in a message from starting a command of its own.
    "%" goes first, or the escapes themselves would be escaped again.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command.

    Properties are separated by "," and end at "::", so both ":" and "," are
    escaped in addition to what `workflow_data` escapes.
    """
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def display_path(name: str, cwd: Path | None = None) -> str:
    """The input name as the formats print it: relative, posix, without "./".

    Editors and GitHub resolve paths from the folder the check ran in, and
    "./docs/a.md", "docs/a.md" and "/abs/cwd/docs/a.md" must all name the same file
    so annotations and fingerprints line up. An absolute path outside the current
    folder stays absolute; "<argv>" and "<stdin>" are returned as they are.
    """
    if name in PSEUDO_INPUTS:
        return name
    if _is_absolute(name):
        relative = _relative_to_cwd(name, cwd)
        return relative if relative is not None else name
    while name.startswith("./"):
        name = name[2:]
    return name or "."


def _is_absolute(name: str) -> bool:
    return PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute()


def _relative_to_cwd(name: str, cwd: Path | None) -> str | None:
    """name relative to the current folder, or None when it lies outside it.

    The plain comparison comes first so that a symlinked working folder keeps the
    spelling the user gave; the resolved one catches e.g. /tmp vs /private/tmp.
    """
    base = cwd if cwd is not None else Path.cwd()
    path = Path(name)
    for p, b in ((path, base), (path.resolve(), base.resolve())):
        try:
            rel = p.relative_to(b)
        except ValueError:
            continue
        return rel.as_posix() if rel.parts else "."
    return None


def message(r: Result) -> str:
    """One-sentence description of a result, shared by the line, github and sarif formats.

    Not cleaned: JSON formats keep the text exactly, the terminal-facing ones call
    `one_line` or `clean` on it.
    """
    verdict = r.verdict.value
    if r.verdict is Verdict.UNVERIFIABLE:
        return f"{verdict}: {r.text}"
    if r.verdict is Verdict.SUPPORTED:
        return f"{verdict}: {r.text} ({r.claim_id})" if r.claim_id else f"{verdict}: {r.text}"
    values = []
    if r.stated:
        values.append(f"stated {r.stated}")
    if r.expected:
        values.append(f"sources say {r.expected}")
    refs = [r.claim_id] if r.claim_id else []
    if r.citations:
        c = r.citations[0]
        refs.append(f"{c.source}:{c.line}" if c.line else c.source)
    text = f"{verdict}: {r.text}"
    if values:
        text += " \u2014 " + ", ".join(values)
    if refs:
        text += f" ({'; '.join(refs)})"
    return text
