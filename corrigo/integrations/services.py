"""Writes about integrations: CMS API tokens and webhook endpoints."""

import hashlib
import secrets
from urllib.parse import urlsplit

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from corrigo.audit.services import audit_record
from corrigo.integrations.models import ApiToken, WebhookEndpoint, WebhookEvent, WebhookFormat
from corrigo.sites.models import Site

TOKEN_PREFIX = "cgo_"


def token_hash(token: str) -> str:
    """The SHA-256 of a token, as stored: a token has 256 random bits, so no slow hash is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, site: Site, name: str, created_by: AbstractBaseUser | None) -> tuple[ApiToken, str]:
    """A new CMS API token for ``site``; the plain token is returned now and never again."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        site=site, name=name.strip()[:100], token_hash=token_hash(plain), prefix=plain[:10], created_by=created_by
    )
    audit_record(site=site, action="api_token.created", target=token, actor=created_by, data={"name": token.name})
    return token, plain


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: AbstractBaseUser | None) -> None:
    """Close the API to ``token`` at once; revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return
    token.revoked_at, token.revoked_by = timezone.now(), revoked_by
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(site=token.site, action="api_token.revoked", target=token, actor=revoked_by, data={"name": token.name})


def api_token_authenticate(*, plain: str) -> ApiToken | None:
    """The active token whose value is ``plain``, with its site; its last use is noted once a minute."""
    if not plain.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("site").filter(token_hash=token_hash(plain), revoked_at__isnull=True).first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


@transaction.atomic
def webhook_endpoint_create(
    *,
    site: Site,
    url: str,
    created_by: AbstractBaseUser | None,
    events: list[str] | None = None,
    format: str = WebhookFormat.STANDARD,
) -> WebhookEndpoint:
    """A URL that receives the site's events (all of them when ``events`` is empty), with a new secret."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError("A webhook URL must be http or https.")
    chosen = sorted({WebhookEvent(e).value for e in events or []})
    endpoint = WebhookEndpoint.objects.create(site=site, url=url, events=chosen, format=WebhookFormat(format))
    audit_record(site=site, action="webhook.created", target=endpoint, actor=created_by, data={"url": url})
    return endpoint


@transaction.atomic
def webhook_endpoint_deactivate(*, endpoint: WebhookEndpoint, editor: AbstractBaseUser | None) -> None:
    """Stop sending events to ``endpoint``; its delivery log stays."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=False)
    audit_record(site=endpoint.site, action="webhook.deactivated", target=endpoint, actor=editor)
