"""How each editor wants to hear about new cases, and what has been sent (so nothing goes twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    """When an editor is emailed about new cases."""

    EACH = "each", _("An email for every new case")
    HOURLY = "hourly", _("An hourly digest")
    DAILY = "daily", _("A daily digest")
    NONE = "none", _("No emails")


DEFAULT_MODE = Mode.DAILY
"""What an editor who never chose gets."""


class Preference(models.Model):
    """One editor's choice; it applies to every site they edit or own."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    mode = models.CharField(_("email me"), max_length=8, choices=Mode.choices, default=DEFAULT_MODE)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.mode}"


class Delivery(models.Model):
    """One email sent (or found empty) to one editor; the unique key makes every sending idempotent.

    ``key`` is ``case:<id>`` for a new-case email and ``hourly:<start>`` or ``daily:<start>`` for a
    digest of the period beginning at ``<start>`` (ISO 8601, UTC).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("key"), max_length=64)
    cases = models.PositiveIntegerField(_("cases"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="delivery_unique_user_key")]

    def __str__(self) -> str:
        return f"{self.user}: {self.key}"
