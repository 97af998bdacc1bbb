"""Every submission is counted as accepted, held or rejected; emails are erasable and never shown."""

import io
import logging

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from corrigo.reports.models import Report
from tests.security.support import send, submission

pytestmark = pytest.mark.django_db


@override_settings(CORRIGO_RATE_CLIENT=(4, 60))
def test_the_counts_command_prints_each_outcome_with_its_reason(site):
    send(submission(site))
    send(submission(site, age=None))
    send(submission(site, challenge="forged"))
    send(submission(site))
    assert send(submission(site)).status_code == 429
    out = io.StringIO()
    call_command("antispam_counts", "--days", "1", stdout=out)
    lines = {tuple(line.split()[2:4]): int(line.split()[-1]) for line in out.getvalue().splitlines()[1:-1]}
    assert lines == {
        ("accepted", "-"): 2,
        ("held", "no_challenge"): 1,
        ("rejected", "invalid_challenge"): 1,
        ("rejected", "rate_limited"): 1,
    }
    assert "5 submission(s)" in out.getvalue()


def test_erase_email_removes_an_address_everywhere_and_does_not_print_it(site):
    for body in (submission(site, email="Reader@Example.org"), submission(site, age=None, email="reader@example.org")):
        assert send(body).status_code == 202
    send(submission(site, email="other@example.org"))
    out = io.StringIO()
    call_command("erase_email", "reader@example.org", stdout=out)
    assert "2 report(s)" in out.getvalue() and "@" not in out.getvalue()
    assert sorted(Report.objects.values_list("email", flat=True)) == ["", "", "other@example.org"]


def test_no_email_address_in_logs_or_public_answers(site, caplog):
    caplog.set_level(logging.DEBUG)
    address = "secret.reader@example.org"
    ack = send(submission(site, email=address))
    held = send(submission(site, age=None, email=address))
    refused = send(submission(site, email=address, challenge="forged"))
    invalid = send(submission(site, email=address, kind="nonsense"))
    public = [ack, held, refused, invalid]
    public += [Client().get(r.json()["status_url"]) for r in (ack, held)]
    public.append(Client().get(f"/api/v1/sites/{site.public_key}/widget"))
    for response in public:
        assert address not in response.content.decode(), response.request["PATH_INFO"]
    assert address not in caplog.text
