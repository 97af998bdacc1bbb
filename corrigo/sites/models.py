"""A site is one publication; a membership gives a user a role on it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_public_key() -> str:
    """A random public key for the widget's ``data-site`` attribute."""
    return secrets.token_urlsafe(12)


def normalize_origin(origin: str) -> str:
    """An origin as browsers send it in the Origin header: lower case, no trailing slash."""
    return origin.strip().rstrip("/").lower()


class Site(models.Model):
    """A publication whose pages embed the widget."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    public_key = models.CharField(_("public key"), max_length=64, unique=True, default=new_public_key)
    allowed_origins = models.JSONField(
        _("allowed origins"),
        default=list,
        blank=True,
        help_text=_("Origins (scheme://host[:port]) whose pages may send reports, e.g. https://news.example."),
    )
    default_language = models.CharField(_("default language"), max_length=8, default="en")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.allowed_origins = sorted({normalize_origin(o) for o in self.allowed_origins if o.strip()})
        super().save(*args, **kwargs)

    def allows_origin(self, origin: str) -> bool:
        """Whether a page at ``origin`` may send this site's reports."""
        return normalize_origin(origin) in self.allowed_origins


class Role(models.TextChoices):
    """What a member may do on a site."""

    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role on one site."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "site"], name="membership_unique_user_site")]

    def __str__(self) -> str:
        return f"{self.user} · {self.site} · {self.role}"


class Invitation(models.Model):
    """An owner's invitation to join a site by email; the link in the email is signed, never stored."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"), max_length=254)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.email} → {self.site} ({self.role})"

    @property
    def is_pending(self) -> bool:
        """Neither accepted nor revoked."""
        return self.accepted_at is None and self.revoked_at is None
