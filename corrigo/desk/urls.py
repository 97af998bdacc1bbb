from django.contrib.auth import views as auth_views
from django.urls import path

from corrigo.desk.views import actions, case, held, members, notifications, numbers, queue, sites

app_name = "desk"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("bulk/", queue.bulk, name="bulk"),
    path("cases/<int:case_id>/", case.case_detail, name="case"),
    path("cases/<int:case_id>/accept/", actions.accept, name="accept"),
    path("cases/<int:case_id>/reject/", actions.reject, name="reject"),
    path("cases/<int:case_id>/merge/", actions.merge, name="merge"),
    path("cases/<int:case_id>/assign/", actions.assign, name="assign"),
    path("cases/<int:case_id>/review/", actions.review, name="review"),
    path("cases/<int:case_id>/reopen/", actions.reopen, name="reopen"),
    path("cases/<int:case_id>/confirm-fixed/", actions.confirm_fixed, name="confirm-fixed"),
    path("reports/<uuid:report_id>/email/", case.report_email, name="report-email"),
    path("reports/<uuid:report_id>/split/", actions.split, name="split"),
    path("sites/", sites.site_list, name="sites"),
    path("sites/new/", sites.site_new, name="site-new"),
    path("sites/<slug:slug>/", sites.site_settings, name="site-settings"),
    path("sites/<slug:slug>/members/", members.site_members_page, name="site-members"),
    path("sites/<slug:slug>/members/invite/", members.member_invite, name="member-invite"),
    path("sites/<slug:slug>/members/<int:membership_id>/", members.member_change, name="member-change"),
    path(
        "sites/<slug:slug>/invitations/<int:invitation_id>/revoke/",
        members.invitation_revoke_view,
        name="invitation-revoke",
    ),
    path("sites/<slug:slug>/tokens/", sites.token_create, name="token-create"),
    path("sites/<slug:slug>/tokens/<int:token_id>/revoke/", sites.token_revoke, name="token-revoke"),
    path("sites/<slug:slug>/numbers/", numbers.site_numbers_page, name="numbers"),
    path("sites/<slug:slug>/held/", held.held_queue, name="held"),
    path("invitations/<str:token>/", members.invitation_accept_view, name="invitation"),
    path("settings/notifications/", notifications.preferences, name="notifications"),
    path("login/", auth_views.LoginView.as_view(template_name="desk/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
