"""Background emails to editors; every task takes ids and can run twice without sending twice."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from corrigo.cases.models import Case
from corrigo.notifications.links import absolute_url
from corrigo.notifications.models import Delivery, Mode
from corrigo.notifications.selectors import digest_cases, editors_wanting

PERIODS = {Mode.HOURLY.value: timedelta(hours=1), Mode.DAILY.value: timedelta(days=1)}


def _claim(user_id: int, key: str, cases: int) -> bool:
    """Record the delivery; False when it was recorded before (the email has gone already)."""
    try:
        with transaction.atomic():
            Delivery.objects.create(user_id=user_id, key=key, cases=cases)
    except IntegrityError:
        return False
    return True


def _send(template: str, context: dict, language: str, to: str) -> None:
    with translation.override(language):
        subject = render_to_string(f"notifications/{template}_subject.txt", context).strip()
        body = render_to_string(f"notifications/{template}_email.txt", context)
    send_mail(subject, body, None, [to])


@task()
def case_opened_notify(*, case_id: int) -> int:
    """Email every editor of the case's site who wants one email per case; returns how many were sent."""
    case = Case.objects.select_related("site", "article").filter(pk=case_id).first()
    if case is None:
        return 0
    context = {"case": case, "link": absolute_url(reverse("desk:case", args=[case.pk]))}
    sent = 0
    for user in editors_wanting(mode=Mode.EACH, site_id=case.site_id):
        with transaction.atomic():
            if not _claim(user.pk, f"case:{case.pk}", 1):
                continue
            _send("case", context, case.site.default_language, user.email)
        sent += 1
    return sent


@task()
def digest_send(*, user_id: int, period: str, start: str) -> int:
    """Email one editor the cases opened in the period beginning at ``start``; returns how many it listed.

    A period without new cases is recorded but sends nothing.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None or period not in PERIODS:
        return 0
    begin = datetime.fromisoformat(start)
    cases = digest_cases(user=user, start=begin, end=begin + PERIODS[period])
    with transaction.atomic():
        if not _claim(user.pk, f"{period}:{start}", len(cases)):
            return 0
        if cases:
            context = {
                "cases": [(case, absolute_url(reverse("desk:case", args=[case.pk]))) for case in cases],
                "period": period,
                "start": begin,
                "queue": absolute_url(reverse("desk:queue")),
            }
            _send("digest", context, cases[0].site.default_language, user.email)
    return len(cases)


def digests_enqueue(*, period: str, end: datetime) -> int:
    """Ask the worker for the digests of the period that ends at ``end``; returns how many were asked."""
    start = (end - PERIODS[period]).isoformat()
    users = list(editors_wanting(mode=period).values_list("pk", flat=True))
    for user_id in users:
        digest_send.enqueue(user_id=user_id, period=period, start=start)
    return len(users)
