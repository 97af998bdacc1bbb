"""The shape of the challenge the widget receives (with its configuration and after each report)."""

from ninja import Field, Schema


class ProofOfWorkOut(Schema):
    """An ALTCHA challenge (v1): find ``number`` ≤ ``maxnumber`` with SHA-256(salt + number) = challenge."""

    algorithm: str
    challenge: str
    maxnumber: int
    salt: str
    signature: str


class ChallengeOut(Schema):
    """Send ``challenge`` back with the report (and, when ``pow`` is set, the ALTCHA payload as ``pow``)."""

    challenge: str = Field(description="A signed token for one report on this site; it expires and is used once.")
    pow: ProofOfWorkOut | None = Field(description="An ALTCHA proof-of-work challenge, or null when it is off.")
