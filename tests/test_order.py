"""Orders of events: read from the statement's event names, decided by the dates the
table gives each event."""

from __future__ import annotations

import pytest

from gcmcheck.engine.order import came_first, orders_in
from gcmcheck.models import DateMention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Marrakech conference was held after the General Assembly vote.", [("marrakech-conference", "after", "general-assembly-vote")]),
        ("The General Assembly endorsed it a week after the Marrakech conference.", [("general-assembly-vote", "after", "marrakech-conference")]),
        ("Days before the General Assembly vote, the Marrakech conference adopted it.", [("marrakech-conference", "before", "general-assembly-vote")]),
        ("The General Assembly vote was prior to the Marrakech conference.", [("general-assembly-vote", "before", "marrakech-conference")]),
        # no order: one event only, or the events in separate clauses
        ("The compact was adopted after the Marrakech conference.", []),
        ("The Marrakech conference ended; after the General Assembly vote, critics spoke.", []),
    ],
)
def test_orders_are_read(checker, text: str, expected: list[tuple[str, str, str]]) -> None:
    from gcmcheck.analysis.analyser import analyse

    found = orders_in(analyse(text, checker.table.lexicon))
    assert [(o.first.id, o.relation, o.second.id) for o in found] == expected


def _day(year: int, month: int, day: int, end_day: int | None = None) -> DateMention:
    return DateMention(year=year, month=month, day=day, end_day=end_day)


def test_overlapping_days_leave_the_order_open() -> None:
    marrakech, ga = _day(2018, 12, 10, 11), _day(2018, 12, 19)
    assert came_first(marrakech, ga) is True
    assert came_first(ga, marrakech) is False
    assert came_first(marrakech, _day(2018, 12, 11)) is None
