"""People a whole report protests against ("marches against Trump", "Macron's pension reform"):
an article-wide target for its events, and target names cleaned of titles and possessives.

A head of government or public figure is often the addressee of every event of a day of
action, told once for the article ("No Kings rallies against Trump's authoritarian drift").
``article_targets`` finds PERSON entities in an opposing frame (``data/leaders_en.json``),
names each by its fullest form in the text ("Trump" -> "Donald Trump"), and ``clean_name``
drops titles ("French President Emmanuel Macron's" -> "Emmanuel Macron").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import load, load_lang

Span = tuple[int, int, str]

_LED_BODY = re.compile(r"\s(?:administration|government|regime|cabinet)$", re.IGNORECASE)
#: a possessive ending of any apostrophe a page sets (straight, curly either way, grave, acute):
#: "Governor Lee‘s" is "Governor Lee"
POSSESSIVE_END = re.compile(r"['’‘`´]s?$")


@lru_cache(maxsize=4)
def _lex(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    try:
        lex = load_lang("leaders", lang)
    except (FileNotFoundError, KeyError):
        return None
    titles = "|".join(sorted(lex["titles"], key=len, reverse=True))
    return (
        re.compile(lex["before"], re.IGNORECASE),
        re.compile(lex["after"], re.IGNORECASE),
        re.compile(rf"^(?:(?:{titles})\s+)+", re.IGNORECASE),
    )


@lru_cache(maxsize=4)
def _figures(lang: str) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """Known public figures: one pattern of their names and short forms, form -> full name,
    the government words after a name, the chant frames after a name."""
    try:
        lex = load_lang("leaders", lang)
    except (FileNotFoundError, KeyError):
        return None
    canon: dict[str, str] = {}
    # the public figures are the same in every language's news
    figures = lex["figures"] if "figures" in lex else load_lang("leaders", "en").get("figures", {})
    for full, forms in figures.items():
        for form in [full, *forms]:
            canon[form] = full
    if not canon:
        return None
    alt = "|".join(re.escape(f) for f in sorted(canon, key=len, reverse=True))
    return (
        re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])"),
        canon,
        re.compile(rf"^\s+({lex.get('government_words', '(?!)')})\b", re.IGNORECASE),
        re.compile(lex.get("chant", "(?!)"), re.IGNORECASE),
        re.compile(lex.get("time_before", "(?!)"), re.IGNORECASE),
    )


@lru_cache(maxsize=4)
def _government_before(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """Words right before a figure's short name that make it his government ("la
    Administración Trump"), each with the English word a coder writes ("administration")."""
    try:
        lex = load_lang("leaders", lang)
    except (FileNotFoundError, KeyError):
        return []
    return [(re.compile(p, re.IGNORECASE), w) for p, w in lex.get("government_before", {}).items()]


def clean_name(name: str, lang: str = "en") -> str:
    """A target name without leading titles and a trailing possessive."""
    lex = _lex(lang)
    out = POSSESSIVE_END.sub("", name.strip())
    if lex is not None:
        rest = lex[2].sub("", out)
        if rest and rest[0].isupper():
            out = rest
    return out.strip() or name


def figure_name(name: str, lang: str = "en") -> str | None:
    """The full name of a known public figure told by ``name`` ("Trump" -> "Donald Trump")."""
    fig = _figures(lang)
    return fig[1].get(name) if fig is not None else None


@lru_cache(maxsize=8)
def _figure_targets(text: str, lang: str) -> list[tuple[str, Span, bool]]:
    """Known public figures in an opposing frame, by name or short form ("protests against
    Trump's policies" -> "Donald Trump", "rallies targeted the Trump administration" -> "Trump
    administration"), whatever spaCy tagged them; each once, with its first such mention, and
    whether it is the person (not a government)."""
    lex, fig = _lex(lang), _figures(lang)
    if lex is None or fig is None:
        return []
    before, after, _ = lex
    names, canon, gov, chant, when = fig
    gov_before = _government_before(lang)
    out: dict[str, tuple[Span, bool]] = {}
    for m in names.finditer(text):
        full = canon[m.group()]
        pre = text[max(0, m.start() - 60) : m.start()]
        post = text[m.end() : m.end() + 60]
        gb = next(((r.search(pre), word) for r, word in gov_before if r.search(pre)), None)
        if gb is not None and m.group() != full:  # "la Administración Trump" -> "Trump administration"
            if before.search(pre[: gb[0].start()]):
                start = max(0, m.start() - 60) + gb[0].start()
                out.setdefault(f"{m.group()} {gb[1]}", ((start, m.end(), text[start : m.end()]), False))
            continue
        g = gov.match(post)
        if g is not None:
            rest = post[g.end() :]
            if before.search(pre) or after.match(rest):
                name = f"{full.split()[-1] if m.group() == full else m.group()} {g.group(1).lower()}"
                out.setdefault(name, ((m.start(), m.end() + g.end(), text[m.start() : m.end() + g.end()]), False))
            continue
        if before.search(pre) or (after.match(post) and not when.search(pre)) or chant.match(post):
            out.setdefault(full, ((m.start(), m.end(), m.group()), True))
    return [(n, sp, person) for n, (sp, person) in out.items()]


def article_targets(text: str, doc: Any, scopes: list[tuple[int, int]] | None = None, lang: str = "en",
                    figures: bool = True) -> list[tuple[str, Span]]:
    """People the report protests against, fullest name first, with the span of one opposing
    mention each (the most told first); then (``figures``, whole article) the known public
    figures in an opposing frame (``_figure_targets``)."""
    lex = _lex(lang)
    if lex is None or doc is None:
        return []
    before, after, _ = lex
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    hits: Counter[str] = Counter()
    spans: dict[str, Span] = {}
    for e in persons:
        if scopes is not None and not any(a <= e.start_char < b for a, b in scopes):
            continue
        pre = text[max(0, e.start_char - 60) : e.start_char]
        post = text[e.end_char : e.end_char + 60]
        fig = _figures(lang)
        if not (before.search(pre) or (after.match(post) and not (fig is not None and fig[4].search(pre)))):
            continue
        last = clean_name(e.text, lang).split()[-1]
        hits[last] += 1
        spans.setdefault(last, (e.start_char, e.end_char, e.text))
    out = []
    for last, _n in hits.most_common():
        full = max(
            (clean_name(e.text, lang) for e in persons if clean_name(e.text, lang).split()[-1] == last),
            key=lambda n: len(n.split()),
        )
        if len(full.split()) < 2:
            continue  # a lone first or last name never told in full: no public figure
        out.append((full, spans[last]))
    if scopes is None and figures:
        told = {x.lower() for x, _ in out} | {x.split()[-1].lower() for x, _ in out}
        for name, span, person in _figure_targets(text, lang):
            if name.lower() not in told and not (person and name.split()[-1].lower() in told):
                told.add(name.lower())
                out.append((name, span))
    return out


def _full_person(name: str, doc: Any, lang: str) -> str:
    """A lone surname target told in full elsewhere ("Healey" -> "Maura Healey")."""
    if doc is None or " " in name or not name[:1].isupper():
        return name
    full = [clean_name(e.text, lang) for e in doc.ents if e.label_ == "PERSON" and name in e.text]
    full = [n for n in full if len(n.split()) >= 2 and n.split()[-1] == name]
    return max(full, key=len) if full else name


@lru_cache(maxsize=8)
def _has_own_lexicon(lang: str) -> bool:
    try:
        load(f"leaders_{lang}")
    except FileNotFoundError:
        return False
    return True


def with_article_targets(text: str, doc: Any, targets: list[tuple[str, Span]], lang: str = "en") -> list[tuple[str, Span]]:
    """An event's targets with cleaned names, plus the people the whole report opposes; a known
    public figure the report opposes (``_figure_targets``) names a target told by a short form
    ("Trump" -> "Donald Trump") and is a target of each event, beside its own (a day of action
    "against Trump's crackdown" whose rally outside a detention center also targets ICE: coders
    list both)."""
    out: list[tuple[str, Span]] = []
    lex = _lex(lang)
    for name, span in targets:
        n = clean_name(name, lang)
        if lex is not None and not (lex[2].sub("", n + " ").strip() and lex[2].sub("", n + ". ").strip()):
            continue  # "French President's", "Rep" (its period cut off): a title, no name
        if n.lower() not in {x.lower() for x, _ in out}:
            out.append((n, span))
    key = ("leaders.article_targets", lang, text)  # (the same for every event: found once per parse)
    cached = doc.user_data.get(key) if doc is not None else None
    if cached is None:
        cached = article_targets(text, doc, None, lang, figures=False)
        if doc is not None:
            doc.user_data[key] = cached
    found = list(cached)
    # (without a parse only where the language has frames of its own: English frames on other text say nothing)
    own_frames = doc is not None or (lang != "en" and _has_own_lexicon(lang))
    found += [(n, sp) for n, sp, _ in (_figure_targets(text, lang) if own_frames else [])]
    out = [(_full_person(x, doc, lang), sp) for x, sp in out]
    for name, span in found:
        last = name.split()[-1].lower()
        # "the Harlow administration" names a government, not the person Harlow
        told = [i for i, (x, _) in enumerate(out) if last in x.lower().split() and not _LED_BODY.search(x)]
        for i in told:
            if name.lower().endswith(out[i][0].lower()):
                out[i] = (name, out[i][1])  # "Jenkins" told, "Harold Jenkins" meant
        if not told:
            out.append((name, span))
    return out


def one_leader_form(targets: list[str], text: str, lang: str = "en") -> list[str]:
    """Targets to drop when a leader and the government he leads are both among ``targets``
    ("Donald Trump", "Trump administration"): the form the report tells less -- the person told
    after an office title ("President Trump", ``office_titles``) against the body told by his
    name ("the Trump administration"); none on a tie (both stand)."""
    try:
        titles = load_lang("leaders", lang).get("office_titles")
    except (FileNotFoundError, KeyError):
        return []
    if not titles:
        return []
    lex = load_lang("leaders", lang)
    role_after = re.compile(lex.get("body_role_after", r"(?!)"), re.IGNORECASE)
    role_before = re.compile(lex.get("body_role_before", r"(?!)"), re.IGNORECASE)
    drop: list[str] = []
    for body in targets:
        m = _LED_BODY.search(body)
        if m is None or not body[: m.start()].strip():
            continue
        surname = body[: m.start()].split()[-1]
        s = re.escape(surname)
        leader_firsts = _leader_first_names(surname, text, titles, lang)
        people = [p for p in targets if p != body and not _LED_BODY.search(p) and len(p.split()) >= 2
                  and p.split()[-1] == surname
                  and (not leader_firsts or " ".join(p.split()[:-1]).lower() in leader_firsts)]
        if not people:
            continue  # none, or another person of the leader's surname ("Hunter Biden" beside the Biden administration)
        as_body = sum(1 for b in re.finditer(rf"(?<![\w-]){s}(?:['’]s)?\s+(?i:administration|government|regime|cabinet)\b", text)
                      if not role_after.match(text[b.end():b.end() + 40]) and not role_before.search(text[max(0, b.start() - 20):b.start()]))
        titled = len(re.findall(rf"(?<![\w-])(?:{titles})\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}?{s}(?![\w-])", text))
        if as_body > titled:
            drop += people
        elif titled > as_body:
            drop.append(body)
    return list(dict.fromkeys(drop))


def leader_over_government(targets: list[str], text: str, own_government: str | None = None,
                           lang: str = "en") -> list[str]:
    """Governments to drop when the head who leads them is a target too: coders list the leader.
    Only the event's country's government (``own_government``, "Kenyan government", or a plain
    "the government"/"federal government" there) and only a head the page ties to that country
    ("Kenyan Prime Minister Ola Mensa"; a president only when the page also tells the government
    as his: "Mensa's government"); never a former head, nor a title of another body ("President
    Ola Mensa of the Westfield Rowing Club")."""
    try:
        lex = load_lang("leaders", lang)
    except (FileNotFoundError, KeyError):
        return []
    if not lex.get("head_titles") or not own_government or not own_government.endswith(" government"):
        return []
    national = {w.lower() for w in lex.get("national_governments", ())}
    adj = own_government[: -len(" government")]
    govs = [t for t in targets if t.lower() in national or t == own_government]
    people = [t for t in targets if t not in govs and len(t.split()) >= 2 and not _LED_BODY.search(t)]
    if govs and any(_heads_government(p, text, adj, lex, lang) for p in people):
        return govs
    return []


@lru_cache(maxsize=4)
def _head_words(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``leaders_<lang>``: the words that make a head a former one (head_gone_before), a title of
    another body after the name (head_other_body_after) and a state's head's titles."""
    lex = load_lang("leaders", lang)
    return (re.compile(lex.get("head_gone_before", "(?!)"), re.IGNORECASE),
            re.compile(lex.get("head_other_body_after", "(?!)")),
            re.compile(rf"(?:{lex.get('state_head_titles', '(?!)')})"))


def _heads_government(person: str, text: str, adj: str, lex: dict, lang: str = "en") -> bool:
    """Is ``person`` told after a head's title with his country's word ``adj`` right before it
    ("Kenyan Prime Minister Ola Mensa"), not a former one's, not of another body's, and (a
    state's head, "President") told as heading the government too?"""
    s = re.escape(person.split()[-1])
    own = re.compile(rf"(?<![\w-]){re.escape(adj)}\s+$")
    gone, other_body, state_head = _head_words(lang)
    for m in re.finditer(rf"(?P<title>{lex['head_titles']})\s+(?:{re.escape(person)}|{s})(?![\w-])", text):
        before = text[max(0, m.start() - 60) : m.start()]
        if own.search(before) is None or gone.search(before) is not None:
            continue
        if other_body.match(text[m.end() : m.end() + 80]):
            continue
        if state_head.fullmatch(m.group("title")) and not _same_body(s, text, lex):
            continue
        return True
    return False


def _same_body(s: str, text: str, lex: dict) -> bool:
    """Does the page tell the government as the leader's own ("Mensa's government", "the
    government of Ola Mensa", "the Mensa administration")? ``s`` is his escaped surname."""
    return any(re.search(p.replace("{s}", s), text) for p in lex.get("same_body", ()))


def _leader_first_names(surname: str, text: str, titles: str, lang: str) -> set[str]:
    """The first names (lower case) the leader of surname ``surname`` goes by: told after an office
    title ("President Dana Harlow") or a known public figure's ("Joe Biden"); empty when unknown."""
    out = {m.group(1).lower() for m in re.finditer(
        rf"(?<![\w-])(?:{titles})\s+((?:[A-Z][\w.'’-]*\s+){{1,2}}?){re.escape(surname)}(?![\w-])", text)}
    out = {" ".join(x.split()) for x in out}
    figures = load_lang("leaders", lang).get("figures") or load_lang("leaders", "en").get("figures", {})
    for full, forms in figures.items():
        words = full.split()
        if len(words) >= 2 and words[-1] == surname or surname in forms:
            out.add(" ".join(words[:-1]).lower())
    return out


__all__ = ["article_targets", "clean_name", "figure_name", "leader_over_government", "one_leader_form",
           "with_article_targets"]
