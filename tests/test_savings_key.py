"""The savings key: whole kroner, exact sums, psychiatry out, equal activity equal split."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import savings_key


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
    assert out["gap_dkk"].to_dict() == {"A": 20e6, "B": 10e6}
    assert savings_key.compare(ACT, pot, 2024, basis="value_dkk").set_index("hospital").loc["B", "gap_dkk"] == 20e6


@pytest.mark.parametrize("basis,column", [("visits", "key_visits"), ("value_dkk", "key_value"),
                                          ("potential", "key_potential")])
def test_the_key_column_of_each_basis(basis, column):
    assert savings_key.key_column(basis) == column
    out = savings_key.compare(ACT, pd.Series({"A": 20e6, "B": 10e6}), 2024, basis=basis)
    assert (out["gap_dkk"] == out[column] - out["potential_dkk"]).all()


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
