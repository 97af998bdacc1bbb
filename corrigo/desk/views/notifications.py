"""An editor's choice of notification emails."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from corrigo.desk.forms import PreferenceForm
from corrigo.notifications.models import Mode
from corrigo.notifications.services import preference_of, preference_set


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Choose an email per new case, an hourly or a daily digest, or none."""
    form = PreferenceForm(
        request.POST or None, choices=Mode.choices, initial={"mode": preference_of(user=request.user)}
    )
    notice = ""
    if request.method == "POST" and form.is_valid():
        preference_set(user=request.user, mode=form.cleaned_data["mode"])
        notice = _("Saved.")
    context = {"form": form, "notice": notice, "has_email": bool(request.user.email)}
    return render(request, "desk/notifications.html", context, status=400 if form.errors else 200)
