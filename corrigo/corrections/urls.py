from django.urls import path

from corrigo.corrections import feeds, views

app_name = "corrections"
urlpatterns = [
    path("corrections/<slug:slug>/", views.corrections_log, name="log"),
    path("corrections/<slug:slug>/feed.atom", feeds.CorrectionsAtomFeed(), name="atom"),
    path("corrections/<slug:slug>/feed.json", feeds.json_feed, name="json"),
]
