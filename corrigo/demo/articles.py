"""The demo publication's three articles, written for the demo, each with a few deliberate typos."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoArticle:
    """One demo article page."""

    slug: str
    language: str
    title: str
    standfirst: str
    paragraphs: tuple[str, ...]
    typos: tuple[str, ...]


ARTICLES = (
    DemoArticle(
        slug="bike-lanes",
        language="en",
        title="Council approves protected bike lanes on Mill Street",
        standfirst="The vote ends two years of debate over the city's busiest commuter route.",
        paragraphs=(
            "The city council voted 7 to 2 on Tuesday night to build protected bike lanes along the full "
            "length of Mill Street, after a meeting that ran past midnight.",
            "The plan, which the council first recieved in the spring of last year, replaces one lane of "
            "parking on each side with a cycle track separated from traffic by a low kerb.",
            "Supporters said the street sees more crashes involving cyclists than any other in the city. "
            "Shop owners warned that losing parking could cost them customers during the construction.",
            "Work is due to start in March and should take about five months. The regional goverment will "
            "pay for half of the project through its active travel fund.",
        ),
        typos=("recieved", "goverment"),
    ),
    DemoArticle(
        slug="harvest-festival",
        language="en",
        title="Harvest festival returns to the riverside after a year away",
        standfirst="Organisers expect forty thousand visitors over the weekend.",
        paragraphs=(
            "The harvest festival is back on the riverside meadows this weekend, a year after flooding forced "
            "organisers to cancel it.",
            "More than 120 stalls will sell produce from farms within thirty miles of the town, and the old "
            "mill will open its doors for guided tours on both days.",
            "Organisers said hotels were almost full and advised visitors to book accomodation early or to "
            "use the extra trains that will run until eleven at night.",
            "\u201cIt is definately the biggest festival we have planned,\u201d said the chair of the "
            "organising committee. \u201cWe wanted the return to feel like a celebration.\u201d",
        ),
        typos=("accomodation", "definately"),
    ),
    DemoArticle(
        slug="library-hours",
        language="uk",
        title="Міська бібліотека працюватиме до дев\u2019ятої вечора",
        standfirst="Нові години роботи діятимуть з першого грудня.",
        paragraphs=(
            "Центральна міська бібліотека з першого грудня подовжує години роботи: читальні зали будуть "
            "відкриті щодня до дев\u2019ятої вечора, а в суботу \u2014 до шостої.",
            "Директорка бібліотеки пояснила, що рішення ухвалили після опитуваня читачів: більшість з них "
            "працює вдень і не встигає прийти до закриття.",
            "Бібліотека також відкриє простір для навчання з безкоштовним інтеренетом і розетками біля кожного столу.",
        ),
        typos=("опитуваня", "інтеренетом"),
    ),
)

BY_SLUG = {article.slug: article for article in ARTICLES}
