"""The shape of the widget's configuration."""

from ninja import Field, Schema

from corrigo.antispam.schemas import ChallengeOut


class KindOut(Schema):
    """One kind of problem a reader can choose."""

    value: str
    label: str


class LimitsOut(Schema):
    """Longest accepted values, in Unicode code points."""

    exact: int
    proposed: int
    comment: int
    email: int
    text: int


class WidgetConfigOut(Schema):
    """Everything the widget needs before it shows the dialog."""

    site: str
    name: str
    lang: str = Field(description="The language of the catalogue and of the kinds' labels.")
    catalog: dict[str, str | list[str]] = Field(
        description="The widget's strings (gettext `djangojs` domain): English msgid to translation, "
        "or to the list of plural forms. Empty for English."
    )
    plural: str | None = Field(
        description="The catalogue's plural rule, a C expression of n giving the index of the plural form; "
        "null for English (n != 1)."
    )
    kinds: list[KindOut]
    limits: LimitsOut
    challenge: ChallengeOut = Field(description="Send `challenge.challenge` back with the first report.")
