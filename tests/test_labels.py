"""Danish and English labels and number formats."""
from analysis import labels as L


def test_danish_numbers_use_dot_thousands_and_comma_decimals():
    assert L.number(1234567.89, "da", 1) == "1.234.567,9"
    assert L.number(1234567.89, "en", 1) == "1,234,567.9"
    assert L.percent(0.123, "da") == "12,3 %"
    assert L.dkk(60_000_000, "da", millions=True) == "60,0 mio. kr."


def test_labels_translate_categories_and_keep_names():
    assert L.t("follow_up", "da") == "Kontrol"
    assert L.t("follow_up", "en") == "Follow-up"
    assert L.t("Aarhus Universitetshospital", "en") == "Aarhus Universitetshospital"


def test_every_label_has_both_languages_with_the_same_placeholders():
    import string

    def fields(s):
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, (da, en) in L.LABELS.items():
        assert da and en, key
        assert fields(da) == fields(en), key


def test_money_sentences_end_with_one_full_stop():
    for lang in ("da", "en"):
        money = L.dkk(60_000_000, lang, millions=True)
        for key in ("pot_summary", "pot_aim", "key_intro", "hosp_key_text"):
            fields = {f: money for f in ("saving", "lo", "hi", "target", "share", "potential")}
            text = L.t(key, lang, **fields, draws=200, cover="10 %", n=5, basis="x", excluded="-")
            assert "kr.." not in text and ".." not in text, (key, lang, text)


def test_a_notebooks_formatters_speak_its_language():
    T, N, P, M = L.formatters("da")
    assert (T("visits"), N(1234.5, 1), P(0.123), M(12_340_000)) == ("Besøg", "1.234,5", "12,3 %", "12,3 mio. kr.")
    T, N, P, M = L.formatters("en")
    assert (T("visits"), N(1234.5, 1), P(0.123), M(12_340_000)) == ("Visits", "1,234.5", "12.3%", "DKK 12.3m")
