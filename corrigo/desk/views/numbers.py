"""The numbers page of a site, drawn with uPlot from a JSON block (no inline script)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from corrigo.cases.selectors.numbers import site_numbers
from corrigo.desk.access import site_or_404

PERIODS = (30, 90, 365)


@require_GET
@login_required
def site_numbers_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Reports and cases per day, time to a decision, share accepted; any member may read it."""
    site = site_or_404(request, slug)
    days = int(request.GET["days"]) if request.GET.get("days", "").isdigit() else PERIODS[0]
    days = days if days in PERIODS else PERIODS[0]
    numbers = site_numbers(site=site, days=days)
    chart = {
        "days": [day.isoformat() for day in numbers.days],
        "reports": numbers.reports,
        "cases": numbers.cases,
    }
    rows = list(zip(numbers.days, numbers.reports, numbers.cases, strict=True))
    context = {"site": site, "numbers": numbers, "chart": chart, "rows": rows, "days": days, "periods": PERIODS}
    return render(request, "desk/numbers.html", context)
