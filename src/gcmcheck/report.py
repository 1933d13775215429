"""What a run produced, handed from the core to a formatter."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gcmcheck import __version__
from gcmcheck.models import Result, Verdict


@dataclass(slots=True)
class Report:
    results: list[Result] = field(default_factory=list)
    verbose: bool = False
    show_unverifiable: bool = True
    color: bool = True
    version: str = __version__

    def summary(self) -> dict[str, int]:
        counts = Counter(r.verdict for r in self.results)
        return {v.value: counts.get(v, 0) for v in Verdict}

    def worst(self) -> Verdict:
        return max((r.verdict for r in self.results), key=lambda v: v.severity, default=Verdict.UNVERIFIABLE)
