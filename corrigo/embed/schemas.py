"""The shape of the widget's configuration."""

from ninja import Schema


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
    lang: str
    labels: dict[str, str]
    kinds: list[KindOut]
    limits: LimitsOut
