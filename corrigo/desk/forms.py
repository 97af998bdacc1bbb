"""Forms of the desk: they validate what editors send; the services decide what it means."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from corrigo.cases.models import CaseStatus, Kind
from corrigo.cases.reasons import REJECT_REASONS
from corrigo.cases.selectors import QueueFilters
from corrigo.cases.selectors.queue import SINCE_DAYS
from corrigo.cases.services.decisions import MAX_REASON
from corrigo.corrections.models import CorrectionKind, Severity
from corrigo.corrections.services import MAX_NOTICE
from corrigo.sites.models import Role

OTHER = "other"


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string; anything invalid is ignored."""

    status = forms.CharField(required=False)
    site = forms.IntegerField(required=False, min_value=1)
    kind = forms.ChoiceField(required=False, choices=[("", ""), *Kind.choices])
    article = forms.IntegerField(required=False, min_value=1)
    assignee = forms.CharField(required=False, max_length=20)
    since = forms.ChoiceField(required=False, choices=[("", ""), *((k, k) for k in SINCE_DAYS)])
    q = forms.CharField(required=False, max_length=200)

    def filters(self) -> QueueFilters:
        """The filters to apply; invalid fields fall back to "any"."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        status = data.get("status") or "open"
        if status not in ("open", "all", *CaseStatus.values):
            status = "open"
        return QueueFilters(
            status=status,
            site=data.get("site"),
            kind=data.get("kind") or "",
            article=data.get("article"),
            assignee=data.get("assignee") or "",
            since=data.get("since") or "",
            q=data.get("q") or "",
        )


class AcceptForm(forms.Form):
    """The final wording, and whether and how a public notice announces it."""

    final_wording = forms.CharField(label=_("Final wording"), max_length=1000)
    publish_notice = forms.BooleanField(label=_("Publish a correction notice"), required=False)
    kind = forms.ChoiceField(label=_("Notice kind"), choices=CorrectionKind.choices, initial=CorrectionKind.CORRECTION)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices, initial=Severity.MINOR)
    notice_text = forms.CharField(
        label=_("Notice text"),
        required=False,
        max_length=MAX_NOTICE,
        help_text=_("Leave empty to publish the standard wording shown above."),
    )


class RejectForm(forms.Form):
    """A standard reason, or the editor's own words."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[*REJECT_REASONS.items(), (OTHER, _("Another reason"))],
        widget=forms.RadioSelect,
    )
    other = forms.CharField(label=_("Reason in your words"), required=False, max_length=MAX_REASON)

    def clean(self) -> dict:
        """A reason of one's own must be written out."""
        data = super().clean()
        if data.get("reason") == OTHER and not data.get("other", "").strip():
            self.add_error("other", _("Write the reason the reader will see."))
        return data


class MergeForm(forms.Form):
    """The case to merge into, by its number."""

    into = forms.IntegerField(label=_("Merge into case number"), min_value=1)


class AssignForm(forms.Form):
    """Whom to give the case to; empty means nobody."""

    assignee = forms.IntegerField(label=_("Assign to"), required=False, min_value=1)


class BulkForm(forms.Form):
    """An action on the cases ticked in the queue."""

    action = forms.ChoiceField(
        label=_("With the selected cases"),
        choices=[("accept", _("Accept")), ("reject", _("Reject")), ("assign", _("Assign"))],
    )
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[*REJECT_REASONS.items(), (OTHER, _("Another reason"))]
    )
    other = forms.CharField(label=_("Reason in your words"), required=False, max_length=MAX_REASON)
    assignee = forms.IntegerField(label=_("Assign to"), required=False, min_value=1)


class PreferenceForm(forms.Form):
    """How an editor wants to hear about new cases."""

    mode = forms.ChoiceField(label=_("Email me about new cases"), widget=forms.RadioSelect, choices=[])

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = choices


def _origins(text: str) -> list[str]:
    """One origin per line, each ``scheme://host[:port]`` over http or https."""
    origins = [line.strip().rstrip("/") for line in text.splitlines() if line.strip()]
    for origin in origins:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
            raise forms.ValidationError(
                _("Not an origin: %(origin)s (write scheme://host[:port])."), params={"origin": origin}
            )
    return origins


class SiteForm(forms.Form):
    """A site's own settings."""

    name = forms.CharField(label=_("Name"), max_length=200)
    default_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    allowed_origins = forms.CharField(
        label=_("Allowed origins"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, e.g. https://news.example: pages there may send reports."),
    )
    silent_kinds = forms.MultipleChoiceField(
        label=_("Fixed without a public notice"),
        required=False,
        choices=[(k, label) for k, label in Kind.choices if k != Kind.FACT],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Factual errors always get a notice."),
    )

    def clean_allowed_origins(self) -> list[str]:
        """The origins as a list."""
        return _origins(self.cleaned_data["allowed_origins"])


class NewSiteForm(forms.Form):
    """A new publication."""

    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name"), max_length=50, help_text=_("Letters, digits and hyphens, used in addresses.")
    )
    default_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class InviteForm(forms.Form):
    """Whom to invite, with which role."""

    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)


class MemberForm(forms.Form):
    """A member's new role, or their removal."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, required=False)
    remove = forms.BooleanField(required=False)


class TokenForm(forms.Form):
    """The name of a new CMS API token."""

    name = forms.CharField(label=_("Token name"), max_length=100)


class JoinForm(forms.Form):
    """An account for an invited person who has none yet."""

    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, min_length=8)

    def clean_password(self) -> str:
        """Django's password rules."""
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password
