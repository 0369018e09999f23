"""What a message may show: a URL's password masked whatever characters it holds, a CPR number
cut to its date part."""
from __future__ import annotations

import pytest

from analysis.base.redact import has_password, mask_cpr, mask_url, redact


@pytest.mark.parametrize("url,shown", [
    ("postgresql://user:hunter2@host/db", "postgresql://user:****@host/db"),
    ("postgresql://user:pa#ss/w?rd@host/db", "postgresql://user:****@host/db"),
    ("postgresql://user:p@ss@host:5432/db/t", "postgresql://user:****@host:5432/db/t"),
    ("postgresql://user:pa ss@host/db", "postgresql://user:****@host/db"),
    ("postgresql://:secret@host/db", "postgresql://:****@host/db"),
    ("postgresql://user:secret", "postgresql://user:****"),
])
def test_a_urls_password_is_masked_up_to_the_last_at_before_the_host(url, shown):
    assert mask_url(url) == shown and has_password(url)


def test_a_password_in_the_query_string_is_masked():
    assert mask_url("postgresql://user@host/db/t?sslmode=require&password=a#b/c&x=1") == \
        "postgresql://user@host/db/t?sslmode=require&password=****&x=1"


def test_a_url_written_as_a_file_path_normalises_it_is_masked_too():
    assert mask_url("/project/mysql:/user:s3cret@host/db") == "/project/mysql:/user:****@host/db"


@pytest.mark.parametrize("value", [
    "postgresql://analyst@dwh.example:6543/region/outpatient.visits",
    "postgresql://dwh.example:6543/region/visits",
    "data/private/visits.csv",
    "C:/data/visits.csv",
    "",
])
def test_a_url_or_path_without_a_password_is_left_as_it_is(value):
    assert mask_url(value) == value and not has_password(value)


def test_in_a_message_the_password_ends_at_the_urls_last_at_not_the_messages():
    message = ("postgresql://user:pa#ss/w?rd@host/db: a database source is written "
               "postgresql://USER@HOST:PORT/DATABASE/TABLE")
    assert redact(message) == ("postgresql://user:****@host/db: a database source is written "
                               "postgresql://USER@HOST:PORT/DATABASE/TABLE")


def test_cpr_numbers_are_cut_to_their_date_with_or_without_the_dash():
    assert mask_cpr("visits 0102031234 and 010203-1234") == "visits 010203-**** and 010203-****"


def test_numbers_that_are_not_cpr_shaped_are_left_alone():
    text = "12,345 visits; 2024-01-01; 12345678901; 3213991234; id 01020312345"
    assert mask_cpr(text) == text


def test_redact_masks_passwords_and_cpr_numbers_in_one_message():
    assert redact("postgresql://u:x#1@h/d/t, visit 311299-1234") == "postgresql://u:****@h/d/t, visit 311299-****"


def test_a_percent_encoded_password_key_is_masked():
    url = "postgresql://analyst@dwh:5432/outpatient/t?pass%77ord=Pw%239%3Fx&sslmode=require"
    assert mask_url(url) == "postgresql://analyst@dwh:5432/outpatient/t?pass%77ord=****&sslmode=require"


def test_a_url_written_without_its_slashes_still_hides_its_password():
    assert redact("file not found: /x/postgresql:analyst:S3cr3t@dwh/db") == \
        "file not found: /x/postgresql:analyst:****@dwh/db"


def test_a_cpr_number_written_with_a_space_dot_or_slash_is_cut():
    assert redact("Neurologi 010203 1234, 010203.1234, 010203/1234") == \
        "Neurologi 010203-****, 010203-****, 010203-****"
