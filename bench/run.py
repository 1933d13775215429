#!/usr/bin/env python3
"""gcmcheck's benchmark: the four performance targets, measured as a user would run them.

    python bench/run.py [--size full|small|tiny] [--repeat N] [--json] [--check]

Every timed thing is a subprocess of the installed `gcmcheck` (the one beside this
Python, else the one on PATH), with a compiled-table cache warmed first in a temporary
GCMCHECK_CACHE_DIR, so the run is self-contained. The commands compared in a target are
run alternately (A, B, A, B, …) and their medians compared. Inputs are generated here,
from a fixed random seed: a Markdown corpus of GCM prose built from the seed documents
in seeds/, synthetic claims tables with their sources, and a plain-text stream.

It prints a table (target | measured | goal | met) and the raw medians, and exits 0: it
is a report. With --check it exits 1 when a target is missed. Only `--size full` runs
at the sizes the targets are stated for; small and tiny are for trying it out and for
the test suite. Standard library only; proselint and codespell (pip install '.[bench]')
are used when installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1_000_000


def human(nbytes: float) -> str:
    return f"{nbytes / MB:.1f} MB" if nbytes >= MB else f"{nbytes / 1000:.0f} KB"


@dataclass(frozen=True)
class Size:
    corpus: int  # target 2: bytes of Markdown
    table_text: int  # target 3: bytes of text checked against each table
    tables: tuple[int, ...]  # target 3: claims per table, smallest and largest compared
    stream: int  # target 4: bytes streamed through stdin
    files: int  # target 4: files for --jobs
    file_size: int  # target 4: bytes per file
    repeat: int  # default pairs for the heavy measurements
    startup_repeat: int  # pairs for the start-up measurement
    stream_budget: float  # seconds the stdin stream may take before it is stopped
    budget: float  # seconds of repeats per target: no new round starts past it (at least one runs)
    timeout: float  # seconds any one command may take


SIZES = {
    "full": Size(5 * MB, 1 * MB, (100, 1_000, 10_000), 200 * MB, 20, 5 * MB // 20, 3, 21, 900.0, 100.0, 400.0),
    "small": Size(200_000, 100_000, (100, 1_000, 10_000), 20 * MB, 20, 10_000, 3, 11, 60.0, 60.0, 200.0),
    "tiny": Size(20_000, 20_000, (10, 100, 1_000), 2 * MB, 20, 1_000, 1, 3, 30.0, 30.0, 120.0),
}

STARTUP_STATEMENT = "152 countries voted yes"
BASELINE_IMPORTS = "import typer, rich.console, yaml, rapidfuzz"


# ---------------------------------------------------------------- the corpus of GCM prose

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
COUNTRIES = ["United States", "Hungary", "Austria", "Australia", "Israel", "Poland", "Czech Republic",
             "Italy", "Chile", "Brazil", "Switzerland", "Belgium", "Germany", "France", "Morocco",
             "Mexico", "Canada", "Slovakia", "Bulgaria", "Latvia", "Estonia", "Dominican Republic",
             "Croatia", "Denmark", "Norway", "Sweden", "Ireland", "Spain", "Portugal", "Greece",
             "Kenya", "Nigeria", "Ghana", "Senegal", "India", "Bangladesh", "Philippines", "Indonesia",
             "Japan", "New Zealand", "Argentina", "Colombia", "Peru", "Ecuador", "Tunisia", "Egypt"]
PEOPLE = ["António Guterres", "Louise Arbour", "António Vitorino", "Nikki Haley", "Viktor Orbán",
          "Sebastian Kurz", "Angela Merkel", "Charles Michel", "Jacinda Ardern", "Scott Morrison",
          "Andrzej Duda", "Miroslav Lajčák", "María Fernanda Espinosa", "Nasser Bourita"]
COMPACT = ["Global Compact for Migration", "Global Compact for Safe, Orderly and Regular Migration",
           "migration pact", "the compact", "Marrakech Compact", "UN migration pact", "GCM",
           "Global Compact on Migration", "migration accord"]
EVENTS = ["the General Assembly", "the Marrakech conference", "the intergovernmental conference in Marrakech",
          "the UN General Assembly vote", "the conference in Morocco", "UN headquarters in New York"]
OUTLETS = ["The Associated Press", "Reuters", "the BBC", "Al Jazeera", "Deutsche Welle", "Le Monde",
           "The Guardian", "the UN News Centre", "IOM", "UNHCR", "Euronews", "El País"]
FOR = ["voted in favour of", "voted for", "backed", "endorsed", "approved", "signed", "supported"]
AGAINST = ["voted against", "rejected", "opposed", "refused to sign", "withdrew from", "did not sign"]
LEGAL = ["legally binding", "not legally binding", "non-binding", "binding on the states that sign it"]
LEAD_INS = ["According to {outlet}, ", "As {outlet} reported, ", "In {month} {year}, ", "Officials said that "]
LOWER_FIRST = {"The", "A", "An", "This", "It", "There", "They", "Migrants", "Most", "Many", "Some", "Its", "Both"}
TEMPLATES = [
    "{n3} countries {for_} the {compact} at {event} on {day} {month} {year}.",
    "{country} {against} the {compact} in {month} {year}.",
    "{country} and {country2} {against} the {compact}, while {n3} member states {for_} it.",
    "At {event}, {n3} states voted in favour, {n2} against and {n2b} abstained.",
    "Migrants make up about {pct} percent of the world's population, {outlet} reported.",
    "There are some {n3} million international migrants worldwide, according to {outlet}.",
    "More than {n5} migrants have died on the move since {year}, {person} said.",
    "The {compact} is {legal}, {person} told {outlet}.",
    "{person} said on {day} {month} {year} that the {compact} was {legal}.",
    "The {compact} was adopted by {n3} countries in Marrakech on {day} and {day2} {month} {year}.",
    "The {compact} sets out {n2} objectives for safe, orderly and regular migration.",
    "{country} abstained in the vote at {event} on {day} {month} {year}.",
    "Delegates from {n3} countries met in {month} {year} to discuss the {compact}.",
    "The United States pulled out of the negotiations in {month} {year}.",
]


def _seed_sentences() -> list[str]:
    """The seed documents' lines split into sentences (headlines and list items included)."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("-").strip()
            if len(line) < 20:
                continue
            out.extend(s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", line) if len(s) > 15)
    if not out:
        raise SystemExit(f"bench: no seed text found in {SEEDS}")
    return out


_SLOT = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)|(?P<month>\b(?:" + "|".join(MONTHS) + r")\b)"
    r"|(?P<country>\b(?:" + "|".join(re.escape(c) for c in COUNTRIES) + r")\b)"
)


def _compile_seed(sentence: str) -> list[str | tuple[str, str]]:
    """A seed sentence as literal pieces and slots (numbers, months, countries), so that
    each use of it varies those values cheaply."""
    parts: list[str | tuple[str, str]] = []
    pos = 0
    for m in _SLOT.finditer(sentence):
        parts.append(sentence[pos : m.start()])
        parts.append((m.lastgroup or "", m.group()))
        pos = m.end()
    parts.append(sentence[pos:])
    return parts


class Prose:
    """Sentences of GCM prose: seed sentences with their numbers, months and countries
    varied, and sentences from templates stating votes, dates, figures and stances."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seeds = [_compile_seed(s) for s in _seed_sentences()]

    def _number(self, original: str) -> str:
        r = self.rng
        digits = original.replace(",", "")
        if re.fullmatch(r"(19|20)\d\d", digits):
            return str(r.randint(1990, 2030))
        if "." in digits:
            return f"{r.uniform(0.5, 9.9):.1f}"
        value = int(digits) if digits.isdigit() else 10
        new = max(1, int(value * r.uniform(0.5, 1.5)) + r.randint(-3, 3))
        return f"{new:,}" if "," in original else str(new)

    def _values(self) -> dict[str, str]:
        r = self.rng
        country, country2 = r.sample(COUNTRIES, 2)
        day = r.randint(1, 27)
        return {
            "n2": str(r.randint(2, 40)), "n2b": str(r.randint(2, 40)), "n3": str(r.randint(100, 193)),
            "n5": f"{r.randint(10, 90) * 1000:,}", "pct": f"{r.uniform(2.5, 4.5):.1f}",
            "day": str(day), "day2": str(day + 1), "month": r.choice(MONTHS), "year": str(r.randint(2000, 2024)),
            "country": country, "country2": country2, "person": r.choice(PEOPLE), "outlet": r.choice(OUTLETS),
            "compact": r.choice(COMPACT).removeprefix("the "), "event": r.choice(EVENTS),
            "for_": r.choice(FOR), "against": r.choice(AGAINST), "legal": r.choice(LEGAL),
        }

    def sentence(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            out = []
            for part in r.choice(self.seeds):
                if isinstance(part, str):
                    out.append(part)
                elif part[0] == "num":
                    out.append(self._number(part[1]))
                elif part[0] == "month":
                    out.append(r.choice(MONTHS))
                else:
                    out.append(r.choice(COUNTRIES))
            text = "".join(out)
            if r.random() < 0.3:
                first, _, rest = text.partition(" ")
                if first in LOWER_FIRST:
                    text = r.choice(LEAD_INS).format(**self._values()) + first.lower() + " " + rest
            return text
        return r.choice(TEMPLATES).format(**self._values())

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def markdown_blocks(self) -> Iterator[str]:
        """Markdown: headings, paragraphs, lists and quotes."""
        r = self.rng
        while True:
            kind = r.random()
            if kind < 0.08:
                yield f"{r.choice(['#', '##', '###'])} {r.choice(COUNTRIES)} and the {r.choice(COMPACT).removeprefix('the ')}\n"
            elif kind < 0.2:
                yield "".join(f"{r.choice(['-', '*', '1.'])} {self.sentence()}\n" for _ in range(r.randint(2, 5)))
            elif kind < 0.25:
                yield f"> {self.sentence()}\n"
            else:
                text = self.paragraph()
                if r.random() < 0.2:  # some emphasis and links, as drafts have
                    words = text.split(" ")
                    i = r.randrange(len(words))
                    words[i] = f"**{words[i]}**" if r.random() < 0.5 else f"[{words[i]}](https://example.org/{i})"
                    text = " ".join(words)
                yield text + "\n"

    def text_blocks(self) -> Iterator[str]:
        """Plain text: paragraphs separated by blank lines."""
        while True:
            yield self.paragraph() + "\n"


def build(blocks: Iterator[str], size: int) -> str:
    out: list[str] = []
    total = 0
    for block in blocks:
        block += "\n"
        out.append(block)
        total += len(block.encode())
        if total >= size:
            return "".join(out)
    raise AssertionError("unreachable")


def stream_chunks(size: int, seed: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    """`size` bytes of plain GCM prose, generated as it is sent."""
    blocks = Prose(seed).text_blocks()
    sent = 0
    buf: list[bytes] = []
    n = 0
    while sent < size:
        b = (next(blocks) + "\n").encode()
        buf.append(b)
        n += len(b)
        if n >= chunk or sent + n >= size:
            data = b"".join(buf)[: size - sent]
            yield data
            sent += len(data)
            buf, n = [], 0


# ---------------------------------------------------------------- synthetic claims tables

ADJ = ["regional", "municipal", "national", "standing", "joint", "special", "advisory", "executive",
       "provincial", "federal", "district", "technical", "scientific", "budgetary", "permanent", "interim"]
BODIES = ["committee", "council", "board", "panel", "commission", "assembly", "working group", "cabinet"]
VERBS = ["approved", "endorsed", "adopted", "backed"]
OBJECTS = ["plan", "budget", "proposal", "charter", "strategy", "programme", "framework", "treaty"]
NOISE = ["The weather in the valley was mild for most of the season.",
         "Residents gathered at the market square to hear the band play.",
         "A new bakery opened next to the station last week.",
         "The library extended its opening hours during the exam period.",
         "Several roads were closed while the bridge was repaired.",
         "Volunteers planted trees along the river bank.",
         "The museum showed a collection of old maps and letters.",
         "Children from the school sang at the opening of the park."]


def table_sentence(k: int) -> str:
    """Claim k's sentence in the generated source: the same k, the same sentence."""
    r = random.Random(k)
    return (f"The {r.choice(ADJ)} {r.choice(BODIES)} number {k} {r.choice(VERBS)} the {r.choice(OBJECTS)} "
            f"on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1990, 2024)} with {r.randint(3, 400)} votes in favour.")


def write_table(folder: Path, n: int) -> Path:
    """A claims table of n claims, each quoting its own line of one generated source."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    sentences = [table_sentence(k) for k in range(1, n + 1)]
    (folder / "sources" / "minutes.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    lines = [
        "version: 1",
        "sources_dir: sources",
        "lexicon:",
        "  subject: [" + ", ".join(f"the {o}" for o in OBJECTS) + "]",
        "  entities:",
        "    maria-olsen: [Chair Maria Olsen, Maria Olsen, Olsen]",
        "    jon-park: [Councillor Jon Park, Jon Park]",
        "    city-hall: [City Hall, the town hall]",
        "sources:",
        "  - id: minutes.txt",
        '    title: "Minutes of the generated bodies"',
        "claims:",
    ]
    for k, s in enumerate(sentences, 1):
        quoted = json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML string
        lines += [f"  - id: c{k}", f"    statement: {quoted}", "    citations:",
                  "      - source: minutes.txt", f"        quote: {quoted}"]
    path = folder / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def table_text(size: int, shared: int, largest: int, seed: int) -> str:
    """The text checked against every table: a third restates claims all the tables
    share, a third claims from anywhere in the largest table, a third noise; one
    restatement in four changes its vote count."""
    r = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        para = []
        for _ in range(r.randint(2, 5)):
            pick = r.random()
            if pick < 2 / 3:
                s = table_sentence(r.randint(1, shared) if pick < 1 / 3 else r.randint(1, largest))
                if r.random() < 0.25:
                    s = re.sub(r"with \d+ votes", f"with {r.randint(3, 400)} votes", s)
            else:
                s = r.choice(NOISE)
            para.append(s)
        block = " ".join(para) + "\n\n"
        out.append(block)
        total += len(block.encode())
    return "".join(out)


# ---------------------------------------------------------------- running and timing


class CommandFailed(RuntimeError):
    pass


@dataclass
class Command:
    label: str
    argv: list[str]
    stdin: Path | None = None
    ok: tuple[int, ...] = (0, 1)
    out: Path | None = None  # stdout goes to this file (else nowhere)
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


class Runner:
    def __init__(self, env: dict[str, str], cwd: Path, timeout: float) -> None:
        self.env = env
        self.cwd = cwd
        self.timeout = timeout

    def run(self, cmd: Command, capture: bool = False) -> subprocess.CompletedProcess[bytes]:
        stdin = open(cmd.stdin, "rb") if cmd.stdin else subprocess.DEVNULL  # noqa: SIM115
        stdout = subprocess.PIPE if capture else open(cmd.out, "wb") if cmd.out else subprocess.DEVNULL  # noqa: SIM115
        try:
            proc = subprocess.run(cmd.argv, stdin=stdin, stdout=stdout,
                                  stderr=subprocess.PIPE, env=self.env, cwd=self.cwd, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise CommandFailed(f"{cmd.label}: took longer than {self.timeout:.0f} s") from None
        finally:
            for f in (stdin, stdout):
                if hasattr(f, "close"):
                    f.close()
        if proc.returncode not in cmd.ok:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise CommandFailed(f"{cmd.label}: exit status {proc.returncode}: {err[-1] if err else ''}")
        return proc

    def time(self, cmd: Command) -> float:
        start = time.perf_counter()
        self.run(cmd)
        return time.perf_counter() - start

    def alternate(self, cmds: list[Command], n: int, budget: float | None = None) -> None:
        """Run the commands in turn, n rounds: A, B, A, B, … so drift hits both alike.
        With a budget (seconds), no round starts that would likely end past it."""
        start = time.perf_counter()
        for i in range(n):
            round_start = time.perf_counter()
            for c in cmds:
                c.times.append(self.time(c))
            took = time.perf_counter() - round_start
            if budget is not None and i + 1 < n and time.perf_counter() - start + took > budget:
                break


def find_tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def interpreter_of(script: str) -> str:
    """The Python that runs a console script (its #! line), for the import baseline
    in the same environment; sys.executable when it cannot be read."""
    try:
        with open(script, "rb") as f:
            first = f.readline().decode().strip()
        if first.startswith("#!") and "python" in first:
            exe = first[2:].strip().split()[0]
            if Path(exe).exists():
                return exe
    except (OSError, UnicodeDecodeError):
        pass
    return sys.executable


@dataclass
class Row:
    target: str
    measured: str
    goal: str
    met: bool | None  # None: not measured
    required: bool = True  # False: a reference line, not part of the target


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    groups: dict[str, list[Row]] = field(default_factory=dict)
    raw: list[Command] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    info: dict[str, object] = field(default_factory=dict)

    def add(self, group: str, row: Row) -> None:
        self.rows.append(row)
        if row.required:
            self.groups.setdefault(group, []).append(row)

    def group_met(self, group: str) -> bool:
        """A target is met when every line of it was measured and met."""
        rows = self.groups.get(group, [])
        return bool(rows) and all(r.met for r in rows)


def _yes(row: Row) -> str:
    if not row.required:
        return ""
    return "n/a" if row.met is None else ("yes" if row.met else "NO")


# ---------------------------------------------------------------- the four targets


def bench_startup(runner: Runner, gcmcheck: str, python: str, n: int, report: Report) -> None:
    json_cmd = Command("gcmcheck --format json (start-up)", [gcmcheck, "--format", "json", STARTUP_STATEMENT])
    text_cmd = Command("gcmcheck text (start-up)", [gcmcheck, STARTUP_STATEMENT])
    base = Command("python -c 'import typer, rich.console, yaml, rapidfuzz'", [python, "-c", BASELINE_IMPORTS], ok=(0,))
    out = runner.run(json_cmd, capture=True)  # warms the table and bytecode caches and checks the answer
    report.info["startup_verdict"] = json.loads(out.stdout)["results"][0]["verdict"]
    runner.run(text_cmd)
    runner.run(base)
    runner.alternate([json_cmd, base, text_cmd], n)
    report.raw += [json_cmd, text_cmd, base]
    rj, rt = json_cmd.median / base.median, text_cmd.median / base.median
    report.add("1", Row("1 start-up, --format json", f"{json_cmd.median * 1000:.0f} ms = {rj:.2f} × imports", "≤ 0.90 ×", rj <= 0.9))
    report.add("1", Row("1 start-up, text output", f"{text_cmd.median * 1000:.0f} ms = {rt:.2f} × imports", "≤ 1.00 ×", rt <= 1.0))
    report.add("1", Row("  (imports baseline)", f"{base.median * 1000:.0f} ms", "", None, required=False))


def _count_jsonl(path: Path) -> int:
    """Results in a JSON Lines output (each line must parse: a check the run did its work)."""
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip() and json.loads(line))


def _last_line(path: Path) -> str:
    lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


def bench_throughput(runner: Runner, gcmcheck: str, corpus: Path, size: Size, n: int, report: Report) -> None:
    nbytes = corpus.stat().st_size
    mb = nbytes / MB
    lint = Command(f"gcmcheck lint ({human(nbytes)} Markdown)", [gcmcheck, "lint", str(corpus)], out=corpus.with_suffix(".out"))
    others: list[Command] = []
    proselint = find_tool("proselint")
    if proselint:
        argv = [proselint, "check", str(corpus)] if _proselint_has_check(proselint) else [proselint, str(corpus)]
        others.append(Command(f"proselint ({human(nbytes)})", argv, ok=(0, 1), out=corpus.with_suffix(".proselint")))
    codespell = find_tool("codespell")
    if codespell:
        others.append(Command(f"codespell ({human(nbytes)})", [codespell, str(corpus)], ok=(0, 65), out=corpus.with_suffix(".codespell")))
    warm = corpus.with_name("warm.md")  # bytecode caches warm, as after any first run (not timed)
    warm.write_text("# Warm-up\n\n152 countries voted yes.\n", encoding="utf-8")
    for c in (lint, *others):
        runner.run(Command(c.label + " (warm-up)", c.argv[:-1] + [str(warm)], ok=c.ok))
    runner.alternate([lint, *others], n, size.budget)
    report.raw += [lint, *others]
    report.info["corpus_summary"] = _last_line(lint.out)  # type: ignore[arg-type]
    rate = mb / lint.median
    report.add("2", Row(f"2 lint throughput, {human(nbytes)}", f"{rate:.2f} MB/s", "≥ 3 MB/s", rate >= 3))
    pro = next((c for c in others if c.label.startswith("proselint")), None)
    if pro:
        prate = mb / pro.median
        report.add("2", Row("2 lint vs proselint", f"{rate / prate:.2f} × (proselint {prate:.2f} MB/s)", "≥ 5 ×", rate / prate >= 5))
    else:
        report.add("2", Row("2 lint vs proselint", "skipped (pip install '.[bench]')", "≥ 5 ×", None))
        report.notes.append("proselint is not installed: target 2 is not fully measured.")
    spell = next((c for c in others if c.label.startswith("codespell")), None)
    report.add("2", Row("  (codespell, reference)",
                        f"{mb / spell.median:.2f} MB/s" if spell else "skipped (pip install '.[bench]')", "", None, required=False))


def _proselint_has_check(proselint: str) -> bool:
    """proselint 0.16 lints with `proselint check FILE`; older ones with `proselint FILE`."""
    try:
        out = subprocess.run([proselint, "--help"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return b"check" in out.stdout


def bench_tables(runner: Runner, gcmcheck: str, work: Path, size: Size, n: int, report: Report) -> None:
    folder = work / "tables"
    folder.mkdir()
    text = folder / "text.txt"
    text.write_text(table_text(size.table_text, min(size.tables), max(size.tables), seed=3), encoding="utf-8")
    warm = folder / "warm.txt"
    warm.write_text(table_sentence(1) + "\n", encoding="utf-8")
    text_size = human(text.stat().st_size)
    cmds = []
    for count in size.tables:
        table = write_table(folder / f"t{count}", count)
        argv = [gcmcheck, "lint", "--claims", str(table), "--format", "jsonl"]
        start = time.perf_counter()  # compile the table into the cache (not timed in the target)
        runner.run(Command(f"{count:,}-claim table (compile)", argv + [str(warm)]))
        report.info[f"compile_s_{count}"] = round(time.perf_counter() - start, 1)
        cmds.append(Command(f"gcmcheck lint, {count:,}-claim table ({text_size})", argv + [str(text)],
                            out=folder / f"t{count}.jsonl"))
    runner.alternate(cmds, n, size.budget)
    report.raw += cmds
    for count, c in zip(size.tables, cmds):
        report.info[f"results_{count}"] = _count_jsonl(c.out)  # type: ignore[arg-type]
    ratio = cmds[-1].median / cmds[0].median
    report.add("3", Row(f"3 scaling, {max(size.tables):,} vs {min(size.tables):,} claims",
                        f"{ratio:.2f} × ({cmds[0].median:.2f} s → {cmds[-1].median:.2f} s)", "≤ 3 ×", ratio <= 3))


def bench_memory(gcmcheck: str, env: dict[str, str], cwd: Path, size: Size, report: Report) -> None:
    argv = [gcmcheck, "lint", "-", "--stdin-filename", "x.txt", "--format", "jsonl"]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, cwd=cwd)
    sent = [0]
    err_lines: list[bytes] = []

    def feed() -> None:
        try:
            for chunk in stream_chunks(size.stream, seed=4):
                proc.stdin.write(chunk)  # type: ignore[union-attr]
                sent[0] += len(chunk)
            proc.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError, OSError):
            pass

    def drain() -> None:
        err_lines.extend(proc.stderr.readlines()[-5:])  # type: ignore[union-attr]

    feeder = threading.Thread(target=feed, daemon=True)
    drainer = threading.Thread(target=drain, daemon=True)
    start = time.perf_counter()
    feeder.start()
    drainer.start()
    stopped = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > size.stream_budget:
            proc.kill()
            stopped = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
    feeder.join(5)
    drainer.join(5)
    peak = usage.ru_maxrss * 1024 / MB  # ru_maxrss is in KiB on Linux
    report.info["stream_sent_mb"] = round(sent[0] / MB, 1)
    report.info["stream_seconds"] = round(elapsed, 1)
    report.raw.append(Command(f"gcmcheck lint - ({sent[0] / MB:.0f} MB stdin)", argv, times=[elapsed]))
    goal = f"≤ 150 MB over {size.stream / MB:.0f} MB"
    if stopped:
        report.add("4", Row("4 peak RSS, lint - (stdin)",
                            f"{peak:.0f} MB; stopped after {sent[0] / MB:.0f} MB in {size.stream_budget:.0f} s", goal, False))
        report.notes.append(f"target 4 memory: the stream was stopped at its time budget ({size.stream_budget:.0f} s), "
                            f"having sent {sent[0] / MB:.0f} of {size.stream / MB:.0f} MB; the peak so far is shown.")
    elif proc.returncode not in (0, 1):
        msg = b"".join(err_lines).decode("utf-8", "replace").strip()
        report.add("4", Row("4 peak RSS, lint - (stdin)", f"failed: exit status {proc.returncode}: {msg[-200:]}", goal, False))
    else:
        rate = sent[0] / MB / elapsed
        report.add("4", Row(f"4 peak RSS, lint - ({sent[0] / MB:.0f} MB stdin)", f"{peak:.0f} MB ({rate:.2f} MB/s)", "≤ 150 MB", peak <= 150))


def bench_jobs(runner: Runner, gcmcheck: str, work: Path, size: Size, n: int, report: Report) -> None:
    folder = work / "jobs"
    folder.mkdir()
    for i in range(size.files):
        (folder / f"draft{i:02d}.md").write_text(build(Prose(100 + i).markdown_blocks(), size.file_size), encoding="utf-8")
    total = human(sum(p.stat().st_size for p in folder.iterdir()))
    cmds = [Command(f"gcmcheck lint --jobs {j} ({size.files} files, {total})",
                    [gcmcheck, "lint", "--jobs", str(j), str(folder)], out=work / f"jobs{j}.out")
            for j in (1, 2)]
    runner.alternate(cmds, n, size.budget)
    report.raw += cmds
    one, two = cmds
    if (one.out.read_bytes() if one.out else b"") != (two.out.read_bytes() if two.out else b""):
        report.notes.append("--jobs 1 and --jobs 2 printed different results")
    speedup = one.median / two.median
    report.add("4", Row(f"4 --jobs 2 vs --jobs 1, {size.files} files", f"{speedup:.2f} × as fast", "≥ 1.7 ×", speedup >= 1.7))


# ---------------------------------------------------------------- output


def render(report: Report, size_name: str) -> str:
    rows = [("target", "measured", "goal", "met")] + [(r.target, r.measured, r.goal, _yes(r)) for r in report.rows]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for i, r in enumerate(rows):
        lines.append(" | ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
        if i == 0:
            lines.append("-+-".join("-" * w for w in widths))
    met = [g for g in ("1", "2", "3", "4") if report.group_met(g)]
    missed = [g for g in ("1", "2", "3", "4") if not report.group_met(g)]
    lines.append("")
    if not missed:
        lines.append("all four targets met")
    else:
        lines.append(f"targets met: {len(met)} of 4 ({', '.join(met) or 'none'}); missed: {', '.join(missed)}")
    if size_name != "full":
        lines.append(f"(size {size_name}: the goals are stated for --size full; these figures are not comparable to them)")
    lines.append("")
    lines.append("raw medians (seconds; min–max over n runs):")
    lw = max(len(c.label) for c in report.raw)
    for c in report.raw:
        lines.append(f"  {c.label.ljust(lw)}  {c.median:8.3f}  ({min(c.times):.3f}–{max(c.times):.3f}, n={len(c.times)})")
    for note in report.notes:
        lines.append(f"note: {note}")
    lines.append("inputs: " + ", ".join(f"{k}={v}" for k, v in report.info.items()))
    return "\n".join(lines)


def as_json(report: Report, size_name: str) -> str:
    return json.dumps({
        "size": size_name,
        "targets": {g: report.group_met(g) for g in ("1", "2", "3", "4")},
        "rows": [r.__dict__ for r in report.rows],
        "raw": [{"label": c.label, "argv": c.argv, "median": c.median, "times": c.times} for c in report.raw],
        "notes": report.notes,
        "info": report.info,
    }, indent=2, ensure_ascii=False)


def _load() -> str:
    """The 1-minute load average: other work on the machine skews the figures."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure gcmcheck against its four performance targets.")
    parser.add_argument("--size", choices=sorted(SIZES), default="full", help="input sizes (default: full, the targets' sizes)")
    parser.add_argument("--repeat", type=int, default=None, metavar="N", help="runs of each heavy command (start-up runs 7 × N)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    repeat = max(1, args.repeat if args.repeat is not None else size.repeat)
    startup_repeat = size.startup_repeat if args.repeat is None else max(3, 7 * repeat)

    gcmcheck = find_tool("gcmcheck")
    if not gcmcheck:
        print("bench: gcmcheck is not installed (pip install . in a virtual environment)", file=sys.stderr)
        return 2
    python = interpreter_of(gcmcheck)
    version = subprocess.run([gcmcheck, "--version"], capture_output=True, text=True).stdout.strip()

    report = Report()
    report.info["load_before"] = _load()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gcmcheck-bench-") as tmp:
        work = Path(tmp)
        # As a user runs it: the compiled-table cache on, and Python's bytecode cache too
        # (some sandboxes set PYTHONDONTWRITEBYTECODE), both kept inside the run's folder.
        env = {k: v for k, v in os.environ.items() if k not in ("GCMCHECK_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
        env.update(GCMCHECK_CACHE_DIR=str(work / "cache"), PYTHONPYCACHEPREFIX=str(work / "pycache"), NO_COLOR="1")
        runner = Runner(env, work, size.timeout)
        corpus = work / "corpus.md"
        corpus.write_text(build(Prose(1).markdown_blocks(), size.corpus), encoding="utf-8")
        steps: list[tuple[str, Callable[[], None]]] = [
            ("1", lambda: bench_startup(runner, gcmcheck, python, startup_repeat, report)),
            ("2", lambda: bench_throughput(runner, gcmcheck, corpus, size, repeat, report)),
            ("3", lambda: bench_tables(runner, gcmcheck, work, size, repeat, report)),
            ("4", lambda: bench_memory(gcmcheck, env, work, size, report)),
            ("4", lambda: bench_jobs(runner, gcmcheck, work, size, repeat, report)),
        ]
        for group, step in steps:
            t0 = time.perf_counter()
            try:
                step()
            except CommandFailed as exc:
                report.add(group, Row(f"{group} (failed)", str(exc)[:120], "", False))
                report.notes.append(f"target {group}: {exc}")
            print(f"bench: target {group} step done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    report.info["load_after"] = _load()
    report.info.update(size=args.size, repeat=repeat, startup_runs=startup_repeat, gcmcheck=version,
                       python=platform.python_version(), cpus=os.cpu_count(), total_s=round(time.perf_counter() - began))
    print(as_json(report, args.size) if args.json else render(report, args.size))
    missed = not all(report.group_met(g) for g in ("1", "2", "3", "4"))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
