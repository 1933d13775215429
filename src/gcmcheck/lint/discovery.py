"""Which files `gcmcheck lint PATH...` checks, in which order, under which name.

* A folder is searched recursively for files matching the include globs (by default
  *.md, *.markdown, *.txt) and not the exclude globs. Files the repository's
  .gitignore ignores are skipped when the folder is inside a git work tree (asked of
  git itself, so nested .gitignore files, .git/info/exclude and the global excludes
  file all count), as are version-control and virtual-environment folders.
  Symlinked folders are not followed, so a link loop cannot hang the run.
* A file named on the command line is checked whatever .gitignore says, but it must
  match the include globs and not the exclude globs: pre-commit passes every staged
  text file, and only drafts should be checked.
* `-` is stdin.

A glob without "/" matches a file's name, or the name of any folder on the way
("drafts" excludes every folder called drafts); a glob with "/" matches the path
relative to the folder it was given in (the configuration file's folder, or the
working folder for options), with ** spanning folders.

Results are named by the path as given (`docs/` + the path found under it), so
output matches what the user typed; order is the order of the arguments, then
sorted path order inside a folder. A file reached twice is checked once.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from gcmcheck.commands.common import UserError, printable

STDIN = "-"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
# Never searched inside a folder: version control and environments full of
# third-party READMEs and LICENSE.txt files.
SKIPPED_FOLDERS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages"}
)


@dataclass(frozen=True, slots=True)
class Target:
    """One document to check: name is what results call it; path is None for stdin."""

    name: str
    path: Path | None
    markdown: bool


@dataclass(frozen=True, slots=True)
class Rules:
    """Include and exclude globs, each with the folder its relative patterns start from."""

    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    include_base: Path | None = None
    exclude_base: Path | None = None


@dataclass(slots=True)
class Discovery:
    targets: list[Target] = field(default_factory=list)
    # files named on the command line that the include/exclude globs left out
    filtered: list[str] = field(default_factory=list)


def is_markdown(name: str) -> bool:
    return Path(name).suffix.lower() in MARKDOWN_SUFFIXES


def discover(
    args: Sequence[str],
    rules_for: Callable[[Path], Rules],
    stdin_name: str | None = None,
    use_git: bool = True,
) -> Discovery:
    """The documents to check for the command-line paths; raises UserError.

    rules_for(folder) gives the globs that apply to an argument (the configuration
    found from it). A missing path, or a folder holding no file to check, is an error.
    """
    found = Discovery()
    seen: set[object] = set()
    for arg in args:
        if arg == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                name = printable(stdin_name) if stdin_name else "<stdin>"
                found.targets.append(Target(name, None, markdown=is_markdown(stdin_name) if stdin_name else True))
            continue
        path = Path(arg)
        if not os.path.lexists(path) or (path.is_symlink() and not path.exists()):
            raise UserError(f"{arg}: no such file or directory")
        if path.is_dir():
            rules = rules_for(path)
            names = list(_walk(arg, path, rules, use_git))
            if not names:
                raise UserError(f"{arg}: no files to check (include: {', '.join(rules.include)})")
            candidates: Iterable[tuple[str, Path]] = names
        elif path.is_file():
            rules = rules_for(path.parent)
            if not _selected(path, rules, is_dir=False):
                found.filtered.append(arg)
                continue
            candidates = [(arg, path)]
        else:
            raise UserError(f"{arg}: not a file or folder")
        for name, file in candidates:
            key = _identity(file)
            if key in seen:
                continue
            seen.add(key)
            # name is only shown: a file name that is not UTF-8 is shown with U+FFFD
            found.targets.append(Target(printable(name), file, markdown=is_markdown(name)))
    return found


def _identity(path: Path) -> object:
    """What makes two paths the same file (device and inode; the resolved path if unknown)."""
    try:
        st = path.stat()
        return (st.st_dev, st.st_ino)
    except OSError:
        return str(path.resolve())


def _walk(arg: str, root: Path, rules: Rules, use_git: bool) -> Iterable[tuple[str, Path]]:
    """(name, path) of every file to check under a folder, in sorted path order."""
    ignored = git_ignored(root) if use_git else None
    found: list[tuple[tuple[str, ...], str, Path]] = []
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        rel_parts = () if rel_folder == "." else tuple(Path(rel_folder).parts)
        kept_dirs = []
        for d in dirs:
            rel = "/".join((*rel_parts, d))
            path = Path(folder, d)
            if d in SKIPPED_FOLDERS or path.is_symlink():
                continue
            if ignored is not None and ignored.folder(rel):
                continue
            if _excluded(path, rules, is_dir=True):
                continue
            kept_dirs.append(d)
        dirs[:] = kept_dirs
        for f in files:
            rel = "/".join((*rel_parts, f))
            path = Path(folder, f)
            if ignored is not None and ignored.file(rel):
                continue
            if not path.is_file() or not _selected(path, rules, is_dir=False):
                continue
            found.append(((*rel_parts, f), rel, path))
    found.sort(key=lambda item: item[0])
    for _, rel, path in found:
        yield (rel if arg in (".", "./") else os.path.join(arg, rel)), path


def _selected(path: Path, rules: Rules, is_dir: bool) -> bool:
    included = any(_matches(p, path, rules.include_base, is_dir, covers=False) for p in rules.include)
    return included and not _excluded(path, rules, is_dir)


def _excluded(path: Path, rules: Rules, is_dir: bool) -> bool:
    return any(_matches(p, path, rules.exclude_base, is_dir, covers=True) for p in rules.exclude)


def _matches(pattern: str, path: Path, base: Path | None, is_dir: bool, covers: bool) -> bool:
    """Does a glob match a file or folder (see the module docstring for the rules)?

    covers: a match on a folder also matches what is inside it (exclude globs), so
    "drafts" or "docs/archive" leave out a file named directly below them.
    """
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    if folder_only and not is_dir and not covers:
        return False
    itself = is_dir or not folder_only  # may the path itself match, or only a folder above it?
    rel = _relative(path, base)
    if "/" not in pattern:
        regex = _compile(pattern)
        if itself and regex.fullmatch(os.path.basename(os.path.abspath(path))):
            return True
        folders = rel.split("/")[:-1] if covers and rel else []
        return any(regex.fullmatch(name) for name in folders)
    while pattern.startswith("./"):
        pattern = pattern[2:]
    regex = _compile(pattern.lstrip("/"))
    if rel is None:
        return False
    if itself and regex.fullmatch(rel):
        return True
    parts = rel.split("/")
    return covers and any(regex.fullmatch("/".join(parts[:i])) for i in range(1, len(parts)))


def _relative(path: Path, base: Path | None) -> str | None:
    start = Path(os.path.abspath(base if base is not None else Path.cwd()))
    try:
        rel = Path(os.path.abspath(path)).relative_to(start)
    except ValueError:
        return None
    return rel.as_posix()


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A glob as a regex: ** spans folders, * and ? stay inside one, [...] a class."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("!", "^") else i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : j]
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
                continue
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("".join(out), re.DOTALL)
    except re.error as exc:  # "[z-a]": a bad range in a character class
        raise UserError(f"invalid glob {pattern!r}: {exc.msg}") from None


# --- .gitignore --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GitIgnored:
    """Paths (relative to the searched folder, "/"-separated) that git ignores."""

    files: frozenset[str]
    folders: frozenset[str]  # wholly ignored folders, without the trailing "/"

    def folder(self, rel: str) -> bool:
        return rel in self.folders

    def file(self, rel: str) -> bool:
        return rel in self.files


def git_ignored(folder: Path) -> GitIgnored | None:
    """What git ignores under folder, or None outside a work tree (or without git).

    `git ls-files --others --ignored --exclude-standard --directory` lists ignored
    untracked files and collapses wholly ignored folders into one entry, so a huge
    ignored node_modules costs one line. Tracked files are never listed: a file
    committed despite a pattern is checked.
    """
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=folder,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:  # not a work tree
        return None
    files: set[str] = set()
    folders: set[str] = set()
    for entry in proc.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        if entry.endswith("/"):
            folders.add(entry.rstrip("/"))
        else:
            files.add(entry)
    return GitIgnored(frozenset(files), frozenset(folders))
