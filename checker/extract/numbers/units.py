"""Units of measure and time: the names written after a number, and conversions between them.

A unit is a short code (``km``, ``mi``, ``C``, ``year``). :func:`to_canonical` converts a
value to the canonical unit of its dimension (miles to km, feet to metres, Fahrenheit to
Celsius), so that ``35 km (22 miles)`` and ``-7 C (19 F)`` can be compared.
"""

from __future__ import annotations


from checker.models import QuantityKind, Value
from checker.units import CONVERSIONS, to_canonical  # noqa: F401  (re-exported)

MEASURE = QuantityKind.measure
DURATION = QuantityKind.duration

# Unit phrases after a number -> (unit code, kind). Lower-case; hyphens in the text are
# skipped when matching, so "square - foot" and "square-foot" both match "square foot".
UNIT_PHRASES: dict[str, tuple[str, QuantityKind]] = {
    # length
    "km": ("km", MEASURE), "kms": ("km", MEASURE), "kilometre": ("km", MEASURE),
    "kilometres": ("km", MEASURE), "kilometer": ("km", MEASURE), "kilometers": ("km", MEASURE),
    "metre": ("m", MEASURE), "metres": ("m", MEASURE), "meter": ("m", MEASURE),
    "meters": ("m", MEASURE), "cm": ("cm", MEASURE), "centimetre": ("cm", MEASURE),
    "centimetres": ("cm", MEASURE), "centimeter": ("cm", MEASURE), "centimeters": ("cm", MEASURE),
    "mm": ("mm", MEASURE), "millimetre": ("mm", MEASURE), "millimetres": ("mm", MEASURE),
    "millimeter": ("mm", MEASURE), "millimeters": ("mm", MEASURE),
    "mile": ("mi", MEASURE), "miles": ("mi", MEASURE), "mi": ("mi", MEASURE),
    "nautical mile": ("nmi", MEASURE), "nautical miles": ("nmi", MEASURE),
    "foot": ("ft", MEASURE), "feet": ("ft", MEASURE), "ft": ("ft", MEASURE),
    "inch": ("in", MEASURE), "inches": ("in", MEASURE), "yard": ("yd", MEASURE),
    "yards": ("yd", MEASURE),
    # area
    "square kilometre": ("km2", MEASURE), "square kilometres": ("km2", MEASURE),
    "square kilometer": ("km2", MEASURE), "square kilometers": ("km2", MEASURE),
    "square km": ("km2", MEASURE), "sq km": ("km2", MEASURE), "sq . km": ("km2", MEASURE),
    "km2": ("km2", MEASURE), "km²": ("km2", MEASURE), "sqkm": ("km2", MEASURE),
    "square metre": ("m2", MEASURE), "square metres": ("m2", MEASURE),
    "square meter": ("m2", MEASURE), "square meters": ("m2", MEASURE), "sq m": ("m2", MEASURE),
    "m2": ("m2", MEASURE), "m²": ("m2", MEASURE),
    "square mile": ("mi2", MEASURE), "square miles": ("mi2", MEASURE), "sq mi": ("mi2", MEASURE),
    "square foot": ("ft2", MEASURE), "square feet": ("ft2", MEASURE), "sq ft": ("ft2", MEASURE),
    "sq . ft": ("ft2", MEASURE), "sq feet": ("ft2", MEASURE), "ft2": ("ft2", MEASURE),
    "hectare": ("ha", MEASURE), "hectares": ("ha", MEASURE), "ha": ("ha", MEASURE),
    "acre": ("acre", MEASURE), "acres": ("acre", MEASURE),
    # mass
    "kg": ("kg", MEASURE), "kgs": ("kg", MEASURE), "kilogram": ("kg", MEASURE),
    "kilograms": ("kg", MEASURE), "kilo": ("kg", MEASURE), "kilos": ("kg", MEASURE),
    "gram": ("g", MEASURE), "grams": ("g", MEASURE), "tonne": ("t", MEASURE),
    "tonnes": ("t", MEASURE), "ton": ("t", MEASURE), "tons": ("t", MEASURE),
    "metric ton": ("t", MEASURE), "metric tons": ("t", MEASURE), "lb": ("lb", MEASURE),
    "lbs": ("lb", MEASURE), "ounce": ("oz", MEASURE), "ounces": ("oz", MEASURE),
    "oz": ("oz", MEASURE),
    # volume
    "litre": ("l", MEASURE), "litres": ("l", MEASURE), "liter": ("l", MEASURE),
    "liters": ("l", MEASURE), "ml": ("ml", MEASURE), "millilitre": ("ml", MEASURE),
    "millilitres": ("ml", MEASURE), "milliliter": ("ml", MEASURE), "milliliters": ("ml", MEASURE),
    "gallon": ("gal", MEASURE), "gallons": ("gal", MEASURE), "barrel": ("bbl", MEASURE),
    "barrels": ("bbl", MEASURE),
    # speed
    "km / h": ("km/h", MEASURE), "km / hr": ("km/h", MEASURE), "kph": ("km/h", MEASURE),
    "kmh": ("km/h", MEASURE), "km per hour": ("km/h", MEASURE),
    "kilometres per hour": ("km/h", MEASURE), "kilometers per hour": ("km/h", MEASURE),
    "kilometres an hour": ("km/h", MEASURE), "kilometers an hour": ("km/h", MEASURE),
    "mph": ("mph", MEASURE), "miles per hour": ("mph", MEASURE), "miles an hour": ("mph", MEASURE),
    "mile per hour": ("mph", MEASURE), "mile an hour": ("mph", MEASURE),
    "knots": ("kn", MEASURE), "knot": ("kn", MEASURE),
    # temperature
    "degrees celsius": ("C", MEASURE), "degree celsius": ("C", MEASURE),
    "deg celsius": ("C", MEASURE), "degrees centigrade": ("C", MEASURE),
    "degrees c": ("C", MEASURE), "degree c": ("C", MEASURE), "deg c": ("C", MEASURE),
    "° c": ("C", MEASURE), "º c": ("C", MEASURE), "celsius": ("C", MEASURE),
    "celcius": ("C", MEASURE), "centigrade": ("C", MEASURE), "centigrate": ("C", MEASURE),
    "degrees fahrenheit": ("F", MEASURE), "degree fahrenheit": ("F", MEASURE),
    "deg fahrenheit": ("F", MEASURE), "degrees farenheit": ("F", MEASURE),
    "degree farenheit": ("F", MEASURE), "degrees f": ("F", MEASURE), "degree f": ("F", MEASURE),
    "deg f": ("F", MEASURE), "° f": ("F", MEASURE), "º f": ("F", MEASURE),
    "fahrenheit": ("F", MEASURE), "farenheit": ("F", MEASURE),
    "degrees": ("degree", MEASURE), "degree": ("degree", MEASURE), "deg .": ("degree", MEASURE),
    "deg": ("degree", MEASURE), "°": ("degree", MEASURE), "º": ("degree", MEASURE),
    # earthquakes
    "magnitude": ("magnitude", MEASURE), "on the richter scale": ("magnitude", MEASURE),
    "richter": ("magnitude", MEASURE),
    # power and energy
    "mw": ("MW", MEASURE), "megawatt": ("MW", MEASURE), "megawatts": ("MW", MEASURE),
    "gw": ("GW", MEASURE), "gigawatt": ("GW", MEASURE), "gigawatts": ("GW", MEASURE),
    "kw": ("kW", MEASURE), "kilowatt": ("kW", MEASURE), "kilowatts": ("kW", MEASURE),
    "kwh": ("kWh", MEASURE),
    # durations
    "year": ("year", DURATION), "years": ("year", DURATION), "yr": ("year", DURATION),
    "yrs": ("year", DURATION), "month": ("month", DURATION), "months": ("month", DURATION),
    "week": ("week", DURATION), "weeks": ("week", DURATION), "day": ("day", DURATION),
    "days": ("day", DURATION), "hour": ("hour", DURATION), "hours": ("hour", DURATION),
    "hr": ("hour", DURATION), "hrs": ("hour", DURATION), "h": ("hour", DURATION), "minute": ("minute", DURATION),
    "minutes": ("minute", DURATION), "min": ("minute", DURATION), "mins": ("minute", DURATION),
    "second": ("second", DURATION), "seconds": ("second", DURATION), "sec": ("second", DURATION),
    "secs": ("second", DURATION), "decade": ("decade", DURATION), "decades": ("decade", DURATION),
    "century": ("century", DURATION), "centuries": ("century", DURATION),
    "fortnight": ("fortnight", DURATION), "fortnights": ("fortnight", DURATION),
    # ages: a duration in years, months... ("38-year-old", "87 yo", "three months of age")
    "year old": ("year", DURATION), "years old": ("year", DURATION),
    "years of age": ("year", DURATION), "year of age": ("year", DURATION),
    "yo": ("year", DURATION), "y . o .": ("year", DURATION), "month old": ("month", DURATION),
    "months old": ("month", DURATION), "months of age": ("month", DURATION),
    "week old": ("week", DURATION), "weeks old": ("week", DURATION),
    "weeks of age": ("week", DURATION), "day old": ("day", DURATION),
    "days old": ("day", DURATION), "days of age": ("day", DURATION),
}
# Phrases above that state an age; "over" before them still means "more than".
AGE_PHRASES = {phrase for phrase in UNIT_PHRASES if phrase.endswith((" old", " of age")) or phrase in {"yo", "y . o ."}}

