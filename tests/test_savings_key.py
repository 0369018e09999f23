"""The savings key: whole kroner, exact sums, psychiatry out, equal activity equal split."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import savings_key


@pytest.mark.parametrize("target", [60_000_000, 1, 7, 59_999_999, 100_000_003])
def test_the_split_sums_exactly_to_awkward_targets(target):
    w = pd.Series([1 / 3, 1 / 3, 1 / 3 + 1e-9, 0.17, 0.5], index=list("ABCDE"))
    out = savings_key.apportion(target, w)
    assert out.sum() == target and (out >= 0).all()
    assert all(isinstance(v, int) for v in out.tolist())


def test_largest_remainder_by_hand():
    # 10 kroner by 1:1:1 -> 3.33 each: whole parts 3+3+3, the one left goes to the first in order
    assert savings_key.apportion(10, pd.Series([1, 1, 1], index=list("ABC"))).tolist() == [4, 3, 3]
    # 100 by 0.5:0.3:0.2 is exact
    assert savings_key.apportion(100, pd.Series([5, 3, 2], index=list("ABC"))).tolist() == [50, 30, 20]
    # 7 by 3:2:2 -> 3, 2, 2 exact; 8 by 3:2:2 -> 3.43, 2.29, 2.29: the left kroner to the largest fraction
    assert savings_key.apportion(8, pd.Series([3, 2, 2], index=list("ABC"))).tolist() == [4, 2, 2]


def test_equal_activity_gives_an_equal_split():
    out = savings_key.apportion(60_000_000, pd.Series([5.0] * 4, index=list("ABCD")))
    assert out.tolist() == [15_000_000] * 4


ACT = pd.DataFrame({"year": [2024] * 4, "hospital": ["A", "B", "P", "A"],
                    "sector": ["somatic", "somatic", "psychiatry", "somatic"],
                    "visits": [300, 200, 400, 100], "value_dkk": [1e6, 1e6, 2e6, 0.0]})


def test_psychiatry_carries_no_share_by_default():
    k = savings_key.key(ACT, 2024)
    assert "P" not in set(k["hospital"]) and k["amount_dkk"].sum() == 60_000_000
    assert k.set_index("hospital").loc["A", "amount_dkk"] == 40_000_000  # 400 of 600 visits


def test_the_key_by_value_differs_from_the_key_by_count():
    k = savings_key.key(ACT, 2024, basis="value_dkk", target=1_000)
    assert k.set_index("hospital")["amount_dkk"].to_dict() == {"A": 500, "B": 500}


def test_no_activity_is_a_clear_error():
    with pytest.raises(ValueError, match="no somatic activity in 2023"):
        savings_key.key(ACT, 2023)
    with pytest.raises(ValueError, match="whole"):
        savings_key.apportion(10.5, pd.Series([1.0]))


def test_keys_side_by_side_with_the_gap_to_the_potential():
    pot = pd.Series({"A": 20e6, "B": 10e6})
    out = savings_key.compare(ACT, pot, 2024, basis="visits").set_index("hospital")
    assert out["key_visits"].to_dict() == {"A": 40_000_000, "B": 20_000_000}
    assert out["key_value"].to_dict() == {"A": 30_000_000, "B": 30_000_000}
    assert out["key_potential"].to_dict() == {"A": 40_000_000, "B": 20_000_000}
    assert out["budget_effect_dkk"].to_dict() == {"A": 20e6, "B": 10e6}
    assert out["gap_dkk"].to_dict() == {"A": 20e6, "B": 10e6}
    assert "tariff_value_dkk" not in out  # none given
    assert savings_key.compare(ACT, pot, 2024, basis="value_dkk").set_index("hospital").loc["B", "gap_dkk"] == 20e6


def test_the_gap_is_in_budget_terms_with_the_tariff_value_beside():
    # A's ideas free 8 million in cash (their visits are worth 30 million at the tariff), B's 4
    # million (12 million): the visit key gives A 40 and B 20 million of the 60, so A is 32 million
    # short in cash and B 16; the tariff value would have hidden most of it (10 and 8)
    cash = pd.Series({"A": 8e6, "B": 4e6})
    value = pd.Series({"A": 30e6, "B": 12e6})
    out = savings_key.compare(ACT, cash, 2024, basis="visits", tariff_value=value).set_index("hospital")
    assert out["gap_dkk"].to_dict() == {"A": 32e6, "B": 16e6}
    assert out["tariff_value_dkk"].to_dict() == {"A": 30e6, "B": 12e6}
    # the key by potential splits the 60 million by the cash, 8:4
    assert out["key_potential"].to_dict() == {"A": 40_000_000, "B": 20_000_000}
    by_potential = savings_key.compare(ACT, pd.Series({"A": 9e6, "B": 3e6}), 2024, basis="potential",
                                       tariff_value=value).set_index("hospital")
    assert by_potential["key_potential"].to_dict() == {"A": 45_000_000, "B": 15_000_000}
    assert by_potential["gap_dkk"].to_dict() == {"A": 36e6, "B": 12e6}


def test_a_hospital_whose_ideas_cost_cash_gets_no_share_by_potential():
    # B's ideas cost more than they free (a shift to nurses): no share by potential, the whole gap
    out = savings_key.compare(ACT, pd.Series({"A": 6e6, "B": -1e6}), 2024, basis="potential").set_index("hospital")
    assert out["key_potential"].to_dict() == {"A": 60_000_000, "B": 0}
    assert out["gap_dkk"].to_dict() == {"A": 54e6, "B": 1e6}


def test_the_shares_of_each_basis_are_compares_columns():
    # one function splits the requirement for 04, 05 and 07: by potential 9:3 of 60 million is 45 and 15
    pot = pd.Series({"A": 9e6, "B": 3e6, "P": 50e6})  # psychiatry's ideas give it no share
    assert savings_key.shares(ACT, 2024, "potential", 60_000_000, potential=pot).to_dict() == {
        "A": 45_000_000, "B": 15_000_000}
    assert savings_key.shares(ACT, 2024, "visits", 60_000_000).to_dict() == {"A": 40_000_000, "B": 20_000_000}
    assert savings_key.shares(ACT, 2024, "value_dkk", 1_000).to_dict() == {"A": 500, "B": 500}
    with pytest.raises(ValueError, match="no hospital's change ideas free any budget.*use basis visits or value_dkk"):
        savings_key.shares(ACT, 2024, "potential", 60_000_000, potential=pd.Series({"A": -1.0, "B": 0.0}))


@pytest.mark.parametrize("basis,column", [("visits", "key_visits"), ("value_dkk", "key_value"),
                                          ("potential", "key_potential")])
def test_the_key_column_of_each_basis(basis, column):
    assert savings_key.key_column(basis) == column
    out = savings_key.compare(ACT, pd.Series({"A": 20e6, "B": 10e6}), 2024, basis=basis)
    assert (out["gap_dkk"] == out[column] - out["budget_effect_dkk"]).all()


def test_an_unknown_basis_is_a_clear_error():
    with pytest.raises(ValueError, match="basis must be one of visits, value_dkk, potential, not 'value'"):
        savings_key.key_column("value")
    with pytest.raises(ValueError, match="basis must be one of"):
        savings_key.compare(ACT, pd.Series({"A": 1.0}), 2024, basis="value")


def test_the_rows_a_key_is_set_by():
    rows = savings_key.in_key(ACT, 2024)
    assert sorted(rows["hospital"]) == ["A", "A", "B"]
    assert savings_key.in_key(ACT, 2024, hospitals=["B"])["visits"].tolist() == [200]
    with pytest.raises(ValueError, match="no somatic activity in 2024 for: Q"):
        savings_key.in_key(ACT, 2024, hospitals=["Q"])


def test_the_key_options_side_by_side_put_the_hospital_the_choice_moves_most_first():
    keys = pd.DataFrame({"hospital": ["A", "B", "C"], "key_visits": [30.0, 20.0, 10.0],
                         "key_value": [25.0, 26.0, 9.0], "key_potential": [35.0, 15.0, 10.0]})
    out = savings_key.options(keys)
    assert out["hospital"].tolist() == ["B", "A", "C"]  # spreads 26-15 = 11, 35-25 = 10, 10-9 = 1
    assert out["spread"].tolist() == [11.0, 10.0, 1.0]
