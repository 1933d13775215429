"""The reader: sentences into tokens, clauses and verb groups.

`read(text)` gives a Reading: tokens with exact offsets, clauses (main, coordinate,
relative, subordinate, reported, parenthetical, quotation) and, in each clause, its
acts (verbs of a known family, with voice, negation and infinitive use) and its
modality. The English it knows is data: `language.toml` beside this package.
Alignment rules (gcmcheck.engine.alignment) use readings of both the statement
and the claim to decide whether two values are about the same fact.
"""
