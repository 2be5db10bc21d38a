"""Resolution of ambiguous place names with context (protestdb.geo.geocode)."""

from __future__ import annotations

import pytest

from protestdb.geo import country_code, geocode, geocode_query, state_code


@pytest.mark.parametrize(
    ("text", "code"),
    [("N.J.", "NJ"), ("New Jersey", "NJ"), ("Calif.", "CA"), ("Texas", "TX"), ("Ill.", "IL"), ("Mass.", "MA"),
     ("Pa.", "PA"), ("D.C.", "DC"), ("NY", "NY"), ("Washington state", "WA"), ("Foo", None), ("in", None), ("", None)],
)
def test_state_code(text, code):
    assert state_code(text) == code


def test_country_code():
    assert country_code("France") == "FR"
    assert country_code("United States") == "US"
    assert country_code("Narnia") is None


def _where(*args, **kw):
    r = geocode(*args, **kw)
    assert r is not None
    return r.locality, r.state


def test_elizabeth_with_and_without_context():
    assert _where("Elizabeth", context_states=["NJ"]) == ("Elizabeth", "NJ")
    assert _where("Elizabeth") == ("Elizabeth", "NJ")  # the most populous
    assert _where("Elizabeth", "WV") == ("Elizabeth", "WV")
    assert _where("Elizabeth", context_states=["CO"]) == ("Elizabeth", "CO")


@pytest.mark.parametrize("st", ["IL", "MA", "MO"])
def test_springfield_by_context(st):
    assert _where("Springfield", context_states=[st]) == ("Springfield", st)
    assert _where("Springfield", dateline_state=st) == ("Springfield", st)


def test_portland_columbus_kansas_city():
    assert _where("Portland") == ("Portland", "OR")
    assert _where("Portland", context_states=["ME"]) == ("Portland", "ME")
    assert _where("Columbus") == ("Columbus", "OH")
    assert _where("Columbus", context_states=["GA"]) == ("Columbus", "GA")
    assert _where("Kansas City") == ("Kansas City", "MO")
    assert _where("Kansas City", "KS") == ("Kansas City", "KS")
    assert _where("Kansas City", context_states=["KS"]) == ("Kansas City", "KS")


def test_washington_dc_vs_state():
    dc = geocode("Washington", "DC")
    assert dc.locality == "Washington" and dc.state == "DC" and dc.fips_code == "11001"
    assert geocode("Washington").state == "DC"
    wa = geocode("Washington state")
    assert wa.state == "WA" and wa.geo_precision == "state" and wa.locality is None
    assert geocode_query("Washington, D.C.")["state"] == "DC"


def test_neighborhood_and_boroughs_resolve_to_city():
    r = geocode("Boyle Heights")
    assert (r.locality, r.state, r.location) == ("Los Angeles", "CA", "Boyle Heights")
    assert 33.9 < r.lat < 34.2 and r.geo_precision == "locality"
    for borough in ("Brooklyn", "Queens", "Manhattan", "The Bronx", "Staten Island"):
        r = geocode(borough, "NY")
        assert (r.locality, r.state, r.location) == ("New York", "NY", borough)
    assert geocode("Brooklyn").locality == "New York"  # without a state, the borough
    assert geocode("Brooklyn", "OH").locality == "Brooklyn"  # a real Ohio city stays itself


def test_county_and_fips():
    r = geocode("Elizabeth", "NJ")
    assert (r.county, r.fips_code) == ("Union County", "34039")
    r = geocode("Baltimore", "MD")  # independent city, not Baltimore County
    assert r.fips_code == "24510"
    assert geocode("Brooklyn", "NY").fips_code == "36047"


def test_abbreviations_and_suffixes():
    assert _where("St. Paul", "MN")[1] == "MN"
    assert geocode("Ft. Lauderdale", "FL").locality == "Fort Lauderdale"
    assert geocode("City of Boston", "MA").locality == "Boston"
    assert geocode("Mt. Vernon", "NY").locality == "Mount Vernon"


def test_foreign_cities():
    r = geocode("Paris", country="FR")
    assert r.country == "FR" and r.state is None and 48 < r.lat < 49
    assert geocode("Paris", country=None).country == "FR"
    assert geocode("Paris").state == "TX"  # country defaults to US
    q = geocode_query("Paris, France")
    assert q["country"] == "FR" and q["locality"] == "Paris"
    assert geocode("Munich", country="DE").locality == "Munich"


def test_nationwide_and_statewide_are_not_cities():
    r = geocode(None)
    assert r.geo_precision == "country" and r.country == "US" and r.locality is None
    assert geocode("nationwide").geo_precision == "country"
    r = geocode(None, "CA")
    assert r.geo_precision == "state" and r.state == "CA" and r.locality is None
    r = geocode("statewide", "NJ")
    assert r.geo_precision == "state" and r.state == "NJ"
    assert geocode("New Jersey").geo_precision == "state"
    assert geocode("New York").locality == "New York"  # the city, as news and CCC use it


def test_unknown_locality_in_known_state_is_state_precision():
    r = geocode("Zzyzxqv Township", "PA")
    assert r.geo_precision == "state" and r.state == "PA"


def test_venues():
    r = geocode("Los Angeles", "CA", venue="Mariachi Plaza")
    assert r.geo_precision == "venue" and r.locality == "Los Angeles"
    assert "Mariachi Plaza" in r.location and "Boyle Heights" in r.location
    r = geocode(None, venue="USC")
    assert (r.locality, r.state, r.geo_precision) == ("Los Angeles", "CA", "venue")
    r = geocode("Newark", "NJ", venue="Delaney Hall")
    assert r.locality == "Newark" and r.geo_precision == "venue"
    r = geocode(None, venue="Elizabeth Detention Center")
    assert (r.locality, r.state) == ("Elizabeth", "NJ")
    r = geocode("New York", "NY", venue="26 Federal Plaza")
    assert r.locality == "New York" and r.geo_precision == "venue"


def test_geocode_query_shapes():
    q = geocode_query("Elizabeth, NJ")
    assert set(q) >= {"query", "locality", "state", "country", "county", "fips_code", "lat", "lon",
                      "geo_precision", "location"}
    assert (q["locality"], q["state"], q["fips_code"]) == ("Elizabeth", "NJ", "34039")
    q = geocode_query("Boyle Heights, Los Angeles, CA")
    assert (q["locality"], q["location"]) == ("Los Angeles", "Boyle Heights")
    q = geocode_query("Mariachi Plaza, Los Angeles, CA")
    assert q["geo_precision"] == "venue"
    assert geocode_query("Texas")["geo_precision"] == "state"


def test_bare_washington_is_dc_even_with_other_states_in_context():
    assert _where("Washington", context_states=["NJ", "CA"]) == ("Washington", "DC")
    assert _where("Washington", dateline_state="NJ")[1] == "NJ"  # a dateline decides


def test_a_curated_venues_town_is_a_locality_not_a_neighbourhood_of_the_big_city():
    """The venue list places the ICE processing center in Broadview, IL: the gazetteer must not fold
    that suburb into Chicago (the neighbourhood heuristic), else reports of the facility are placed in
    the metro and never meet the reports that name the suburb (issue 10)."""
    r = geocode("Broadview", "IL")
    assert r is not None and r.locality == "Broadview" and r.state == "IL"
    v = geocode(None, "IL", venue="Broadview processing center")
    assert v is not None and v.locality == "Broadview"
    # look-alike: a true neighbourhood near a big city still resolves to the city
    n = geocode("Boyle Heights", "CA")
    assert n is not None and n.locality == "Los Angeles" and "Boyle Heights" in (n.location or "")
