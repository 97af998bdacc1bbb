"""A generated corpus of submissions: realistic readers in several languages, and bots of six kinds."""

import random
import time
import uuid
from dataclasses import dataclass
from typing import Any

from corrigo.antispam.challenge import challenge_issue
from corrigo.sites.models import Site
from tests.factories import ORIGIN

ARTICLES = {
    "en": "The council approved the new budget on Tuesday after a long debate about the harbour bridge and the "
    "regional goverment grant that pays for half of the works planned untill next spring.",
    "uk": "Міська рада ухвалила новий бюджет у вівторок після довгої дискусії про міст у гавані та обласну "
    "субвенцію, яка покриває половину робіт, запланованих до наступної весни й літа.",
    "ru": "Городской совет утвердил новый бюджет во вторник после долгого обсуждения моста в гавани и областной "
    "субсидии, которая покрывает половину работ, запланированных до следующей весны.",
    "de": "Der Stadtrat hat am Dienstag nach langer Debatte über die Hafenbrücke den neuen Haushalt beschlossen; "
    "die Regierung des Landes zahlt die Hälfte der Arbeiten bis zum nächsten Frühjahr.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le pont du port et la "
    "subvention régionale qui finance la moitié des travaux prévus jusqu'au printemps prochain.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre el puente del puerto y "
    "la subvención regional que paga la mitad de las obras previstas hasta la próxima primavera.",
}
COMMENTS = {
    "en": [
        "Small typo here: {w} should be spelled differently.",
        "I think the word {w} is misspelt.",
        "The figure next to {w} does not match the council's own press release from {d}.",
        "Hi, {w} looks wrong to me — thanks for the good reporting!",
        "",
        "",
        "According to the minutes of the meeting on {d}, this is not what was decided: {link}",
    ],
    "uk": [
        "Здається, у слові «{w}» помилка.",
        "Тут описка: {w}. Дякую за статтю!",
        "За даними протоколу засідання {d}, сума інша.",
        "",
        "Перевірте, будь ласка, «{w}» — джерело: {link}",
    ],
    "ru": [
        "Кажется, в слове «{w}» опечатка.",
        "Опечатка: {w}. Спасибо за материал!",
        "По протоколу заседания {d} сумма другая.",
        "",
        "Проверьте, пожалуйста, «{w}»; источник: {link}",
    ],
    "de": ["Tippfehler bei „{w}“, glaube ich.", "Laut Protokoll vom {d} stimmt das nicht.", ""],
    "fr": ["Petite coquille : « {w} ».", "D'après le compte rendu du {d}, ce n'est pas exact.", ""],
    "es": ["Creo que hay una errata en «{w}».", "Según el acta del {d}, esto no es correcto.", ""],
}
SPAM = [
    "Best cheap watches http://cheap-watch.example/buy and http://cheap-watch.example/sale",
    '<a href="http://casino.example">online casino</a> bonus today',
    "[url=http://pills.example]cheap pills[/url] [url=http://pills.example/2]more[/url]",
    "Visit www.loans.example and www.loans.example/fast for fast loans",
]


@dataclass
class Submission:
    """One generated submission: its kind (``human`` or a bot kind), its body and sender, and how long
    before sending its challenge was fetched (None: a challenge kept in the body, or none)."""

    kind: str
    body: dict[str, Any]
    address: str
    age: float | None = None

    def ready(self, site: Site) -> dict[str, Any]:
        """The body to send now, with a challenge fetched ``age`` seconds ago."""
        if self.age is None:
            return self.body
        return {**self.body, "challenge": _token(site, self.age)}


def _token(site: Site, age: float) -> str:
    return str(challenge_issue(site=site, now=time.time() - age)["challenge"])


def _body(site: Site, rng: random.Random, language: str, **fields: Any) -> dict[str, Any]:
    text = ARTICLES[language]
    words = [w.strip(".,;:«»„“") for w in text.split() if len(w) > 4]
    word = rng.choice(words)
    start = text.index(word)
    end = start + len(word)
    body = {
        "site": site.public_key,
        "url": f"{ORIGIN}/{language}/story-{rng.randint(1, 30)}",
        "title": "Story",
        "client_id": str(uuid.uuid4()),
        "kind": rng.choice(["typo", "typo", "fact", "unclear", "other"]),
        "selector": {
            "exact": word,
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "start": start,
            "end": end,
        },
        "text": text,
        "proposed": "",
        "comment": "",
        "email": "",
        "lang": language,
    }
    return {**body, **fields}


def humans(site: Site, count: int, rng: random.Random) -> list[Submission]:
    """Readers: several languages, with and without email, taking from 2.5 s to 10 minutes."""
    found = []
    for n in range(count):
        language = rng.choice(list(ARTICLES))
        body = _body(site, rng, language)
        word = body["selector"]["exact"]
        comment = rng.choice(COMMENTS[language]).format(
            w=word, d=f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2026", link=f"https://council.example/minutes/{n}"
        )
        body["comment"] = comment if comment or rng.random() < 0.5 else ""
        body["proposed"] = word[:-1] + rng.choice("aeiouyі") if rng.random() < 0.7 or not body["comment"] else ""
        body["email"] = f"reader{n}@mail.example" if rng.random() < 0.4 else ""
        age = rng.choice([2.5, 3.0, 4.0]) if rng.random() < 0.05 else rng.lognormvariate(3.2, 0.8) + 3
        found.append(Submission("human", body, f"10.{n // 250}.{n % 250}.{rng.randint(1, 250)}", age))
    return found


def bots(site: Site, per_kind: int, rng: random.Random) -> list[Submission]:
    """Bots of six kinds, ``per_kind`` each."""
    found = []
    harvested = [_token(site, 30) for _ in range(5)]
    for n in range(per_kind):
        address = f"172.16.{n // 250}.{n % 250}"
        filler = _body(
            site, rng, "en", comment="Nice article", website=f"https://seo{n}.example", email=f"bot{n}@spam.example"
        )
        found.append(Submission("form_filler", filler, address, rng.uniform(0, 8)))
        found.append(Submission("hasty_script", _body(site, rng, "en", comment="typo"), address, rng.uniform(0, 1.5)))
        found.append(
            Submission("link_spam", _body(site, rng, "en", comment=rng.choice(SPAM)), address, rng.uniform(5, 60))
        )
        replay = _body(site, rng, "en", comment="typo here", challenge=harvested[n % 5])
        found.append(Submission("replayer", replay, address))
        flood = _body(site, rng, "ru", comment="Лучшие цены на окна и двери только у нас, звоните сегодня")
        found.append(Submission("copy_paste_flood", flood, address, rng.uniform(5, 60)))
        found.append(Submission("no_challenge_script", _body(site, rng, "en", comment="Wrong word"), address))
    return found
