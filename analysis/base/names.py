"""Unit names are checked, never guessed: a rare name that is a slip of a common one is refused.

A hospital or specialty name that is rare in the file and differs from a common name only by
case, accents, spacing or punctuation, two neighbouring letters swapped, or one letter missing
or extra, is almost certainly a typing slip ("Regionshopsitalet Horsens" on 2 rows beside
"Regionshospitalet Horsens" on 2,000). Left alone it would become a unit of its own with its
own share of a savings key. It is refused with "did you mean", never silently corrected.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from difflib import SequenceMatcher

import pandas as pd

RARE_SHARE = 0.01  # a name on under 1% of the column's rows or of its visits is rare...
COMMON_FACTOR = 10  # ...next to a name with at least 10 times its visits
MIN_LETTERS = 6  # a letter slip is only assumed in names this long (short codes differ by a letter)


def letters(name: str) -> str:
    """The name's letters and digits only: case-folded, accents removed, no spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(name).casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def is_slip(a: str, b: str) -> bool:
    """Whether `a` and `b` differ only by case, accents, spacing or punctuation, a swap of two
    neighbouring letters, or one missing or extra letter.

    Deliberately narrow: a general similarity score (difflib's ratio, rapidfuzz's) rates real,
    distinct units as close as typos ('Regionshospitalet Randers'/'Horsens' score 0.8,
    'Neurologi'/'Nefrologi' 0.89, 'Hospitalsenhed Midt'/'Vest' 0.79), so any cut-off refuses
    real units or lets slips through. difflib (standard library, no new dependency) is used
    only to align the two names; the kinds of edit accepted are listed here.
    """
    ka, kb = letters(a), letters(b)
    if ka == kb:
        return a != b
    if min(len(ka), len(kb)) < MIN_LETTERS:
        return False
    edits = [op for op in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(edits) == 1:  # one letter missing or extra
        tag, i1, i2, j1, j2 = edits[0]
        return tag in ("insert", "delete") and (i2 - i1) + (j2 - j1) == 1
    if len(ka) == len(kb):  # two neighbouring letters swapped
        diff = [i for i, (x, y) in enumerate(zip(ka, kb)) if x != y]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and ka[diff[0]] == kb[diff[1]] and ka[diff[1]] == kb[diff[0]]
    return False


def near_duplicates(counts: pd.DataFrame, declared: set[str] = frozenset()) -> pd.DataFrame:
    """Rare names that are slips of a common one.

    counts: one row per name with columns `name`, `rows` and `visits`. declared: names (as
    schema.norm_key) that the user's mapping file names, which are never flagged.
    Returns name, rows, visits, common (the name meant), common_rows, common_visits.
    """
    from analysis.base.schema import norm_key

    out = []
    total_rows, total_visits = counts["rows"].sum(), counts["visits"].sum()
    if total_rows == 0:
        return pd.DataFrame(columns=["name", "rows", "visits", "common", "common_rows", "common_visits"])
    by_size = counts.sort_values(["visits", "rows"], ascending=False)
    for r in counts.itertuples(index=False):
        if norm_key(r.name) in declared:
            continue
        if r.rows >= RARE_SHARE * total_rows and (not total_visits or r.visits >= RARE_SHARE * total_visits):
            continue
        for c in by_size.itertuples(index=False):
            if c.name == r.name or c.visits < COMMON_FACTOR * max(r.visits, 1) or c.rows <= r.rows:
                continue
            if is_slip(r.name, c.name):
                out.append({"name": r.name, "rows": int(r.rows), "visits": float(r.visits), "common": c.name,
                            "common_rows": int(c.rows), "common_visits": float(c.visits)})
                break
    return pd.DataFrame(out, columns=["name", "rows", "visits", "common", "common_rows", "common_visits"])


# --- a name in a reference file against the names in the data ---------------------------------
SUGGEST_CUTOFF = 0.75  # difflib's ratio (on the names' letters) for a "did you mean" that is only a hint


def after_colon(name: str) -> str:
    """The part of a name after its last colon ('Intern medicin: kardiologi' -> 'kardiologi');
    the whole name where it has none."""
    return str(name).rsplit(":", 1)[-1]


def is_variant(a: str, b: str) -> bool:
    """Whether `a` and `b` are the same name written differently: a slip (is_slip: case, accents,
    spacing, punctuation, one letter), or one is the other without the heading before a colon,
    as the Danish specialty names carry it ('Kardiologi' / 'Intern medicin: kardiologi').

    Narrow on purpose, like is_slip: 'Kirurgi' is not a variant of 'Ortopædisk kirurgi', nor
    'Nefrologi' of 'Neurologi'; such pairs are only suggested (closest), never assumed."""
    a, b = str(a), str(b)
    if a == b:
        return False
    if is_slip(a, b):
        return True
    ka, kb = letters(after_colon(a)), letters(after_colon(b))
    return (":" in a or ":" in b) and len(ka) >= MIN_LETTERS and (ka == kb or is_slip(ka, kb))


def closest(name: str, candidates: list[str] | set[str], cutoff: float = SUGGEST_CUTOFF) -> str:
    """The candidate `name` most likely means: a variant (is_variant) first, else the most similar
    by difflib's ratio on the letters when it reaches `cutoff`; '' when none is close."""
    ordered = sorted(map(str, candidates))
    for c in ordered:
        if is_variant(name, c):
            return c
    by_letters: dict[str, str] = {}
    for c in ordered:
        by_letters.setdefault(letters(after_colon(c)), c)
    mine = letters(after_colon(name))
    best = difflib.get_close_matches(mine, list(by_letters), n=1, cutoff=cutoff)
    # names that share a long ending ('-ologi') look alike to the ratio: a hint must also be a few
    # keystrokes away (Nefrologi for Neurologi, 1; not Urologi for Neurologi, 2, or Dermatologi
    # for Hæmatologi, 3)
    if not best or edits(mine, best[0]) > max(1, len(best[0]) // 8):
        return ""
    return by_letters[best[0]]


def edits(a: str, b: str) -> int:
    """The fewest single-letter insertions, deletions, substitutions and swaps of two neighbours
    that turn `a` into `b` (optimal string alignment distance). By hand: the standard library's
    difflib gives a similarity ratio, not a count of keystrokes, and this is a dozen lines."""
    before, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


SLUG_LIMIT = 60  # a file name stays far below the 255 bytes file systems allow


def slug(text: str) -> str:
    """A file-name part from a value such as a hospital name (ASCII letters, digits, '-'), at most
    SLUG_LIMIT characters: a longer one is cut and ends in a short hash of the whole value."""
    ascii_ = unicodedata.normalize("NFKD", str(text).replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                                   .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa"))
    out = re.sub(r"[^A-Za-z0-9]+", "-", ascii_.encode("ascii", "ignore").decode()).strip("-").lower() or "x"
    if len(out) > SLUG_LIMIT:
        out = out[:SLUG_LIMIT - 7].rstrip("-") + "-" + hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:6]
    return out
