"""What every case action shares: locking the row, checking the status, the domain error."""

from django.utils.translation import gettext_lazy as _

from corrigo.cases.models import Case, CaseStatus

DECIDABLE = (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.STALE)
"""Statuses a case can be accepted, rejected, merged or assigned from."""


class CaseActionError(Exception):
    """An action that the case's state does not allow; the message is for the editor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def case_locked(case: Case) -> Case:
    """The case's row, freshly read and locked until the transaction ends."""
    return Case.objects.select_for_update(of=("self",)).select_related("site").get(pk=case.pk)


def require_status(case: Case, allowed: tuple[str, ...]) -> None:
    """Refuse the action unless the case is in one of the ``allowed`` statuses."""
    if case.status not in allowed:
        raise CaseActionError(
            str(_("This case is %(status)s: the action is not possible now.") % {"status": case.get_status_display()})
        )
