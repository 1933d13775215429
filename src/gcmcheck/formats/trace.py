"""`--trace`: how a verdict was reached, step by step, as plain text.

Tokens with their closed-class tags, the clauses with their acts and modality, the
facts the analyser read, every pairing of a fact with a claim (and the alignment
rule that set it aside, with its reason), then the verdicts.
"""

from __future__ import annotations

from typing import TextIO

from gcmcheck.core import Trace
from gcmcheck.reader.clauses import tag


def render_trace(trace: Trace, out: TextIO) -> None:
    r = trace.reading
    write = out.write
    write(f"statement: {trace.text}\n\n")
    write("tokens:\n  " + " ".join(f"{t.text}/{tag(t)}" for t in r.tokens) + "\n\n")
    write("clauses:\n")
    for n, c in enumerate(x for x in r.clauses if x.tokens):
        acts = ", ".join(
            a.lemma + (" (passive)" if a.passive else "") + (" (negated)" if a.negated else "")
            + (" (named, not done)" if a.infinitive else "") + f" [{a.family}]"
            for a in c.acts
        )
        extra = f"  modality: {c.modality} ('{c.cue}')" if c.modality and c.kind != "reported" else ""
        write(f"  {n + 1}. {c.kind}: {r.text_of(c)}\n     acts: {acts or '-'}{extra}\n")
    a = trace.analysis
    write("\nfacts read:\n")
    for v in a.values:
        kind = "figure" if v.quantity else "date"
        details = ", ".join(x for x in (f"counts '{v.noun}'" if v.noun else "", f"side {v.role}" if v.role else "", f"event {v.event}" if v.event else "", "a change" if v.change else "") if x)
        write(f"  {kind} '{v.text}'" + (f" ({details})" if details else "") + "\n")
    for s in a.stances:
        write(f"  side: {s.entity} {s.role}" + (f" at {s.event}" if s.event else "") + "\n")
    if a.binding is not None:
        write(f"  legal force: {'binding' if a.binding else 'non-binding'}\n")
    names = ", ".join(f"{m.text} ({m.kind})" for m in a.mentions)
    write(f"  names: {names or '-'}\n")
    write("\nclaims weighed:\n")
    if not trace.pairs:
        write("  none: no claim shares a name, figure, event or enough words with the sentence\n")
    for fact, claim_id, comparison, stopped in trace.pairs:
        outcome = "agrees" if comparison.outcome == "match" else f"differs (sources: {comparison.expected})"
        line = f"  {claim_id}: {fact.kind} '{fact.text}' {outcome}"
        if stopped:
            rule, why = stopped
            line += f"\n      set aside by {rule.id} {rule.name}: {why}"
        write(line + "\n")
    write("\nverdicts:\n")
    for res in trace.results:
        write(f"  {res.verdict.value}" + (f" ({res.claim_id})" if res.claim_id else "") + f": {res.explanation}\n")
