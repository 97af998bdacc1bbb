"""Background work about sites: the invitation email."""

from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from corrigo.notifications.links import absolute_url
from corrigo.sites.models import Invitation

INVITATION_SALT = "corrigo.sites.invitation"


@task()
def invitation_send(*, invitation_id: int) -> bool:
    """Email the invitation's link; a revoked or accepted invitation sends nothing."""
    invitation = Invitation.objects.select_related("site", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_pending:
        return False
    token = signing.dumps(invitation.pk, salt=INVITATION_SALT)
    context = {"invitation": invitation, "link": absolute_url(reverse("desk:invitation", args=[token]))}
    with translation.override(invitation.site.default_language):
        subject = render_to_string("sites/invitation_subject.txt", context).strip()
        body = render_to_string("sites/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return True
