"""The 98 Danish municipalities: official code, official name, region and known variants.

One table (data/reference/municipalities.csv; source: Danmarks Statistik's classification of
municipalities and the official 3-digit municipality codes) through which every municipality
the run meets is recognised, in the visits as in a population table:

- by its official code where a file gives one: 461, '0461', '461 Odense' -> Odense;
- by its official name or a known variant (the table's `variants`: Nordfyn -> Nordfyns,
  Brønderslev-Dronninglund -> Brønderslev), and by any spelling that differs from one of them
  only by case, spacing, hyphens or punctuation, Aa for Å (Aabenraa/Åbenrå, Faaborg/Fåborg), Danish
  letters written without their marks (Sonderborg, Naestved) or a trailing 'Kommune'
  ('Nordfyns Kommune').

A name that is none of these is not guessed: `official` gives '' and the caller reports it.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import pandas as pd

from analysis.base import config

TABLE = config.REFERENCE_DIR / "municipalities.csv"
CODE, NAME, REGION, VARIANTS = "code", "municipality", "region", "variants"
_CODE = re.compile(r"^\s*0*(\d{3})(?:\D.*)?$")  # '461', '0461', '461 Odense', '0461 - Odense'
_SUFFIX = re.compile(r"\s*(regions)?kommune\s*$")


def key(name: object) -> str:
    """A municipality name reduced to what tells municipalities apart: case-folded, a trailing
    'Kommune' dropped, Aa read as Å, then æ, ø and å as ae, o and a, and only letters kept.
    'Aabenraa', 'Åbenrå' and 'aabenraa kommune' share a key."""
    text = _SUFFIX.sub("", unicodedata.normalize("NFC", str(name)).casefold().strip())
    text = text.replace("aa", "å").replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("oe", "o")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """The reference table: code (int), municipality (official name), region, variants (list)."""
    df = pd.read_csv(TABLE, comment="#", dtype=str, keep_default_na=False)
    df[CODE] = df[CODE].astype(int)
    df[VARIANTS] = df[VARIANTS].map(lambda v: [x.strip() for x in v.split("|") if x.strip()])
    return df


@functools.lru_cache(maxsize=1)
def _lookup() -> tuple[dict[int, str], dict[str, str]]:
    df = table()
    by_code = dict(zip(df[CODE], df[NAME]))
    by_key: dict[str, str] = {}
    for name, variants in zip(df[NAME], df[VARIANTS]):
        for spelling in (name, *variants):
            k = key(spelling)
            if by_key.get(k, name) != name:
                raise ValueError(f"{TABLE.name}: '{spelling}' reads as both {by_key[k]} and {name}")
            by_key[k] = name
    return by_code, by_key


def official(value: object) -> str:
    """The official name of the municipality `value` names (by code, official name or variant,
    see the module's docstring); '' when it names none of the 98."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    by_code, by_key = _lookup()
    text = str(value).strip()
    code = _CODE.match(text)
    if code:
        return by_code.get(int(code.group(1)), "")
    return by_key.get(key(text), "") if text else ""


def code_of(name: object) -> int | None:
    """The official code of the municipality `name` names, or None."""
    found = official(name)
    return dict(zip(table()[NAME], table()[CODE]))[found] if found else None
