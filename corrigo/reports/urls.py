from django.urls import path

from corrigo.reports import views

app_name = "reports"
urlpatterns = [path("status/<uuid:report_id>/", views.report_status, name="status")]
