"""Resolve: does a new mention tell of an event already stored, and how fields merge.

Pure functions; the store calls them inside its transaction. Candidates share the
normalised locality and state and lie within a day (blocking); :func:`match_score`
weighs dates, types, venues, organizations, action names, issues and sizes into one
scored decision (see its docstring), and :func:`best_match` takes the best candidate
that reaches :data:`MATCH_THRESHOLD`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date as _date
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, utils

from protestdb.models import LIST_FIELDS, Event, EventMention, Evidence, size_category
from protestdb.store.keys import (  # noqa: F401 (re-exported)
    LOCALITY_ALIASES,
    NYC_BOROUGHS,
    month_days,
    normalize_locality,
    place_words,
    weekdays_named,
)

#: Venue names at least this similar (rapidfuzz token_set_ratio, 0-100) are the same place.
LOCATION_MIN_SCORE = 80.0


SIZE_FIELDS = ("size_text", "size_low", "size_high", "size_mean", "size_cat")
#: Scalars whose first non-null value is kept.
SCALAR_FIELDS = (
    "date_precision",
    "end_date",
    "locality",
    "state",
    "country",
    "location",
    "county",
    "fips_code",
    "lat",
    "lon",
    "geo_precision",
    "title",
    "macroevent",
    "valence",
    "arrests",
    "injuries",
    "property_damage",
)


def event_id_for(article_id: str, index: int) -> str:
    """Stable id of an event first told by mention ``index`` of ``article_id``."""
    return "ev_" + hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def _norm_state(s: str | None) -> str | None:
    return s.strip().upper() if s else None


def types_overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    return bool({t.lower() for t in a} & {t.lower() for t in b})


def location_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= LOCATION_MIN_SCORE


def location_score(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 50.0
    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


#: A mention joins an event when its score reaches this (see :func:`match_score`).
MATCH_THRESHOLD = 1.5
#: Two crowd figures further apart than this factor count against a match.
SIZE_RATIO_MAX = 10.0
#: The best candidate must beat the runner-up by this much, else the mention stays apart.
AMBIGUITY_MARGIN = 0.5
#: Types a reporter may use for the same gathering ("rallied" / "marched" / "demonstrated").
SOFT_TYPES = {"rally", "march", "demonstration", "other"}
#: Umbrella words: an outlet may call any action a "demonstration" (a strike, an occupation, a
#: blockade): against a specific type they are neither for nor against a match.
UMBRELLA_TYPES = frozenset({"demonstration", "other"})
#: Specific types outlets use for one action seen from two sides: a strike and its picket line (or the
#: walkout that starts it), a march that blocks a road, a sit-in that occupies a building. Neither for
#: nor against a match (other specific types that differ are two actions).
RELATED_TYPES = frozenset(frozenset(p) for p in (("strike", "picket"), ("strike", "walkout"), ("march", "blockade"),
                                                 ("sit-in", "occupation"), ("sit-in", "blockade")))
#: Organizations that share no member count this much against a match (outlets name different
#: co-organizers, and extraction picks up stray names).
ORGS_DISAGREE = 2.5
_ORG_STOP = {"of", "and", "the", "for", "a", "an", "&", "in", "on", "to"}
#: The small words an acronym may spell ("MFA": March For Australia); never "to", "on", "the"
#: ("Parents to Act" is not "PTA", "Mothers on the March" is not "MOM").
_SPELLED_SMALL = {"of", "for", "and", "&"}


def _day_gap(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates (None when either is missing or malformed)."""
    from datetime import date as _date

    try:
        return abs((_date.fromisoformat(a[:10]) - _date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def _org_forms(name: str) -> set[str]:
    """A name's forms: its words, and its initials marked "^" (an acronym written out meets the
    acronym, two names with the same initials do not: :func:`forms_meet`)."""
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", name.casefold().replace(".", "")))  # "Women's March" -> WM
    forms = {" ".join(w for w in words if w != "the")}
    initials = "".join(w[0] for w in words if w not in _ORG_STOP)
    if len(initials) >= 2 and len(words) > 1:
        forms.add("^" + initials)
    if len(words) == 1 and words[0].isalpha():
        forms.add(words[0])
    return {f for f in forms if f}


def _acronym_run(low: str, words: list[str], small: bool) -> list[str] | None:
    """The words from the start of ``words`` whose initials spell ``low``, or None. Small words
    ("of", "for") are passed over ("ACLU": American Civil Liberties Union), or, with ``small``, spelled
    too when they are :data:`_SPELLED_SMALL` ("MFA": March For Australia)."""
    run, initials = [], ""
    for w in words:
        if initials == low or len(initials) >= len(low):
            break
        run.append(w)
        if w.casefold() in _ORG_STOP and len(run) > 1 and not (small and w.casefold() in _SPELLED_SMALL):
            continue
        initials += w[0].casefold()
    return run if initials == low and len(run) > 1 else None


def _expand_acronyms(x: str, y: str) -> str:
    """``x`` with each acronym that spells a run of ``y``'s words replaced by those words.

    "ACLU of Colorado" vs "American Civil Liberties Union of Colorado" -> the long form; "MFA" vs
    "March for Australia" (the small word spelled) -> the long form.
    """
    ywords = re.findall(r"\w+", re.sub(r"['’]s\b", "", y))
    out = []
    for tok in re.findall(r"\w+", x):
        low = tok.casefold()
        run = None
        if 2 <= len(low) <= 8 and low.isalpha():
            run = next((r for i in range(len(ywords)) if (r := _acronym_run(low, ywords[i:], False)) is not None),
                       None) or _small_run(low, ywords)
        out.extend(run or [tok])
    return " ".join(out)


def _small_run(low: str, ywords: list[str]) -> list[str] | None:
    """The run of ``ywords`` that ``low`` spells with its small words spelled too ("MFA": March For
    Australia), only when the run is the WHOLE name, at most "of <Place>" left over ("MFA of Perth"):
    "AFT" spells the first words of "Americans for Tax Reform" but is another name."""
    run = _acronym_run(low, ywords, True)
    if run is None:
        return None
    rest = ywords[len(run):]
    if not rest or (rest[0].casefold() == "of" and 1 < len(rest) <= 3 and all(w[:1].isupper() for w in rest[1:])):
        return run
    return None


def forms_meet(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Do two sets of :func:`_org_forms` share a name, or does one's name spell the other's initials?"""
    for f in a:
        if f.startswith("^"):
            if f[1:] in b:
                return True
        elif f in b or "^" + f in b:
            return True
    return False


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _org_words(name: str) -> frozenset[str]:
    """A name's words without case, dots ("U.S."), possessives, small words and years ("... 2024")."""
    s = _YEAR.sub(" ", re.sub(r"['’]s\b", "", name.casefold().replace(".", "")))
    return frozenset(w for w in re.findall(r"\w+", s) if w not in _ORG_STOP)


def _unit_rests(name: str) -> dict[str, list[str]]:
    """The numbered units a name holds whose unit words nest under a parent (``parent_units`` of
    ``data/venue_words.json``: "District Council 12", never "Local 8" or "Troop 12"), each with the
    name's other words (small words dropped): "FTWU District Council 12" -> {"district council 12": ["ftwu"]}."""
    words = [w for w in re.findall(r"\w+", re.sub(r"['’]s\b", "", name.casefold().replace(".", "")))
             if w not in _ORG_STOP]
    out: dict[str, list[str]] = {}
    for unit in _venue_words("parent_units"):
        uw = unit.split()
        for i in range(len(words) - len(uw)):
            num = words[i + len(uw)]
            if words[i:i + len(uw)] == uw and num.isdigit() and not _YEAR.fullmatch(num):
                out[f"{unit} {num}"] = words[:i] + words[i + len(uw) + 1:]
    return out


def _rests_agree(a: list[str], b: list[str]) -> bool:
    """Do the other words of two names of one numbered unit agree: one side the bare unit, one's words
    all in the other's, or one side an acronym that the other's words spell exactly ("FTWU" /
    "Federation of Transit Workers Union")?"""
    if not a or not b or set(a) <= set(b) or set(b) <= set(a):
        return True
    for s, t in ((a, b), (b, a)):
        if len(s) == 1 and s[0].isalpha() and len(t) > 1 and "".join(w[0] for w in t) == s[0]:
            return True
    return False


def _same_unit(x: str, y: str) -> bool:
    """One numbered unit under a parent, named through its parent two ways (:func:`_unit_rests`)."""
    ux, uy = _unit_rests(x), _unit_rests(y)
    return any(_rests_agree(ux[u], uy[u]) for u in ux.keys() & uy.keys())


def same_org(x: str, y: str) -> bool:
    """Do two organization names name one organization (case, "the", acronyms, close spellings, one
    name inside the other: "Indivisible" / "Indivisible Harborview", "AFSCME DC 33" / "District
    Council 33")? Numbers must agree ("Local 521" is not "Local 1021"), and two names that each have
    words the other lacks are two names ("Indivisible Harborview" / "Indivisible Lakeport")."""
    if forms_meet(_org_forms(x), _org_forms(y)):
        return True
    if _same_unit(x, y):
        # one numbered unit under a parent, each outlet naming the parent its own way ("FTWU District
        # Council 12" / "District Council 12 of the Federation of Transit Workers Union")
        return True
    for s, t in ((x, y), (y, x)):
        long_s = _expand_acronyms(s, t)
        ws, wt = _org_words(long_s), _org_words(t)
        ns, nt = {w for w in ws if w.isdigit()}, {w for w in wt if w.isdigit()}
        if ns and nt and not ns & nt:
            return False
        if ws and wt and (ws <= wt or wt <= ws):
            return True
        if fuzz.ratio(long_s, t, processor=utils.default_process) >= 90:
            return True
    return False


def orgs_overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    """Do two organization lists share a member (:func:`same_org`)?"""
    return any(same_org(x, y) for x in a for y in b)


def _title_key(t: str | None) -> str | None:
    """An action's name normalised as campaigns do ("No Kings Day" = "#NoKings"); None if generic."""
    from protestdb.resolve.campaigns import campaign_key  # campaigns imports this module

    return campaign_key(t)


@lru_cache(maxsize=8)
def _venue_words(key: str) -> frozenset[str]:
    """A word list of ``data/venue_words.json`` ("generic", "positions", "building_heads", ...)."""
    data = resources.files("protestdb.resolve").joinpath("data/venue_words.json").read_text(encoding="utf-8")
    return frozenset(json.loads(data)[key])


def _generic_venue_words() -> frozenset[str]:
    return _venue_words("generic")


@lru_cache(maxsize=128)
def state_name_words(state: str | None) -> frozenset[str]:
    """The words of a US state's full name ("TN" -> tennessee): the place, not a venue's own word."""
    if not state:
        return frozenset()
    import us  # the state names the gazetteer uses

    st = us.states.lookup(state.strip().upper())
    return frozenset(re.findall(r"\w+", st.name.casefold())) if st is not None else frozenset()


_VENUE_PARTS = re.compile(r",|;|\bin\b|\bnear\b")
#: Generic words that end a place's name, not a venue's ("Center City", "Chinatown District").
_PLACE_HEADS = frozenset({"city", "town", "district", "county"})


@lru_cache(maxsize=1 << 16)
def place_parts(venue: str, state: str | None) -> frozenset[str]:
    """Words of the parts of a venue's text that are places of ``state`` in the gazetteer -- a
    neighbourhood or a town, not a venue ("Mariachi Plaza, Boyle Heights" -> boyle, heights;
    "Center City"). A part ending in a venue word ("Echo Park") stays a venue."""
    if not state:
        return frozenset()
    from protestdb.geo.resolve import best_place  # the gazetteer, opened on first use

    out: set[str] = set()
    for part in _VENUE_PARTS.split(venue):
        words = re.findall(r"[\w'’]+", part)
        if not words or len(words) > 4 or not all(w[0].isupper() for w in words if w.casefold() != "the"):
            continue
        if words[-1].casefold() in _generic_venue_words() and words[-1].casefold() not in _PLACE_HEADS:
            continue
        p = best_place(" ".join(words), state.strip().upper())
        if p is not None and p.kind in ("neighborhood", "city"):
            out.update(w.casefold() for w in re.findall(r"\w+", part))
    return frozenset(out)


def venue_tokens(venue: str, locality: str | None = None, state: str | None = None) -> frozenset[str]:
    """The specific words of a venue: without generic words ("High School"), the place's own name and
    the neighbourhoods or towns it names (:func:`place_parts`: a place, not a venue)."""
    own = _own_words(locality, state) | place_parts(venue, state)
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", venue.casefold()))
    return frozenset(w for w in words if w not in _generic_venue_words() and w not in own and not w.isdigit())


def _own_words(locality: str | None, state: str | None) -> set[str]:
    """The words of a mention's own place: its locality, its state's code and full name."""
    return set(re.findall(r"\w+", f"{locality or ''} {state or ''}".casefold())) | state_name_words(state)


@lru_cache(maxsize=1 << 16)
def venue_heads(venue: str, locality: str | None = None, state: str | None = None) -> frozenset[str]:
    """The kind of place a venue of generic words only names, without where at it ("outside City
    Hall", "City Hall steps" -> city, hall; "the Capitol", "Tennessee State Capitol" -> capitol);
    empty when the venue has a specific word (:func:`venue_tokens` compares those)."""
    own = _own_words(locality, state)
    words = [w for w in re.findall(r"\w+", re.sub(r"['’]s\b", "", venue.casefold())) if w not in own]
    if any(w not in _generic_venue_words() for w in words):
        return frozenset()
    return frozenset(w for w in words if w not in _venue_words("positions"))


#: Words that may start the name of a part of a town ("South Harborview").
_QUARTERS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                       "downtown", "central", "upper", "lower"})


def _is_force(raw: str, words: list[str]) -> bool:
    """A police or security force ("Riverton Police Department", "NYPD"): it answers a protest."""
    force = _venue_words("force_words")
    if any(w in force for w in words) and ((words[-1] in force and "of" not in words)
                                           or words[-1] in _venue_words("force_heads")):
        return True  # "Riverton Police Department", "Capitol Police"; not "Coalition Against Police Violence"
    tok = raw.replace(".", "")
    return len(words) == 1 and 3 <= len(tok) <= 5 and tok.isalpha() and tok.isupper() \
        and any(tok.casefold().endswith(e) for e in _venue_words("force_initials_end"))


@lru_cache(maxsize=1)
def _people_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns, modifiers) for kinds of people: extraction's participants lexicon and this package's
    ``people_nouns`` (a crowd's words: "protesters", "supporters")."""
    from protestdb.extract.lexicons import load  # the participants lexicon extraction uses

    lex = load("participants_en")
    nouns = ({n.casefold() for n in lex.get("nouns", ())} | _venue_words("people_nouns")) - _venue_words("group_nouns")
    return frozenset(nouns), frozenset(m.casefold() for m in lex.get("modifiers", ()))


@lru_cache(maxsize=1 << 14)
def people_only(name: str) -> bool:
    """Is an extracted organization name only a kind of people ("Farmers", "Striking nurses", "the
    protesters")? A crowd, not a group: such a name meets any group whose name holds the word ("Kent
    Fairness for Farmers"), so it counts neither for nor against a match."""
    nouns, mods = _people_lexicon()
    text = " ".join(w for w in re.findall(r"[\w'’-]+", name.casefold()) if w != "the")
    if not text:
        return False
    if text in nouns:
        return True
    for noun in nouns:
        if text.endswith(" " + noun):
            head = text[: -len(noun) - 1]
            return all(w in mods or w in nouns for w in head.split()) or head in mods
    return False


@lru_cache(maxsize=1 << 16)
def counts_as_organizer(name: str, locality: str | None = None, state: str | None = None) -> bool:
    """Can an extracted organization name be a group that acts? Not a building or a street
    ("Constitution Center", "Church House"), a police force ("NYPD"), a place ("South Harborview", the state, "U.S."), nor a
    word that describes one ("Eastside-based"): such names in one outlet's list count neither for nor
    against a match (a stray name must not split two reports of one action)."""
    raw = name.strip()
    words = re.findall(r"\w+", raw.casefold().replace(".", ""))
    if not words or raw.casefold().endswith("-based") or people_only(raw):
        return False
    if " ".join(words) in _venue_words("place_abbreviations") or words[-1] in _venue_words("building_heads"):
        return False
    if len(words) >= 2 and words[-1] in _venue_words("day_heads"):
        return False  # a day's name ("Invasion Day"): the action's day, not a group that acts
    if _is_force(raw, words):
        return False
    own = _own_words(locality, state)
    rest = words[1:] if words[0] in _QUARTERS and len(words) > 1 else words
    if all(w in own for w in rest):  # the place itself, or a quarter of it ("South Harborview")
        return False
    if state and len(words) <= 3 and all(w[:1].isupper() for w in raw.split()):
        from protestdb.geo.resolve import best_place  # the gazetteer, opened on first use

        p = best_place(" ".join(raw.split()[1:] if rest is not words else raw.split()), state.strip().upper())
        if p is not None and p.kind in ("neighborhood", "city") and p.name.casefold() == " ".join(rest):
            return False
    return True


@lru_cache(maxsize=1 << 14)
def _org_title(name: str) -> str | None:
    """An organization's name read as an action's name (:func:`_title_key`), when it has two words or more."""
    k = _title_key(name)
    return k if k and len(k.split()) >= 2 else None


def action_orgs(orgs: Sequence[str]) -> frozenset[str]:
    """The action-name keys of organization names: outlets write a campaign's name as its organizer
    ("organized by March for Our Lives") where another writes it as the action's name."""
    return frozenset(k for k in map(_org_title, orgs) if k)


def acts_as_organizer(name: str, locality: str | None, state: str | None, title: str | None) -> bool:
    """:func:`counts_as_organizer`, and not the action's own name (``title``: a :func:`_title_key`):
    "No Kings" in one outlet's organizers and a local group in another's do not disagree."""
    if not counts_as_organizer(name, locality, state):
        return False
    k = _org_title(name)
    return not (title and k and titles_meet(k, title))


class MatchKey:
    """What :func:`score_keys` compares, computed once per mention or event (:func:`match_key`)."""

    __slots__ = ("has_date", "day", "mmdd", "words_days", "words_wd", "words_late", "words_early", "loc", "state", "country",
                 "types", "valence", "locality", "location", "vtoks", "orgs", "org_forms", "title", "issues", "claims", "size",
                 "night", "targets", "late", "early", "notables", "plain", "korgs", "org_titles", "once", "pnames",
                 "years", "year_back", "words_not", "period")

    def __init__(self, obj: Event | EventMention) -> None:
        self.has_date = bool(obj.date)
        self.day = _ordinal(obj.date)
        self.mmdd = obj.date[5:10] if self.day is not None and obj.date else None
        # undated, but its words name a week, a weekend or a month ("last week", "in mid-September"):
        # the words of the period it is dated by (:func:`_period_apart`), else None
        self.period = _period_words(obj) if self.day is None and obj.date_precision in ("week", "month") else None
        # an undated report's date words without a year ("on Saturday, Oct. 18"): the days of a year they name
        words = [ev.quote for ev in obj.evidence.get("date_precision", ())] if self.day is None else []
        # ... but "since June 19" (the day a period began) names a day the action is not of
        since = [w for w in words if _SINCE_WORDS.match(w)]
        words = [w for w in words if not _SINCE_WORDS.match(w)]
        self.words_not = frozenset().union(*map(month_days, since)) if since else frozenset()
        self.words_days = frozenset().union(*map(month_days, words)) if words else frozenset()
        # ... and the weekdays they name ("on Friday"), near midnight or not ("late Friday night")
        self.words_wd = frozenset().union(*map(weekdays_named, words)) if words else frozenset()
        self.words_late = any(map(late_in_day, words)) if self.words_wd else False
        self.words_early = any(map(early_in_day, words)) if self.words_wd else False
        # ... and whether they go a year back ("last year"): another edition of a named action
        self.year_back = any(map(_year_back, words)) if words else False
        self.loc = _norm_loc_cached(obj.locality)
        self.state = _norm_state(obj.state)
        self.country = obj.country or None
        self.types = frozenset(t.lower() for t in obj.event_type)
        self.valence = obj.valence
        self.locality = obj.locality  # raw, for the venue's own words
        self.location = obj.location or None
        self.vtoks = _venue_tokens_cached(obj.location, obj.locality, obj.state) if obj.location else frozenset()
        # a kind of people written as an organization ("Farmers") is a crowd, not a group: left out
        self.orgs = tuple(o for o in obj.organizations if not people_only(o))
        self.org_forms = frozenset().union(*map(_org_forms_cached, self.orgs)) if self.orgs else frozenset()
        self.title = _title_key_cached(obj.title or obj.macroevent)
        # the organizations named as an action ("March for Our Lives", "No Kings"): its name (:func:`action_orgs`)
        self.org_titles = action_orgs(self.orgs)
        # the names that can be groups (not a building, a place, "U.S.", the action's own name): only
        # they count against a match
        self.korgs = any(acts_as_organizer(o, obj.locality, self.state, self.title) for o in self.orgs)
        self.issues = frozenset(obj.issues)
        self.claims = frozenset(filter(None, map(_claim_key, obj.claims_summary)))
        self.size = obj.size_low or None
        self.targets = frozenset(filter(None, map(_target_key, obj.targets))) if obj.targets else frozenset()
        self.notables = frozenset(filter(None, map(_target_key, obj.notables))) if obj.notables else frozenset()
        quotes = [ev.quote for ev in obj.evidence.get("date", ())]
        # may another outlet date it a day off? Near midnight, or its date's words are unknown
        self.night = not quotes or any(map(near_midnight, quotes))
        self.late = not quotes or any(map(late_in_day, quotes))
        self.early = not quotes or any(map(early_in_day, quotes))
        # its words name a day and no time near midnight ("on Saturday", "Aug. 12")
        self.plain = bool(quotes) and not self.night
        # its pages' text was read and tells no recurring action ("again", "every Thursday": set by
        # ``decide`` from the store's texts; unknown is not once): see :func:`_told_alike`
        self.once = False
        # the actions its pages' texts name (hashtags, quoted or Title Case names: ``resolve.names``) and
        # the years they name, set by ``decide`` from the store's texts when an undated pair needs them
        # (:func:`_named_alike`); None: not read
        self.pnames: frozenset[str] | None = None
        self.years: frozenset[int] = frozenset()

    @property
    def thin(self) -> bool:
        """A report with no specific venue, organizer or action name: little to tell look-alikes apart.

        A focal place without specific words ("City Hall", "the Capitol") does not count:
        on a busy day several actions gather there.
        """
        return not (self.vtoks or self.korgs or self.title)


#: Date words that put an action near midnight ("late Saturday night", "early Sunday"): such a
#: report may be dated either day, so only then may a match span two days (issue 5).
_NEAR_MIDNIGHT = re.compile(
    r"\b(night|nights|overnight|midnight|tonight|late|early|dawn|daybreak|wee hours|small hours|"
    r"evening|before sunrise)\b", re.IGNORECASE
)


#: Date words of an undated report that tell the day a period began ("since June 19", kept so by
#: extraction): a day its action is not of (:func:`_words_deny_day`), never its day.
_SINCE_WORDS = re.compile(r"since\b", re.IGNORECASE)


#: Date words that put a report a year back: not this year's edition of a named action.
_YEAR_BACK = re.compile(r"\b(?:last year|a year (?:ago|earlier|before)|previous year)\b", re.IGNORECASE)


def _year_back(quote: str | None) -> bool:
    return bool(quote and _YEAR_BACK.search(quote))


def near_midnight(quote: str | None) -> bool:
    """Does a date's quote place the action near midnight (so another outlet may date it a day off)?"""
    return bool(quote and _NEAR_MIDNIGHT.search(quote))


#: Words of the end of a day ("late Saturday night"): another outlet may date it the day after.
_LATE = re.compile(r"\b(night|nights|overnight|midnight|tonight|late|evening)\b", re.IGNORECASE)
#: Words of the start of a day ("early Sunday", "at dawn"): another outlet may date it the day before.
_EARLY = re.compile(r"\b(overnight|midnight|early|dawn|daybreak|wee hours|small hours|before sunrise)\b",
                    re.IGNORECASE)


def late_in_day(quote: str | None) -> bool:
    return bool(quote and _LATE.search(quote))


def early_in_day(quote: str | None) -> bool:
    return bool(quote and _EARLY.search(quote))


def day_apart_ok(earlier: MatchKey, later: MatchKey) -> bool:
    """May reports dated a day apart tell one action? Only across the midnight between them: the
    earlier-dated side's words put it late in its day, or the later-dated side's early in its day
    (issue 10: an event with "early Tuesday" must not absorb Wednesday's report of a multi-day strike).
    A side whose date has no quote (hand-made mentions, imports) allows both."""
    return earlier.late or later.early


def match_key(obj: Event | EventMention) -> MatchKey:
    return MatchKey(obj)


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return _date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@lru_cache(maxsize=1 << 16)
def _norm_loc_cached(name: str | None) -> str | None:
    return normalize_locality(name)


@lru_cache(maxsize=1 << 16)
def _venue_tokens_cached(venue: str, locality: str | None, state: str | None) -> frozenset[str]:
    return venue_tokens(venue, locality, state)


@lru_cache(maxsize=1 << 16)
def _org_forms_cached(name: str) -> frozenset[str]:
    return frozenset(_org_forms(name))


@lru_cache(maxsize=1 << 16)
def _title_key_cached(t: str | None) -> str | None:
    return _title_key(t)


@lru_cache(maxsize=1 << 16)
def _claim_key(c: str) -> str:
    """A claim without case, punctuation and its leading "for"/"against" frame."""
    s = " ".join(re.findall(r"\w+", c.casefold()))
    return re.sub(r"^(for|against|in support of|in solidarity with|to protest|protesting)\s+", "", s)


@lru_cache(maxsize=1 << 16)
def _target_key(t: str) -> str:
    """A target without case, punctuation (dots of initials: "L.A." -> la) and a leading "the"."""
    return re.sub(r"^the\s+", "", " ".join(re.findall(r"\w+", t.casefold().replace(".", ""))))


@lru_cache(maxsize=1 << 16)
def targets_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sets of target keys (:func:`_target_key`) name one target, written out or not ("ICE" /
    "Immigration and Customs Enforcement", "LA Unified School District" / "Los Angeles Unified School
    District"): the same key, or one organization's name (:func:`same_org`)."""
    return bool(a & b) or any(same_org(x, y) for x in a for y in b)


def venue_names_locality(venue: str | None, loc: str | None) -> bool:
    """Does a venue's text name a (normalised) locality ("the ICE facility in Broadview" -> broadview)?"""
    return bool(venue and loc) and f" {loc} " in place_words(venue)


@lru_cache(maxsize=1 << 18)
def _orgs_overlap_cached(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return orgs_overlap(a, b)


@lru_cache(maxsize=1 << 18)
def _location_score_cached(a: str, b: str) -> float:
    return location_score(a, b)


def claims_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sets of claim keys (:func:`_claim_key`) share one, allowing close wording?"""
    if a & b:
        return True
    return any(fuzz.token_set_ratio(x, y) >= 85 for x in a for y in b)


#: Two crowd figures within this factor count for a match (the same order of magnitude).
SIZE_RATIO_AGREE = 3.0
#: Two sets of claims that share none count this much against a match.
CLAIMS_DISAGREE = 0.5
#: A block (locality, day +/- 1) with at least this many candidates is dense ...
DENSE_BLOCK = 8
#: ... where a thin mention (no specific venue, organizer or action name) needs this much more
#: score: e.g. agreeing sizes and claims, not the type alone.
DENSE_EXTRA = 1.0


#: Shared specifics that identify an action (issue 10): a merge needs at least one.
SPECIFICS = ("venue", "organizer", "title", "target", "size", "public figure")
#: Specifics that many actions of a day share (a crowd of hundreds, "ICE"): identity only with
#: more score (:data:`WEAK_ONLY` is taken off when they are the only shared specifics).
WEAK_SPECIFICS = frozenset({"size", "target"})
WEAK_ONLY = 0.5
#: A public figure both reports name as present (not as a target) counts this much.
NOTABLE_AGREE = 0.5
#: Targets shared by two reports count this much (a target alone is weak: many actions share one).
TARGET_AGREE = 0.25


def _no(parts: dict[str, Any] | None, reason: str, score: float | None = None) -> None:
    if parts is not None:
        parts["reject"] = reason
        if score is not None:
            parts["score"] = round(score, 3)
    return None


def score_keys(e: MatchKey, m: MatchKey, parts: dict[str, Any] | None = None) -> float | None:
    """:func:`match_score` on precomputed keys (the batch resolver calls this directly).

    ``parts``: when a dict is given, it receives each component's contribution, the shared
    specifics (``"shared"``), the total (``"score"``) and, when the pair cannot merge, the
    reason (``"reject"``) -- what ``protestdb show`` and the review queue display.
    """
    where = _place_and_date(e, m)
    if isinstance(where, str):
        return _no(parts, where)
    score, hier, undated = where
    if parts is not None:
        parts["place"] = "venue names the locality" if hier else "same locality"
        parts["date"] = score if not undated else ("one side undated" if e.day is None or m.day is None
                                                   else f"{score} (a day apart, one side's words name a plain day)")
    reason = _opposed(e, m)
    if reason:
        return _no(parts, reason)
    shared: list[str] = []
    score = _score_types(e.types, m.types, score, parts)
    if score is None:
        return _no(parts, "other types")
    score = _score_venue(e, m, hier, score, shared, parts)
    if score is None:
        return _no(parts, "other venues")
    score = _score_identity(e, m, score, shared, parts)
    score = _score_context(e, m, score, shared, parts)
    return _conclude(e, m, score, shared, undated, parts)


def _place_and_date(e: MatchKey, m: MatchKey) -> tuple[float, bool, bool] | str:
    """(date score, the place matched through a venue, a side undated), or why the pair cannot merge."""
    if e.state != m.state:
        return "another state"
    hier = False
    if e.loc != m.loc:
        # a venue in a suburb matches the suburb: one side's venue names the other's locality
        if not (venue_names_locality(e.location, m.loc) or venue_names_locality(m.location, e.loc)):
            return "another place"
        hier = True
    if e.day is None or m.day is None:
        if (e.has_date and e.day is None) or (m.has_date and m.day is None):
            return "malformed date"
        why = _period_apart(e, m)
        if why:
            return why
        if _words_name_day(e, m) or _words_name_day(m, e):
            return 1.0, hier, False  # the undated side's words name the other's day of the year
        why = _words_deny_day(e, m) or _words_deny_day(m, e)
        if why:
            return why
        # one side or both undated: nothing says the two are of one day, so only strong identity
        # evidence joins them (see _conclude); a named action recurs at the same place
        return 0.0, hier, True
    gap = abs(e.day - m.day)
    if gap > 1 or (gap == 1 and not (day_apart_ok(e, m) if e.day < m.day else day_apart_ok(m, e))):
        return "another day"  # a day apart only near midnight: else a daily protest's days chain
    if gap == 1 and (e.plain or m.plain):
        # "Friday night" beside a plain "Saturday": the evening before a big day often has its own
        # action at the same place (a torch march, a vigil), so only strong identity joins them
        return -0.5, hier, True
    return (1.0 if gap == 0 else -0.5), hier, False  # a day apart: needs a shared venue or organizers


def _period_words(obj: Event | EventMention) -> tuple[str, frozenset[str]]:
    """An undated report's period: its precision and its date words, lower-cased."""
    words = frozenset(re.sub(r"\s+", " ", ev.quote.lower().strip()) for ev in obj.evidence.get("date_precision", ()))
    return obj.date_precision, words


def _period_apart(e: MatchKey, m: MatchKey) -> str | None:
    """Why a report dated only by a period ("last week", "last month", "over the weekend") cannot join
    the other side (or None): the period's words are read against a page's publication day the key
    does not carry, so they never join a dated event; two period reports join only when told by the
    same words (then only with strong identity evidence, as for undated pairs)."""
    if e.period is None and m.period is None:
        return None
    if (e.period is not None and m.day is not None) or (m.period is not None and e.day is not None):
        return "a period names no day (a report dated by a week or a month joins no dated event)"
    if e.period is not None and m.period is not None and e.period != m.period:
        return "another period (the two reports' words name other weeks or months)"
    return None


def _words_name_day(undated: MatchKey, dated: MatchKey) -> bool:
    """Do an undated report's date words without a year ("Monday, June 9") name the other's day (and
    its weekday, when they name one: June 9 of another year is another day)?"""
    if undated.day is not None or dated.mmdd is None or dated.mmdd not in undated.words_days:
        return False
    return not undated.words_wd or _date.fromordinal(dated.day).weekday() in undated.words_wd  # type: ignore[arg-type]


def _words_deny_day(undated: MatchKey, other: MatchKey) -> str | None:
    """Why an undated report's date words rule out the other side's day (or None): a day of a year
    they name that is not the other's ("June 16" for June 9), or a weekday they name that is not its
    weekday ("on Friday" for a Saturday; "late Friday night" also allows Saturday, "early Saturday"
    Friday). Two undated reports naming only other weekdays differ too."""
    if undated.day is not None:
        return None
    if other.day is not None:
        if other.mmdd in undated.words_not:
            return "another day (the undated report's action runs since the day its words name)"
        if undated.words_days and other.mmdd not in undated.words_days:
            return "another day (the undated report's date words name another day of a year)"
        if undated.words_wd:
            wd = _date.fromordinal(other.day).weekday()
            ok = set(undated.words_wd)
            if undated.words_late:
                ok |= {(d + 1) % 7 for d in undated.words_wd}
            if undated.words_early:
                ok |= {(d - 1) % 7 for d in undated.words_wd}
            if wd not in ok:
                return "another weekday (the undated report names another day of the week)"
        return None
    if undated.words_days and other.words_days and not undated.words_days & other.words_days:
        return "another day (the two reports' date words name other days of a year)"
    if undated.words_wd and other.words_wd and not undated.words_wd & other.words_wd \
            and not (undated.words_late or undated.words_early or other.words_late or other.words_early):
        return "another weekday (the two reports name other days of the week)"
    return None


def _same_day(e: MatchKey, m: MatchKey) -> bool:
    """Both dated the same day, or one side's date words name the other's day."""
    return (e.day is not None and e.day == m.day) or _words_name_day(e, m) or _words_name_day(m, e)


def _opposed(e: MatchKey, m: MatchKey) -> str | None:
    """Why two same-place, same-day keys cannot be one event whatever else agrees (or None)."""
    et, mt = e.types, m.types
    if et and mt and ("counter-protest" in et) != ("counter-protest" in mt):
        return "counter-protest vs protest"
    if e.valence in (1, 2) and m.valence in (1, 2) and e.valence != m.valence:
        return "opposite sides"
    if e.loc is None and (e.country != m.country or not et & mt):
        return "no locality"
    return None


def _score_types(et: frozenset[str], mt: frozenset[str], score: float, parts: dict[str, Any] | None) -> float | None:
    """The types' part (None: types that cannot be one event)."""
    if not (et and mt):
        return score
    if et & mt:
        _part(parts, "types", 1.0)
        return score + 1.0
    if et <= UMBRELLA_TYPES or mt <= UMBRELLA_TYPES:
        _part(parts, "types", 0.0)  # "demonstration" for a rally, a strike or an occupation
        return score
    if any(frozenset((a, b)) in RELATED_TYPES for a in et for b in mt):
        _part(parts, "types", 0.0)  # a strike's picket line; a march that blocks a road
        return score
    if et <= SOFT_TYPES and mt <= SOFT_TYPES:
        _part(parts, "types", -1.0)
        return score - 1.0
    if et & SOFT_TYPES and mt & SOFT_TYPES and not (et - SOFT_TYPES and mt - SOFT_TYPES):
        # one outlet adds a kind the other does not contradict ("marched and blocked the bridge" /
        # "rallied"): the gatherings' words differ as a rally's and a march's do
        _part(parts, "types", -1.0)
        return score - 1.0
    return None


def _score_venue(
    e: MatchKey, m: MatchKey, hier: bool, score: float, shared: list[str], parts: dict[str, Any] | None
) -> float | None:
    """The venues' part (None: two venues that differ)."""
    if not (e.location and m.location):
        return score
    ev_t, mv_t = e.vtoks, m.vtoks
    if hier:  # the venue names the other side's locality: that word is the place, not the venue
        ev_t = ev_t - set(place_words(m.loc).split())
        mv_t = mv_t - set(place_words(e.loc).split())
    if ev_t and mv_t:  # both name something specific: share a word or differ
        if not ev_t & mv_t:
            return None
        shared.append("venue")
        _part(parts, "venue", 1.5)
        return score + 1.5
    if (not ev_t and place_parts(e.location, e.state)) or (not mv_t and place_parts(m.location, m.state)):
        # one side names only a neighbourhood or a town: a place (compatible, see _place_and_date),
        # neither a venue they share nor one that differs (issue 10: the place hierarchy)
        _part(parts, "venue", 0.0)
        return score
    heads = venue_heads(e.location, e.locality, e.state)
    if heads and heads == venue_heads(m.location, m.locality, m.state):
        # the same kind of place in generic words, said differently ("outside City Hall" / "City Hall
        # steps"; "the Capitol" / "the State Capitol"): the locality's one such place
        shared.append("venue")
        _part(parts, "venue", 1.5)
        return score + 1.5
    loc = _location_score_cached(e.location, m.location)
    if loc < 45:
        return None
    v = 1.5 if loc >= LOCATION_MIN_SCORE else 0.5 if loc >= 60 else -1.5
    _part(parts, "venue", v)
    if loc >= LOCATION_MIN_SCORE:
        shared.append("venue")
    return score + v


#: Organizers that share no member, when the two reports already share a specific venue on the same
#: day with the same kind of action (a rally and a march count as one) and cause: outlets name different groups of one coalition
#: gathering (or pick up a stray name), so the disagreement counts less.
ORGS_DISAGREE_AT_VENUE = 1.0


def _orgs_disagree(e: MatchKey, m: MatchKey, shared: list[str]) -> float:
    """How much organizers that share no member count against a match."""
    same_gathering = (
        "venue" in shared and _same_day(e, m)
        and bool(e.types & m.types or (e.types <= SOFT_TYPES and m.types <= SOFT_TYPES))  # a rally, then a march
        and not (e.issues and m.issues and not e.issues & m.issues)
    )
    return ORGS_DISAGREE_AT_VENUE if same_gathering else ORGS_DISAGREE


@lru_cache(maxsize=1 << 14)
def titles_meet(a: str, b: str) -> bool:
    """Do two action names (:func:`_title_key` keys) name one action? Equal, or one inside the other
    when the shorter has two words or more and the edition numbers agree ("day without immigrants" /
    "day without immigrants general"; "no kings" is not "no kings 2", "may day" is not "may day
    strong solidarity" ... unless it is the shorter with two words)."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 or {w for w in wa if w.isdigit()} != {w for w in wb if w.isdigit()}:
        return False
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _groups_vs(a: MatchKey, b: MatchKey) -> bool:
    """Does ``a`` name a group that can disagree with ``b``'s organizers: one that acts
    (:attr:`MatchKey.korgs`) and is not the action ``b`` names?"""
    if not a.korgs:
        return False
    if not b.title or not a.org_titles:
        return True
    return any(acts_as_organizer(o, a.locality, a.state, b.title) and acts_as_organizer(o, a.locality, a.state, a.title)
               for o in a.orgs)


def _title_as_org(a: MatchKey, b: MatchKey) -> bool:
    """Does ``a`` name an action that ``b`` (without a name of its own) writes as an organizer?"""
    return bool(a.title and not b.title and any(titles_meet(a.title, k) for k in b.org_titles))


def _score_identity(e: MatchKey, m: MatchKey, score: float, shared: list[str], parts: dict[str, Any] | None) -> float:
    """Organizers, the action's name and targets: the specifics that name one action."""
    if e.orgs and m.orgs:
        same = forms_meet(e.org_forms, m.org_forms) or _orgs_overlap_cached(e.orgs, m.orgs)
        # names that are buildings or places on one side: neither for nor against (counts_as_organizer)
        v = 1.5 if same else -_orgs_disagree(e, m, shared) if _groups_vs(e, m) and _groups_vs(m, e) else 0.0
        score += v
        _part(parts, "organizer", v)
        if same:
            shared.append("organizer")
    if e.title and m.title:
        same_title = titles_meet(e.title, m.title)
        score += 0.5 if same_title else -0.5
        _part(parts, "title", 0.5 if same_title else -0.5)
        if same_title:
            shared.append("title")
    elif _title_as_org(e, m) or _title_as_org(m, e):
        # one outlet names the action, another writes that name as its organizer: the same name
        score += 0.5
        _part(parts, "title", 0.5)
        shared.append("title")
    if e.targets and m.targets and targets_meet(e.targets, m.targets):
        score += TARGET_AGREE
        shared.append("target")
        _part(parts, "target", TARGET_AGREE)
    if (e.notables & m.notables) - e.targets - m.targets:
        # a public figure both name as present (a speaker, a march's head), not one they protest
        score += NOTABLE_AGREE
        shared.append("public figure")
        _part(parts, "public figure", NOTABLE_AGREE)
    return score


def _score_context(e: MatchKey, m: MatchKey, score: float, shared: list[str], parts: dict[str, Any] | None) -> float:
    """Issues, claims and crowd size."""
    if e.issues and m.issues:
        score += 0.25 if e.issues & m.issues else -0.5
        _part(parts, "issues", 0.25 if e.issues & m.issues else -0.5)
    if e.claims and m.claims:
        v = 0.5 if claims_agree(e.claims, m.claims) else -CLAIMS_DISAGREE
        score += v
        _part(parts, "claims", v)
    if e.size and m.size:
        ratio = max(e.size, m.size) / min(e.size, m.size)
        if ratio > SIZE_RATIO_MAX:  # organizers' and police figures differ, but rarely this much
            score -= 1.0
            _part(parts, "size", -1.0)
        elif ratio <= SIZE_RATIO_AGREE:
            score += 0.5
            shared.append("size")
            _part(parts, "size", 0.5)
    return score


#: Gathering types an outlet's umbrella word ("demonstration") may stand for.
GATHERING_TYPES = frozenset({"rally", "march"})
#: The umbrella word that may stand for a gathering (:func:`umbrella_for_gathering`): "demonstration"
#: only -- a bare "other" action (a press conference, a banner drop) is not the day's march.
UMBRELLA_GATHERING_WORD = frozenset({"demonstration"})
#: What an umbrella word against a gathering type counts when a report names nothing specific.
UMBRELLA_AGREE = 0.5


def umbrella_for_gathering(a: frozenset[str], b: frozenset[str]) -> bool:
    """Is one side's type only the umbrella word ("demonstration", :data:`UMBRELLA_GATHERING_WORD`) and
    the other's a gathering (a rally, a march: :data:`GATHERING_TYPES`)? A strike or a vigil told as a
    "demonstration" is not a gathering's other name, nor is an "other" action: they need a shared specific."""
    if not a or not b:
        return False
    return (a == UMBRELLA_GATHERING_WORD and bool(b & GATHERING_TYPES)) \
        or (b == UMBRELLA_GATHERING_WORD and bool(a & GATHERING_TYPES))


def _same_side(e: MatchKey, m: MatchKey) -> bool:
    """More than a shared topic: an issue ("palestine") is shared by both sides of it, so the two reports
    must also agree on what they ask (claims), whom they protest (a target), or their side (the same
    valence, left or right, set on both)."""
    if e.claims and m.claims and claims_agree(e.claims, m.claims):
        return True
    if e.targets and m.targets and targets_meet(e.targets, m.targets):
        return True
    return e.valence in (1, 2) and e.valence == m.valence


def umbrella_joins(e: MatchKey, m: MatchKey) -> bool:
    """Does the umbrella word tell the other side's gathering: one report's type is only "demonstration"
    and it names nothing specific (it is the thin one: a named group's "demonstration" is its own
    action), the other's is a rally or a march, and they share a cause (an issue other than "other") and
    its side (:func:`_same_side`)?"""
    if e.types & m.types or not umbrella_for_gathering(e.types, m.types):
        return False
    bare = e if e.types == UMBRELLA_GATHERING_WORD else m
    return bare.thin and bool(e.issues & m.issues - {"other"}) and _same_side(e, m)  # "other": no cause


def _conclude(
    e: MatchKey, m: MatchKey, score: float, shared: list[str], undated: bool, parts: dict[str, Any] | None
) -> float | None:
    """The total, less for weak-only identity; None without positive identity evidence."""
    if umbrella_joins(e, m):
        if set(shared) <= WEAK_SPECIFICS:
            # alone, or with a target or a crowd size many actions share, the umbrella word is no
            # identity: whether a second gathering of the cause that day was stored before this report
            # arrived would decide the join (order-dependent), so it adds nothing (review, in any order)
            if parts is not None:
                parts["umbrella"] = "the umbrella word without a specific that names one action: no identity"
        else:
            # "demonstrators" in one outlet, "marchers" in another, for the same cause and side, the
            # "demonstration" names nothing of its own, and a specific names one action (a public
            # figure both name): the umbrella word tells the same gathering
            score += UMBRELLA_AGREE
            _part(parts, "types", UMBRELLA_AGREE)
    if parts is not None:
        parts["shared"] = shared
        parts["score"] = round(score, 3)
    if shared and set(shared) <= WEAK_SPECIFICS:  # a crowd size or a target alone: many actions share one
        score -= WEAK_ONLY
        _part(parts, "weak identity", -WEAK_ONLY)
        if parts is not None:
            parts["score"] = round(score, 3)
    if not shared:  # positive identity evidence: place, date and a soft type are not enough (issue 10)
        # ... unless one side names nothing specific (a bare "a vigil in Uvalde on Saturday") and
        # the types agree exactly: then nothing can agree or differ, and the type is the identity
        # (a dense block asks more of such a report: pick_best)
        if not ((e.thin or m.thin) and e.types & m.types):
            return _no(parts, "no shared specific (venue, organizer, action name, target, size, public figure)", score)
        if parts is not None:
            parts["shared"] = ["type (a report naming nothing specific)"]
    if undated and not _strong(e, m, shared, parts, naming=e.day is None or m.day is None):
        why = "undated" if e.day is None or m.day is None else "a day apart"
        return _no(parts, f"{why}: needs two of the action's name, its organizer, its venue, its claim,"
                   " a public figure, the weekday (with the organizer or name)", score)
    return score


#: Shared specifics that name one action: an undated report needs two kinds (:func:`_strong`).
STRONG_KINDS = frozenset({"venue", "organizer", "title"})
#: A claim counts as a strong kind when the two reports share one of at least this many words.
STRONG_CLAIM_WORDS = 3


#: Shared specifics that say who acts or what the action is called: with them, the weekday an
#: undated report names (when it is the dated event's) is a kind of its own (:func:`_strong`).
WHO_KINDS = frozenset({"organizer", "title"})


def _weekday_named(undated: MatchKey, dated: MatchKey) -> bool:
    """Do an undated report's date words name the dated side's weekday exactly ("on Tuesday")?"""
    return undated.day is None and dated.day is not None and bool(undated.words_wd) \
        and _date.fromordinal(dated.day).weekday() in undated.words_wd


def _strong(e: MatchKey, m: MatchKey, shared: list[str], parts: dict[str, Any] | None = None,
            naming: bool = False) -> bool:
    """Identity evidence strong enough to place an undated report on a dated event (or join two
    undated ones): two kinds among the action's name, its organizer, a specific venue, the same
    claim in the same words (three words or more), a public figure both name, and -- with the
    organizer or the action's name -- the dated event's weekday named by the undated report's words.
    A venue or a name with a crowd size or a target is not enough: the same plaza hosts the next
    week's rally against the same target, and a named action recurs (seen on real pages); nor is a
    venue with its weekday (weekly protests at one facility). ``naming`` (an undated side): the
    organizer, its venue and the weekday are not enough either without the action's name, a public
    figure or the same claim -- one group's campaign returns to its venue on the same weekday,
    another year (issue 10: named action + place + organizer or venue)."""
    kinds = {s for s in shared if s in STRONG_KINDS}
    if any(len(c.split()) >= STRONG_CLAIM_WORDS for c in e.claims & m.claims):
        kinds.add("claim")
    if e.notables & m.notables:
        kinds.add("public figure")
    if kinds & WHO_KINDS and (_weekday_named(e, m) or _weekday_named(m, e)):
        kinds.add("weekday")  # "the union struck on Tuesday": who, and the day of the week the words name
    if NAMED_UNDATED_JOIN and naming and "title" not in kinds and kinds & PLACE_OR_WHO and _named_alike(e, m, parts):
        kinds.add("named action")  # both pages name the action; with its organizer or its venue (issue 10)
    if parts is not None:
        parts["strong"] = sorted(kinds)
    if naming and not kinds - {"venue", "organizer", "weekday"} and not _told_alike(e, m, kinds, shared, parts):
        return False  # an undated page: one group's campaign returns to its venue, another year
    return len(kinds) >= 2


#: Does an action's name found in both pages' texts count as identity evidence for an undated report
#: (:func:`_named_alike`)? Off (review C1/C2 of session 16): a page's text names many things that are
#: not the action -- an outlet's hashtag, a chant, an institution, another edition ("last year's X
#: march") -- so a join on it could be a false merge (issue 10). The narrow rule stays: the same
#: organizer and the same specific venue, crowds of one size class.
NAMED_UNDATED_JOIN = True

#: What a named action found in both pages' texts needs beside it (:func:`_named_alike`): the organizer
#: or the venue (issue 10: named action + place + organizer or venue).
PLACE_OR_WHO = frozenset({"organizer", "venue"})
#: Components that do not count against a named action's join (:func:`_named_alike`): claims and
#: issues as extraction words them differ between outlets; a soft type ("rallied" / "marched") is one
#: family of gathering.
_NOT_AGAINST_NAMED = frozenset({"claims", "issues", "types"})


def _named_alike(e: MatchKey, m: MatchKey, parts: dict[str, Any] | None) -> bool:
    """Do both pages name the same action (:attr:`MatchKey.pnames`, found in their texts by
    :func:`protestdb.resolve.names.text_action_names`, with the extracted names), exactly one side
    dated, with nothing against the pair: no component against it but claims, issues and a gathering's
    other word (a rally told as a march: a different type family is rejected before), crowds of one
    size class (within :data:`SIZE_RATIO_AGREE`), an undated page told once (:attr:`MatchKey.once`: no
    "again", "weekly") whose years, if it names any, include the dated side's year ("last year's march"
    is another edition)? ``decide`` refuses the join when another dated event of the place could take
    it (issue 10: an undated mention joins a dated event on strong identity evidence)."""
    if (e.day is None) == (m.day is None) or e.pnames is None or m.pnames is None:
        return False
    from protestdb.resolve.names import names_meet, names_overlap

    orgs = e.org_titles | m.org_titles  # a name that is an organizer's on either side is that evidence
    if not names_meet([n for n in e.pnames if not names_overlap((n,), orgs)], m.pnames):
        return False
    undated, dated = (e, m) if e.day is None else (m, e)
    got = parts if parts is not None else explain_components(e, m)
    if any(isinstance(v, (int, float)) and v < 0 for k, v in got.items()
           if k not in _NOT_COMPONENTS and k not in _NOT_AGAINST_NAMED):
        return False
    if e.size and m.size and max(e.size, m.size) / min(e.size, m.size) > SIZE_RATIO_AGREE:
        return False  # another size class: another gathering of the campaign
    if not undated.once:
        if parts is not None:
            parts["recurrence"] = "the undated report may tell a recurring action (its text: again, weekly, ...)"
        return False
    year = _date.fromordinal(dated.day).year  # type: ignore[arg-type]
    if undated.years and year not in undated.years:
        if parts is not None:
            parts["date cue"] = f"the undated page names other years ({', '.join(map(str, sorted(undated.years)))})"
        return False
    return True


def explain_components(e: MatchKey, m: MatchKey) -> dict[str, Any]:
    """:func:`explain` without the named-action step (its components only)."""
    pe, pm = e.pnames, m.pnames
    e.pnames = m.pnames = None
    try:
        return explain(e, m)
    finally:
        e.pnames, m.pnames = pe, pm


#: Components of :func:`score_keys` that are not evidence for or against (:func:`_told_alike`).
_NOT_COMPONENTS = frozenset({"score", "date", "place", "shared", "strong", "reject", "umbrella", "recurrence",
                             "date cue"})


def _told_alike(e: MatchKey, m: MatchKey, kinds: set[str], shared: list[str], parts: dict[str, Any] | None) -> bool:
    """Without the action's name: an undated report placed on a dated one (exactly one side dated)
    by the same organizer at the same specific venue, a crowd of the same order
    (:data:`SIZE_RATIO_AGREE`), and no component against the pair (types, claims, issues, a title,
    another group): three specifics of one action and nothing that tells two. Not when the undated
    side's text tells a recurring action, or was not read (:attr:`MatchKey.once`): the fifth straight
    week's picket fits the one stored week (review). One group's weekly protest at its venue that
    fits two stored days still joins neither (``decide``)."""
    if (e.day is None) == (m.day is None) or not ({"organizer", "venue"} <= kinds and "size" in shared):
        return False
    got = parts if parts is not None else explain(e, m)
    if any(isinstance(v, (int, float)) and v < 0 for k, v in got.items() if k not in _NOT_COMPONENTS):
        return False
    if not (e if e.day is None else m).once:
        if parts is not None:
            parts["recurrence"] = "the undated report may tell a recurring action (its text: again, weekly, ...)"
        return False
    return True


#: A recurring action's words (``recurrence`` of ``data/venue_words.json``), one pattern.
@lru_cache(maxsize=1)
def _recurrence_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(_venue_words("recurrence"), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def tells_recurrence(text: str) -> bool:
    """Does a page's text tell a recurring action ("again", "for the fifth straight week", "every
    Thursday", "weekly", "continued")? Then an undated report on it may be any of the actions."""
    return bool(_recurrence_re().search(text))


def _part(parts: dict[str, Any] | None, name: str, value: float) -> None:
    if parts is not None:
        parts[name] = value


def explain(e: MatchKey, m: MatchKey) -> dict[str, Any]:
    """Every component of :func:`score_keys` for one pair (and ``reject`` when it cannot merge)."""
    parts: dict[str, Any] = {}
    score_keys(e, m, parts)
    return parts


def match_score(event: Event, mention: EventMention) -> float | None:
    """How likely ``mention`` tells of ``event``: None when it cannot, else a score.

    Hard rules (None): locality, state and country differ; one date missing or the dates
    more than a day apart, or a day apart while both dates have their words as evidence
    and none places the action near midnight ("late Saturday night", "early Sunday":
    :func:`near_midnight`); a counter-protest against a non-counter-protest; opposite
    valence; specific types (vigil, walkout, strike ...) that do not overlap; venues that
    clearly differ. Evidence for (+) and against (-): same day, overlapping types, similar
    venues, shared organizations (acronyms and spellings), the same action name, issues,
    claims, sizes of the same order (or far apart). A match needs :data:`MATCH_THRESHOLD`
    (more for a thin mention in a dense block, see :func:`best_match`).
    """
    return score_keys(MatchKey(event), MatchKey(mention))


def matches(event: Event, mention: EventMention) -> bool:
    """True when ``mention`` tells of ``event`` (its :func:`match_score` reaches the threshold)."""
    s = match_score(event, mention)
    return s is not None and s >= MATCH_THRESHOLD


def pick_best(scores: Sequence[float | None], mkey: MatchKey, n_block: int | None = None) -> int | None:
    """Index of the winning candidate given every candidate's score in a block, or None.

    ``n_block``: how many candidates share the mention's place (locality, state; country
    when there is no locality) within the day window; default ``len(scores)``.

    The best score must reach :data:`MATCH_THRESHOLD` (plus :data:`DENSE_EXTRA` for a thin
    mention among :data:`DENSE_BLOCK` or more candidates) and beat the runner-up by
    :data:`AMBIGUITY_MARGIN`; ties go to the earliest candidate.
    """
    n = len(scores) if n_block is None else n_block
    need = MATCH_THRESHOLD + (DENSE_EXTRA if n >= DENSE_BLOCK and mkey.thin else 0.0)
    best = None
    best_score = second = -1e9
    for i, s in enumerate(scores):
        if s is None or s < MATCH_THRESHOLD:
            continue
        if s > best_score:
            best, best_score, second = i, s, best_score
        elif s > second:
            second = s
    if best is None or best_score < need or best_score - second < AMBIGUITY_MARGIN:
        return None  # a mention that fits two events equally well stays apart (review can merge)
    return best


def weak_among_several(e: MatchKey, m: MatchKey, n: int) -> bool:
    """Does the winning pair share only a target or a crowd size (:data:`WEAK_SPECIFICS`) while
    other events are at the place in the window (``n`` candidates), and their claims do not agree?
    Then the mention stays apart (review): many actions of a busy day share a target ("the
    governor") or a crowd of hundreds."""
    if n <= 1:
        return False
    parts: dict[str, Any] = {}
    score_keys(e, m, parts)
    shared = set(parts.get("shared") or ())
    agreeing_claims = isinstance(parts.get("claims"), (int, float)) and parts["claims"] > 0
    return bool(shared) and shared <= WEAK_SPECIFICS and not agreeing_claims


def best_match(candidates: Iterable[Event], mention: EventMention) -> Event | None:
    """The matching candidate with the highest score (ties: the earliest given); see :func:`pick_best`."""
    cands = list(candidates)
    mkey = MatchKey(mention)
    keys = [MatchKey(ev) for ev in cands]
    n = sum(1 for k in keys if k.loc == mkey.loc and k.state == mkey.state and (k.loc or k.country == mkey.country))
    i = pick_best([score_keys(k, mkey) for k in keys], mkey, n)
    if i is not None and weak_among_several(keys[i], mkey, n):
        return None
    return None if i is None else cands[i]


def _union(a: list[str], b: list[str]) -> list[str]:
    seen = {x.casefold() for x in a}
    out = list(a)
    for x in b:
        if x.casefold() not in seen:
            seen.add(x.casefold())
            out.append(x)
    return out



def _with_article(spans: list[Evidence], article_id: str | None) -> list[Evidence]:
    return [s if s.article_id or not article_id else s.model_copy(update={"article_id": article_id}) for s in spans]


def event_from_mention(mention: EventMention, event_id: str) -> Event:
    """A new event holding one mention's fields; evidence spans get the mention's article id."""
    data = mention.model_dump(exclude={"article_id", "index", "evidence"})
    ev = Event(id=event_id, **data)
    ev.evidence = {f: _with_article(spans, mention.article_id) for f, spans in mention.evidence.items() if spans}
    return ev


def _add_spans(event: Event, field: str, spans: list[Evidence]) -> None:
    for s in spans:
        event.add_evidence(field, s.start, s.end, s.quote, s.article_id)


def merge_into(event: Event, mention: EventMention) -> Event:
    """A copy of ``event`` with ``mention`` merged in (CCC rules).

    Lists are united; sizes keep every source's words (``size_text`` joined by "; "),
    the smallest low and the largest high; scalars keep the first non-null value. The
    mention's evidence is added for lists, sizes, and scalars whose kept value it shares.
    """
    ev = event.model_copy()  # lists and the evidence map are copied below; Evidence is frozen
    for f in LIST_FIELDS:
        setattr(ev, f, list(getattr(event, f)))
    ev.evidence = {f: list(spans) for f, spans in event.evidence.items()}
    ev.sources = list(event.sources)
    ev_spans = {f: _with_article(s, mention.article_id) for f, s in mention.evidence.items() if s}
    for f in LIST_FIELDS:
        setattr(ev, f, _union(getattr(ev, f), getattr(mention, f)))
        _add_spans(ev, f, ev_spans.get(f, []))
    _finer_location(ev, mention, ev_spans)
    _merge_scalars(ev, mention, ev_spans)
    if mention.date is not None:
        if ev.date is None:  # an undated report joined first: the event takes the dated source's date
            ev.date = mention.date
        _add_spans(ev, "date", ev_spans.get("date", []))
    _merge_sizes(ev, mention, ev_spans)
    _merge_flags(ev, mention, ev_spans)
    return ev


def _finer_location(ev: Event, mention: EventMention, ev_spans: dict[str, list[Evidence]]) -> None:
    """The place hierarchy in the record (issue 10): an event placed only at a neighbourhood or a part
    of town ("Center City") takes the specific venue a joining source names, the neighbourhood after
    it ("Tindall Plaza, Center City"), so the next report is compared with the venue, not the district."""
    old, new = ev.location, mention.location
    if not old or not new or ev.state is None:
        return
    if venue_tokens(old, ev.locality, ev.state) or not place_parts(old, ev.state):
        return  # the event names a venue already, or its location is not a place's part
    if not venue_tokens(new, mention.locality, mention.state):
        return
    ev.location = new if old.casefold() in new.casefold() else f"{new}, {old}"
    _add_spans(ev, "location", ev_spans.get("location", []))


def _merge_scalars(ev: Event, mention: EventMention, ev_spans: dict[str, list[Evidence]]) -> None:
    """Scalars keep the first non-null value (the date precision: the first known one)."""
    for f in SCALAR_FIELDS:
        mine, theirs = getattr(ev, f), getattr(mention, f)
        if f == "date_precision":
            if mine == "unknown" and theirs != "unknown":
                ev.date_precision = theirs
            continue
        if mine is None and theirs is not None:
            setattr(ev, f, theirs)
        if theirs is not None and getattr(ev, f) == theirs:
            _add_spans(ev, f, ev_spans.get(f, []))


def _merge_sizes(ev: Event, mention: EventMention, ev_spans: dict[str, list[Evidence]]) -> None:
    """Every source's size words; the smallest low, the largest high, their mean and category."""
    if mention.size_text:
        parts = [p.strip() for p in (ev.size_text or "").split(";") if p.strip()]
        if mention.size_text.strip().casefold() not in {p.casefold() for p in parts}:
            parts.append(mention.size_text.strip())
        ev.size_text = "; ".join(parts)
    lows = [x for x in (ev.size_low, mention.size_low) if x is not None]
    highs = [x for x in (ev.size_high, mention.size_high) if x is not None]
    ev.size_low = min(lows) if lows else None
    ev.size_high = max(highs) if highs else None
    if ev.size_low is not None and ev.size_high is not None:
        ev.size_mean = round((ev.size_low + ev.size_high) / 2, 1)
    elif ev.size_low is not None or ev.size_high is not None:
        ev.size_mean = float(ev.size_low if ev.size_low is not None else ev.size_high)  # type: ignore[arg-type]
    ev.size_cat = size_category(ev.size_low) or max(ev.size_cat, mention.size_cat)
    for f in SIZE_FIELDS:
        _add_spans(ev, f, ev_spans.get(f, []))


def _merge_flags(ev: Event, mention: EventMention, ev_spans: dict[str, list[Evidence]]) -> None:
    """It happened if any source reports it happened; online only if every source says so."""
    ev.announced_only = ev.announced_only and mention.announced_only
    ev.online = ev.online and mention.online
    for f in ("announced_only", "online"):
        if getattr(ev, f) and getattr(mention, f):
            _add_spans(ev, f, ev_spans.get(f, []))
    if not ev.announced_only:
        ev.evidence.pop("announced_only", None)
    if not ev.online:
        ev.evidence.pop("online", None)
