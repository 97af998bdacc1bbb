"""schemathesis over the OpenAPI document: every operation, positive and negative data; no server
error and no answer that contradicts the document.

One check is left out: ``positive_data_acceptance`` expects every schema-valid body to be taken, but
some rules span fields and cannot be written in JSON Schema (the selected passage must stand in the
article text at start..end; a report without a passage needs a comment; the page must be on the
site), so a schema-valid body may rightly get 422. Answers are still checked against the document.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import ORIGIN

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _test_transaction_kept_open():
    """As Django's test client does: a finished request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_and_never_fails(case):
    case.call_and_validate(headers={"Origin": ORIGIN}, excluded_checks=[positive_data_acceptance])
