import pytest

from core.personnummer import contains_personnummer, find_personnummer


@pytest.mark.parametrize(
    "text",
    [
        "Brukaren 19121212-1212 föll i badrummet.",
        "pnr 121212-1212",
        "121212+1212 (över hundra år)",
        "1212121212",
        "191212121212 i journalen",
        "121212 1212",
        "samordningsnummer 701063-2391",
    ],
)
def test_a_valid_personnummer_is_found_in_any_common_form(text):
    assert contains_personnummer(text)


@pytest.mark.parametrize(
    "text",
    [
        "19121212-1213",  # wrong check digit
        "121212-1213",
        "Telefon 070-123 45 67",
        "Diarienummer SN 2024/1234-5",
        "991332-1234",  # no 32nd day
        "Kostnaden var 1 003 735 kronor",
        "12345678901234",
        "",
    ],
)
def test_numbers_that_are_not_personnummer_pass(text):
    assert not contains_personnummer(text)


def test_the_number_is_returned_as_written():
    assert find_personnummer("a 19121212-1212 b 121212-1212") == ["19121212-1212", "121212-1212"]
