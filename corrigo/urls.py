"""URLs of the standalone corrigo service."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.defaults import page_not_found

from corrigo.api import api
from corrigo.problems import problem_response, server_error

urlpatterns = [
    path("api/v1/", api.urls),
    path("desk/", include("corrigo.desk.urls")),
    path("admin/", admin.site.urls),
    path("", include("corrigo.embed.urls")),
    path("", include("corrigo.reports.urls")),
    path("", include("corrigo.corrections.urls")),
    path("", include("corrigo.demo.urls")),
]


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: a problem document under the API, the usual page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_response(404, "Not found.")
    return page_not_found(request, exception)


handler404 = not_found
handler500 = server_error
