"""Reorganising cases: merge one into another, split a report out, assign to an editor."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigo.articles.models import Article
from corrigo.audit.services import audit_record
from corrigo.cases.models import Case, CaseStatus
from corrigo.cases.priority import case_priority_refresh
from corrigo.cases.services.common import DECIDABLE, CaseActionError, case_locked, require_status
from corrigo.reports.models import Report
from corrigo.sites.models import Membership, Role

ACTING_ROLES = (Role.OWNER, Role.EDITOR)


def _lock_articles(*article_ids: int) -> None:
    """Lock the articles' rows, in id order, so that no report joins the cases while they move."""
    list(Article.objects.locked().filter(pk__in=sorted(set(article_ids))).order_by("pk"))


def _recount(case: Case) -> int:
    """Store the exact number of reports of ``case`` and return it."""
    count = Report.objects.filter(case=case).count()
    Case.objects.filter(pk=case.pk).update(report_count=count)
    return count


@transaction.atomic
def case_merge(*, case: Case, into: Case, editor: AbstractBaseUser) -> Case:
    """Move every report of ``case`` into ``into``; ``case`` becomes a duplicate that links to it."""
    if case.pk == into.pk:
        raise CaseActionError(str(_("A case cannot be merged into itself.")))
    if case.site_id != into.site_id:
        raise CaseActionError(str(_("Cases of different sites cannot be merged.")))
    _lock_articles(case.article_id, into.article_id)
    case, into = case_locked(case), case_locked(into)
    require_status(case, DECIDABLE)
    require_status(into, DECIDABLE)
    moved = Report.objects.filter(case=case).update(case=into)
    Case.objects.filter(merged_into=case).update(merged_into=into)
    case.status, case.merged_into, case.decided_at = CaseStatus.DUPLICATE, into, timezone.now()
    case.save(update_fields=["status", "merged_into", "decided_at", "updated_at"])
    _recount(case)
    total = _recount(into)
    case_priority_refresh(case_id=into.pk)
    audit_record(
        site=case.site, action="case.merged", target=case, actor=editor, data={"into": into.pk, "reports": moved}
    )
    audit_record(
        site=case.site, action="case.merged_from", target=into, actor=editor, data={"from": case.pk, "reports": total}
    )
    into.refresh_from_db()
    return into


@transaction.atomic
def case_split(*, report: Report, editor: AbstractBaseUser) -> Case:
    """Move one report out of its case into a new case of its own, anchored where the reader pointed."""
    _lock_articles(report.article_id)
    report = Report.objects.select_related("case", "site").get(pk=report.pk)
    source = case_locked(report.case)
    require_status(source, DECIDABLE)
    if Report.objects.filter(case=source).count() < 2:
        raise CaseActionError(str(_("This is the case's only report: there is nothing to split off.")))
    case = Case(
        site=source.site,
        article_id=report.article_id,
        version_id=report.version_id,
        kind=report.kind,
        start=report.start,
        end=report.end,
        exact=report.exact,
        prefix=report.prefix,
        suffix=report.suffix,
    )
    case.opened_by_editor = True
    case.save()
    Report.objects.filter(pk=report.pk).update(case=case)
    _recount(source)
    _recount(case)
    case_priority_refresh(case_id=source.pk)
    case_priority_refresh(case_id=case.pk)
    data = {"report": str(report.pk), "from": source.pk, "to": case.pk}
    audit_record(site=source.site, action="case.split", target=source, actor=editor, data=data)
    audit_record(site=source.site, action="case.split_from", target=case, actor=editor, data=data)
    case.refresh_from_db()
    return case


@transaction.atomic
def case_assign(*, case: Case, assignee: AbstractBaseUser | None, editor: AbstractBaseUser) -> Case:
    """Give the case to ``assignee`` (an editor or owner of its site), or to nobody."""
    case = case_locked(case)
    if (
        assignee is not None
        and not Membership.objects.filter(user=assignee, site_id=case.site_id, role__in=ACTING_ROLES).exists()
    ):
        raise CaseActionError(str(_("Only an editor or owner of this site can be assigned.")))
    previous = case.assignee_id
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    audit_record(
        site=case.site,
        action="case.assigned",
        target=case,
        actor=editor,
        data={
            "from": previous,
            "to": assignee.pk if assignee else None,
            "name": assignee.get_username() if assignee else "",
        },
    )
    return case
