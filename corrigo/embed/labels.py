"""The widget's strings, translated on the server so the script stays small."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "title": _("Suggest a correction"),
    "intro_selection": _("You selected:"),
    "intro_write": _("Tell us what is wrong on this page."),
    "kind": _("What is wrong?"),
    "proposed": _("Suggested wording"),
    "comment": _("Comment"),
    "optional": _("optional"),
    "email": _("Your email"),
    "email_note": _("Only to tell you what we did; erased afterwards."),
    "send": _("Send"),
    "cancel": _("Cancel"),
    "close": _("Close"),
    "sending": _("Sending…"),
    "sent": _("Thank you. Your report has been received."),
    "status_link": _("See what happens to it"),
    "error": _("Your report could not be sent."),
    "too_long": _("The selected passage is too long: at most {limit} characters."),
    "saved": _("Saved: we will send it when the connection is back."),
}
