"""How a site's CMS talks to corrigo: API tokens in, signed webhooks out, and a log of every delivery."""

import base64
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.sites.models import Site


class ApiToken(models.Model):
    """A bearer token of the CMS API for one site; only the SHA-256 of the token is stored."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("first characters"), max_length=12, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        """Whether the token still opens the API."""
        return self.revoked_at is None


class WebhookEvent(models.TextChoices):
    """What a webhook announces."""

    CASE_CREATED = "case.created", _("A case was opened")
    CASE_ACCEPTED = "case.accepted", _("A case was accepted")
    CORRECTION_PUBLISHED = "correction.published", _("A correction notice was published")


class WebhookFormat(models.TextChoices):
    """The body a webhook endpoint receives."""

    STANDARD = "standard", _("Standard Webhooks (signed JSON)")
    SLACK = "slack", _("Chat message (Slack-compatible)")


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookEndpoint(models.Model):
    """A URL of the site's that receives the chosen events."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(_("URL"), max_length=2000)
    secret = models.CharField(_("signing secret"), max_length=100, default=new_webhook_secret)
    events = models.JSONField(_("events"), default=list, help_text=_("The events sent here; empty means all."))
    format = models.CharField(_("format"), max_length=16, choices=WebhookFormat.choices, default=WebhookFormat.STANDARD)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.url

    def wants(self, event: str) -> bool:
        """Whether this endpoint receives ``event``."""
        return self.active and (not self.events or event in self.events)


class DeliveryStatus(models.TextChoices):
    """Where a delivery stands."""

    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event for one endpoint, and how its attempts went; the message id stays the same on retries."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="webhook_deliveries")
    message_id = models.CharField(_("message id"), max_length=64, unique=True, default="")
    event = models.CharField(_("event"), max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["site", "-created_at"], name="delivery_site_log")]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.message_id:
            self.message_id = f"msg_{uuid.uuid4().hex}"
        super().save(*args, **kwargs)
