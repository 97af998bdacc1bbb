"""Reads about integrations: a site's API tokens, webhook endpoints and delivery log."""

from django.db.models import QuerySet

from corrigo.integrations.models import ApiToken, WebhookDelivery, WebhookEndpoint
from corrigo.sites.models import Site


def api_tokens_of_site(*, site: Site) -> QuerySet[ApiToken]:
    """Every API token of ``site``, revoked ones included, newest first."""
    return ApiToken.objects.filter(site=site).select_related("created_by", "revoked_by").order_by("-created_at", "-pk")


def webhook_endpoints_of_site(*, site: Site) -> QuerySet[WebhookEndpoint]:
    """The site's webhook endpoints, active first."""
    return WebhookEndpoint.objects.filter(site=site).order_by("-active", "pk")


def webhook_deliveries_of_site(*, site: Site) -> QuerySet[WebhookDelivery]:
    """The site's delivery log, newest first."""
    return WebhookDelivery.objects.filter(site=site).select_related("endpoint").order_by("-created_at", "-pk")
