import pytest

from pipeline.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    "text,value",
    [("1,252.4", 1252.4), ("两千", 2000), ("十七", 17), ("千", 1000), ("一万二千", 12000), ("三点五", 3.5)],
)
def test_numbers_parse(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "元"])
def test_numbers_parse_rejects_junk(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_numbers_overlapping_matches_keep_the_longest(rules):
    qs, _ = find_quantities("总投资2.2万亿元", rules)
    assert [(q.value, q.unit, q.value_std) for q in qs] == [(2.2, "万亿元", 2.2e12)]


@pytest.mark.parametrize("text", ["1" * 5000 + "万", "万" * 5000, "“" * 3000 + "1亿元" + "”" * 3000, "第" * 4000 + "1"])
def test_numbers_adversarial_inputs_finish(rules, text):
    find_quantities(text, rules)  # a regex that backtracks catastrophically would time out
