from django.urls import path

from corrigo.demo import views

app_name = "demo"
urlpatterns = [
    path("", views.index, name="index"),
    path("demo/<slug:slug>/", views.article, name="article"),
]
