from django.urls import path

from corrigo.embed import views

app_name = "embed"
urlpatterns = [
    path("embed.js", views.embed_script, name="script"),
    path("embed/<str:name>", views.embed_script, name="chunk"),
]
