"""Acting on several cases of the queue at once; each case goes through its own service."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from corrigo.cases.models import Case
from corrigo.cases.services.common import CaseActionError
from corrigo.cases.services.decisions import case_reject
from corrigo.cases.services.organize import case_assign


@dataclass
class BulkResult:
    """Which cases the action was done to, and which were skipped with the reason why."""

    done: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def cases_each(cases: Iterable[Case], action: Callable[[Case], object]) -> BulkResult:
    """Apply ``action`` to every case, each in its own savepoint; a refused case is skipped, not fatal."""
    result = BulkResult()
    with transaction.atomic():
        for case in cases:
            try:
                with transaction.atomic():
                    action(case)
            except CaseActionError as error:
                result.skipped.append((case.pk, error.message))
            else:
                result.done.append(case.pk)
    return result


def cases_bulk_reject(*, cases: Iterable[Case], editor: AbstractBaseUser, reason: str) -> BulkResult:
    """Reject every case with the same reason."""
    return cases_each(cases, lambda case: case_reject(case=case, editor=editor, reason=reason))


def cases_bulk_assign(
    *, cases: Iterable[Case], editor: AbstractBaseUser, assignee: AbstractBaseUser | None
) -> BulkResult:
    """Assign every case to ``assignee`` (None: to nobody)."""
    return cases_each(cases, lambda case: case_assign(case=case, assignee=assignee, editor=editor))
