"""What a message may show of a value: a URL's password masked and a CPR number cut to its date.

Every message the project builds for a user (an input problem, a configuration error, a note or
a failure printed by the command line), the manifest and a report's provenance footer pass
through here, so neither a password nor a CPR-shaped number reaches them, whatever the value
that carried it:

- a password in a URL, `scheme://user:PASSWORD@host/...`: everything between `://user:` and the
  last `@` before the host is masked, whatever characters the password holds (`#`, `?`, `/`,
  `@`, ...). A URL with such characters is malformed, and a URL parser reads it wrongly (it takes
  `#` for the start of a fragment and never sees the host), so the URL is not parsed here.
  A password in the query string (`?password=...`, also `passwd`, `pwd`, `pass`) is masked too.
- a CPR number (Danish personal identity number, DDMMYY-XXXX or DDMMYYXXXX): shown as
  `DDMMYY-****`, the form the data-quality checks use.

`mask_url` reads a whole value (e.g. a run configuration's `source`) as one URL: the password
runs to its last `@`, spaces included. `redact` reads free text, where a URL ends at white
space: a message should quote a value through mask_url first, and redact catches the rest.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

MASK = "****"
# a CPR number not run into other digits: day 01-31, month 01-12, year, an optional dash (or space,
# dot or slash), 4 digits
CPR_IN_TEXT = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s./]?\d{4}(?!\d)")
# scheme://user: -- the scheme of two characters or more (so that C:/ is a drive, not a URL), the
# slashes as written, as a file path normalises them (postgresql:/user:...) or left out
# (postgresql:user:secret@host, masked only with an '@' after it), a user without ':', '/', '@' or
# white space (possibly empty)
_USER = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]+:(/*)[^\s:/@]*:")
_PORT = re.compile(r"\d*(?:/|$)")  # host:PORT/... -- a colon without a password after it
_QUERY_KEY = re.compile(r"(?<![A-Za-z0-9_%])([A-Za-z0-9_%]+)=")  # any key=; a password's key is
PASSWORD_KEYS = {"password", "passwd", "pwd", "pass"}  # ... one of these, also percent-encoded (pass%77ord)
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'?")  # libpq's key='value' form


def _mask_passwords(text: str, whole: bool) -> str:
    """`text` with every URL password masked; `whole`: `text` is one value, so a password may hold
    white space and runs to the value's last '@' (else to the last '@' before white space)."""
    out, at = [], 0
    for m in _USER.finditer(text):
        if m.start() < at:
            continue
        end = len(text) if whole else _space(text, m.end())
        rest = text[m.end():end]
        last = rest.rfind("@")
        if last >= 0:
            out += [text[at:m.end()], MASK]
            at = m.end() + last
        elif m.group(1) and not _PORT.match(rest):  # user:secret with no host after it: still a secret
            out += [text[at:m.end()], MASK]
            at = end
    out.append(text[at:])
    return _mask_query("".join(out), whole)


def _space(text: str, start: int) -> int:
    found = re.compile(r"\s").search(text, start)
    return found.start() if found else len(text)


def _mask_query(text: str, whole: bool) -> str:
    out, at = [], 0
    for m in _QUERY_KEY.finditer(text):
        if m.start() < at or unquote(m.group(1)).lower() not in PASSWORD_KEYS:
            continue
        quoted = _QUOTED.match(text, m.end())
        if quoted:
            end = quoted.end()
        else:
            stop = re.compile(r"[&]" if whole else r"[&\s]").search(text, m.end())
            end = stop.start() if stop else len(text)
        out += [text[at:m.end()], MASK]
        at = end
    out.append(text[at:])
    return "".join(out)


def mask_url(value: str) -> str:
    """`value`, one URL or path as given (e.g. a run configuration's source), with its password
    masked: `postgresql://user:****@host/db`. Anything else is returned as is."""
    return _mask_passwords(str(value), whole=True)


def has_password(value: str) -> bool:
    """`value` holds a password (in the URL's user part or its query string)."""
    return mask_url(value) != str(value)


def mask_cpr(text: str) -> str:
    """`text` with every CPR-shaped number cut to its date part: 010203-1234 -> 010203-****."""
    return CPR_IN_TEXT.sub(lambda m: m.group(0)[:6] + "-" + MASK, str(text))


def redact(text: str) -> str:
    """A message as it may be shown: URL passwords masked and CPR numbers cut (see the module)."""
    return mask_cpr(_mask_passwords(str(text), whole=False))
