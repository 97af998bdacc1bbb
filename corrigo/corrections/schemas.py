"""The shapes of the public notices API."""

import datetime
import uuid

from ninja import Schema

from corrigo.corrections.models import CorrectionKind, Severity


class NoticeOut(Schema):
    """One published correction notice."""

    id: uuid.UUID
    kind: CorrectionKind
    severity: Severity
    text: str
    published_at: datetime.datetime


class NoticesOut(Schema):
    """An article's published notices, newest first."""

    notices: list[NoticeOut]
