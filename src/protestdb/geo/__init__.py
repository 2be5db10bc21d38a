"""Offline geocoding: a compiled gazetteer index plus resolution with context.

>>> from protestdb.geo import geocode, state_code, find_places, geocode_query
>>> state_code("N.J.")
'NJ'
"""

from protestdb.geo.places import PlaceMention, find_places, text_country
from protestdb.geo.resolve import (
    GeoResult,
    capital_of,
    country_code,
    geocode,
    geocode_query,
    state_code,
)

__all__ = [
    "GeoResult",
    "PlaceMention",
    "capital_of",
    "country_code",
    "find_places",
    "geocode",
    "geocode_query",
    "state_code",
    "text_country",
]
