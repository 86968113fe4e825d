import pytest
from hypothesis import given, settings, strategies as st

from azfix.text.tokenize import TokenKind, tokenize, words


def kinds(text):
    return [(t.kind.value, t.text) for t in tokenize(text) if t.kind not in (TokenKind.SPACE,)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BMT-dən", [("suffixed", "BMT-dən")]),
        ("2023-cü il", [("suffixed", "2023-cü"), ("word", "il")]),
        ("COVID-19", [("suffixed", "COVID-19")]),
        ("saat 12:55-də", [("word", "saat"), ("suffixed", "12:55-də")]),
        ("1/2-si", [("suffixed", "1/2-si")]),
        ("AZƏRTAC-a", [("suffixed", "AZƏRTAC-a")]),
        ("sosial-iqtisadi", [("word", "sosial-iqtisadi")]),
        ("Bakı'nın", [("word", "Bakı'nın")]),
        ("3,5 faiz", [("number", "3,5"), ("word", "faiz")]),
        ("ABŞ", [("acronym", "ABŞ")]),
        ("20 km.", [("number", "20"), ("abbreviation", "km.")]),
        ("info@azertac.az", [("email", "info@azertac.az")]),
        ("https://azertac.az/xeber?id=5.", [("url", "https://azertac.az/xeber?id=5"), ("punct", ".")]),
        ("www.president.az", [("url", "www.president.az")]),
        ("a\r\nb", [("word", "a"), ("newline", "\r\n"), ("word", "b")]),
        ("«Salam»!", [("punct", "«"), ("word", "Salam"), ("punct", "»"), ("punct", "!")]),
        ("😀", [("other", "😀")]),
    ],
)
def test_token_kinds(text, expected):
    assert kinds(text) == expected


def test_offsets_index_the_input():
    text = "Xarici İşlər Nazirliyinin BMT-dən 2 məktubu."
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text


def test_words_keeps_only_words():
    assert words("Bu, 2023-cü ildə BMT və Bakı idi.") == ["Bu", "ildə", "BMT", "və", "Bakı", "idi"]


def test_megabyte_without_spaces():
    text = "ə" * 1_000_000
    tokens = tokenize(text)
    assert len(tokens) == 1 and tokens[0].end == 1_000_000


@settings(max_examples=300)
@given(st.text())
def test_round_trip_any_text(text):
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position and token.end > token.start
        position = token.end


@given(st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyzİIƏ -'.,0123456789\n"))
def test_round_trip_azerbaijani_like_text(text):
    assert "".join(t.text for t in tokenize(text)) == text


_TRICKY = st.sampled_from(list("abcəışAİBZ.-'’@+_1 9/:\n,(\"«\t\u00a0") + ["ü", "ğ", "\u0301", "а", "az", "com", "www."])


@settings(max_examples=300)
@given(st.lists(_TRICKY, max_size=25).map("".join))
def test_plain_word_shortcut_matches_the_general_pattern(text):
    # The fast path for plain lowercase words must never change a token.
    from azfix.text.tokenize import _GENERAL, _PATTERN

    def spans(pattern):
        return [(m.lastgroup, m.span()) for m in pattern.finditer(text)]

    assert spans(_PATTERN) == spans(_GENERAL)


def test_long_runs_of_marks_and_letters_tokenize_one_by_one():
    # (no address or code alternative may rescan such a run from every position)
    assert [t.text for t in tokenize(".a" * 3)] == [".", "a", ".", "a", ".", "a"]
    assert len(tokenize(".a" * 20_000)) == 40_000
    assert len(tokenize("1." * 20_000)) == 2  # one number and its final stop


def test_addresses_within_the_bounds_stay_one_token():
    text = "yazın: " + "a" * 64 + "@mail.gov.az, bax " + ".".join(["x"] * 9) + ".az"
    kinds = [(t.kind.value, t.text) for t in tokenize(text) if t.kind.value in ("email", "url")]
    assert kinds == [("email", "a" * 64 + "@mail.gov.az"), ("url", ".".join(["x"] * 9) + ".az")]


def test_code_runs_are_one_token():
    text = "hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b, id 123e4567-e89b-12d3-a456-426614174000 və abc/def+ghi12345678=="
    codes = [t.text for t in tokenize(text) if t.kind is TokenKind.CODE]
    assert codes == ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", "123e4567-e89b-12d3-a456-426614174000",
                     "abc/def+ghi12345678=="]
    # words, numbers with suffixes and long plain words are no code
    assert not [t for t in tokenize("COVID-19-un 2020-ci sosial-iqtisadi abcdefghijklmnopqrstu") if t.kind is TokenKind.CODE]
    for text in ("12:34aGVsbG8gd29ybGQxMjM0NTY3 x", "v1.5abcdefghijklmnop1 y"):  # a run inside a token: no code
        assert "".join(t.text for t in tokenize(text)) == text
    uri = "data:image/png;base64,iVBORw0KGgo+/AAA="
    assert [t.kind for t in tokenize(uri)] == [TokenKind.URL]


def test_base64_blobs_come_out_unchanged():
    import base64
    import random

    from azfix import Cleaner

    rnd = random.Random(3)
    cleaner = Cleaner()
    for _ in range(20):
        blob = base64.b64encode(bytes(rnd.randrange(256) for _ in range(rnd.randrange(20, 400)))).decode()
        assert not cleaner.correct(f"Bu açar: {blob} idi.\n{blob}\n").edits
