import pytest

from azfix import Cleaner
from azfix.edits import apply_edits
from azfix.stages.layout import layout_edits
from azfix.data.lexicon import default_lexicon

is_known = default_lexicon().is_known


def fixed(text):
    return apply_edits(text, layout_edits(text, is_known))


def test_end_of_line_hyphen_joined_when_known():
    assert fixed("Azərbaycan Respub-\nlikasının paytaxtı") == "Azərbaycan Respublikasının paytaxtı"


def test_real_compound_keeps_its_hyphen():
    assert fixed("sosial-\niqtisadi inkişaf") == "sosial-iqtisadi inkişaf"


def test_paragraph_broken_mid_sentence_is_rejoined():
    text = "Təşəbbüslər sayəsində mövcud\n\nçağırışlar yeni imkanlara çevrilib.\n\nBurada xüsusilə qeyd edək."
    assert fixed(text) == (
        "Təşəbbüslər sayəsində mövcud çağırışlar yeni imkanlara çevrilib.\n\nBurada xüsusilə qeyd edək."
    )


def test_runs_of_blank_lines_collapse_on_a_wrapped_page_only():
    plain = "\n\n\nBaşlıq\n\n\n\nMətn burada.\n\n\n"
    assert fixed(plain) == "Başlıq\n\n\n\nMətn burada.\n"  # the author's blank lines inside the text stay
    page = "\n\n" + WRAPPED.replace("bildirib.\n", "bildirib.\n\n\n\n", 1) + "\n\n"
    assert "\n\n\n" in page
    out = fixed(page)
    assert not out.startswith("\n") and "\n\n\n" not in out and out.endswith("\n") and not out.endswith("\n\n")


MARKDOWN = (
    "# Başlıq\n\n"
    "- bənd bir\n- bənd iki\n- bənd üç\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n\n\n"
    "* ulduz bir\n* ulduz iki\n* ulduz üç\n\n"
    "```\nkod-\nsətri\n```\n"
    "> sitat burada\n> davam edir\n"
    "Son.\n"
)


def test_markdown_comes_out_byte_identical():
    assert layout_edits(MARKDOWN, is_known) == []


def test_a_lowercase_list_is_not_a_wrapped_column():
    text = "Meyvələr\n\n" + "".join(f"- {w} alma\n" for w in ("bir", "iki", "üç", "dörd", "beş", "altı", "yeddi"))
    assert fixed(text) == text
    numbered = "".join(f"{k}. {w} alma\n" for k, w in enumerate(("bir", "iki", "üç", "dörd", "beş", "altı", "yeddi"), 1))
    assert fixed(numbered) == numbered


def test_three_specks_of_different_marks_are_still_specks():
    page = WRAPPED.replace("\nvəziyyət gələn", "\n— vəziyyət gələn").replace("\nyağışlar az", "\n: yağışlar az")
    assert "fikrincə vəziyyət gələn il" in fixed(page)


COLUMN = (
    "Bəzi məclis üzvləri arasında adlarının Uels\n"
    "Parlamenti Üzvlərinə (UPÜ) :\n"
    "dəyişdirilməsini tələb edən təklif ilə bağlı\n"
    "narahatlıq hökm sürür. Bu narahatlıq məcl-\n"
    "isin adının Uels Parlamenti kimi\n"
    "dəyişdirilməsi planından sonra ortaya\n"
    "çıxıb. Mühafizəkar partiyasının nümayəndəsi bil-\n"
    ": dirib ki, onun partiyası razıdır.\n"
    "\n"
    "İkinci abzas burada başlayır və\n"
    "burada da bitir.\n"
)


def test_hard_wrapped_column_is_unwrapped():
    assert fixed(COLUMN) == (
        "Bəzi məclis üzvləri arasında adlarının Uels Parlamenti Üzvlərinə (UPÜ) dəyişdirilməsini tələb "
        "edən təklif ilə bağlı narahatlıq hökm sürür. Bu narahatlıq məclisin adının Uels Parlamenti kimi "
        "dəyişdirilməsi planından sonra ortaya çıxıb. Mühafizəkar partiyasının nümayəndəsi bildirib ki, "
        "onun partiyası razıdır.\n\nİkinci abzas burada başlayır və burada da bitir.\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Birinci sətir.\nİkinci sətir.\nÜçüncü sətir.",  # one paragraph per line
        "Başlıq\n\nMətn burada.\n",
        "- birinci\n- ikinci\n- üçüncü\n",
        "Xəbərlər\nİdman\nMədəniyyət\nSiyasət\nİqtisadiyyat\nHava\n",  # headlines, not a column
    ],
)
def test_clean_layout_is_unchanged(text):
    assert layout_edits(text, is_known) == []


def test_layout_edits_compose_with_word_edits():
    text = "Vətən mühabi-\nbəsi dövründə"
    result = Cleaner().correct(text)
    assert result.text == "Vətən müharibəsi dövründə"
    assert apply_edits(text, result.edits) == result.text
    assert [e.original for e in result.edits] == ["mühabi-\nbəsi"]


def test_layout_can_be_switched_off():
    assert Cleaner(layout=False).clean("\n\nBaşlıq") == "\n\nBaşlıq"


def _wrapped_page(first_block_end: str, second_block: str) -> str:
    lines = [
        "Bu gün şəhərin mərkəzində keçirilən toplantıda",
        "nazirlər yeni layihənin əsas istiqamətlərini",
        "müzakirə etdilər və onun həyata keçirilməsi",
        "üçün lazım olan vəsaitin həcmini də bir daha",
        "dəqiqləşdirdilər. Sonra iştirakçılar gələn il",
        first_block_end,
    ]
    return "\n".join(lines) + "\n\n" + second_block + "\n"


def test_blank_line_before_lowercase_word_on_a_wrapped_page_is_joined():
    text = _wrapped_page("başlayacaq işlərin qrafikini təsdiq etdilər.", "— “sonra isə mətbuat nümayəndələri ilə görüş")
    kinds = [e.kind for e in layout_edits(text, default_lexicon().is_known)]
    assert "paragraph" in kinds


def test_a_number_after_a_blank_line_goes_on_an_unfinished_full_line():
    text = _wrapped_page("başlayacaq işlərin sayının artmasını və", "4,896-ə qədər azalmasını müzakirə etdilər.")
    assert "artmasını və 4,896-ə qədər" in fixed(text)
    listed = _wrapped_page("başlayacaq işlərin sayının artmasını və", "4. Yeni qaydalar təsdiq edildi.")
    assert "\n\n4. Yeni" in fixed(listed)  # a numbered item stays a paragraph


def test_real_paragraph_break_after_a_short_finished_line_is_kept():
    text = _wrapped_page("təsdiq etdilər.", "Növbəti toplantı gələn ay keçiriləcək və orada")
    kinds = [e.kind for e in layout_edits(text, default_lexicon().is_known)]
    assert "paragraph" not in kinds


def _page_with_paragraph_start(opening: str, inner_marks: int) -> str:
    inner = [": " if k < inner_marks else "" for k in range(5)]
    first = [
        "Bu gün şəhərin mərkəzində keçirilən toplantıda",
        inner[0] + "nazirlər yeni layihənin əsas istiqamətlərini",
        inner[1] + "müzakirə etdilər və onun həyata keçirilməsi",
        inner[2] + "üçün lazım olan vəsaitin həcmini də bir daha",
        inner[3] + "dəqiqləşdirdilər və yeni planı təsdiq etdilər.",
    ]
    second = [
        opening + "Növbəti toplantı gələn ay keçiriləcək və orada",
        inner[4] + "görülən işlərin nəticələri müzakirə olunacaq.",
    ]
    return "\n".join(first) + "\n\n" + "\n".join(second) + "\n"


def test_stops_and_mark_runs_before_a_paragraph_are_noise():
    for opening in (": ", ". ", "—— ", ":— ", ": ."):  # a stop glued to the capital opens no sentence
        out = fixed(_page_with_paragraph_start(opening, inner_marks=0))
        assert "\n\nNövbəti toplantı" in out, opening


def test_a_lone_dash_opening_a_paragraph_is_kept_on_a_clean_page():
    out = fixed(_page_with_paragraph_start("— ", inner_marks=0))
    assert "\n\n— Növbəti toplantı" in out


def test_a_lone_dash_opening_a_paragraph_is_noise_on_a_speckled_page():
    out = fixed(_page_with_paragraph_start("— ", inner_marks=4))
    assert "\n\nNövbəti toplantı" in out
    assert ": " not in out


def _speckled_page_broken_before(continuation: str, first_block_end: str = "dəqiqləşdirdilər və yeni planı") -> str:
    first = [
        "Bu gün şəhərin mərkəzində keçirilən toplantıda",
        ": nazirlər yeni layihənin əsas istiqamətlərini",
        ": müzakirə etdilər və onun həyata keçirilməsi",
        ": üçün lazım olan vəsaitin həcmini də bir daha",
        ": " + first_block_end,
    ]
    return "\n".join(first) + "\n\n" + continuation + "\nnəticələri müzakirə olunacaq.\n"


@pytest.mark.parametrize("debris", ["“7 ", "7 ", "7—. ", "/ "])
def test_digits_among_line_start_marks_do_not_hide_a_continuation_on_a_speckled_page(debris):
    out = fixed(_speckled_page_broken_before(debris + "təsdiq etdilər, sonra isə görülən işlərin"))
    assert "planı " in out and "\n\n" not in out


def test_a_year_after_a_blank_line_is_not_taken_for_debris():
    out = fixed(_speckled_page_broken_before("1941-ci ildə yeni plan təsdiq olundu, sonra", "təsdiq etdilər."))
    assert "\n\n1941-ci ildə" in out


def test_a_lone_number_mark_is_a_list_item_only_next_to_other_items_on_a_speckled_page():
    out = fixed(_speckled_page_broken_before("7. təsdiq etdilər, sonra isə görülən işlərin"))
    assert "planı 7. təsdiq" in out
    listed = _speckled_page_broken_before("1. təsdiq etdilər, sonra isə görülən işlərin").replace(
        "\nnəticələri", "\n\n2. nəticələri"
    )
    assert "\n\n1. təsdiq" in fixed(listed)


WRAPPED = (
    "Bu il ölkənin bir çox bölgəsində havalar\n"
    "isti keçdi və məhsulun bir hissəsini fer-\n"
    "merlər itirdilər. Mütəxəssislərin fikrincə\n"
    "vəziyyət gələn il də dəyişməyəcək, çünki\n"
    "yağışlar az olacaq və su ehtiyatları da\n"
    "azalmaqda davam edir. Hökumət isə yeni\n"
    "tədbirlər görəcəyini bildirib.\n"
)


@pytest.mark.parametrize("broken", [
    "fer:\nmerlər",  # the hyphen read as a colon
    "fer-.\nmerlər",  # smeared into a stop
    "fer-\n“merlər",  # a speck on the continuation
    "fer- .\n: merlər",  # specks on both sides of the break
    "fer-\n\n— merlər",  # a stray blank line and a speck: no paragraph ends in half a word
])
def test_a_word_broken_at_the_margin_behind_ocr_debris_is_joined(broken):
    assert " hissəsini fermerlər itirdilər." in fixed(WRAPPED.replace("fer-\nmerlər", broken))


def test_a_stop_before_a_word_that_fits_is_not_taken_for_a_hyphen():
    # both halves are words (hissə: sini): the colon is left as it is
    text = WRAPPED.replace("hissəsini fer-\nmerlər", "fermerlər hissə:\nsini")
    assert "hissə: sini itirdilər" in fixed(text)
    short = WRAPPED.replace("isti keçdi və məhsulun bir hissəsini fer-\nmerlər", "fer:\nmerlər")
    assert "fer: merlər" in fixed(short)  # not at the margin: a colon, not a hyphen


def test_a_smeared_hyphen_joins_even_two_words():
    # hissə and sini are both words, but the hyphen left in "-." says the word was broken
    text = WRAPPED.replace("hissəsini fer-\nmerlər", "fermerlər hissə-.\nsini")
    assert "fermerlər hissəsini itirdilər" in fixed(text)


def test_specks_on_successive_line_starts_are_not_a_list():
    """Two wrapped lines in a row opening with an OCR speck: the first lost
    its dash as noise, so the second dash does not continue a list of them
    (left, it was removed only when the output was cleaned again)."""
    page = WRAPPED.replace("\nvəziyyət gələn", "\n— vəziyyət gələn").replace("\nyağışlar az", "\n— yağışlar az")
    out = fixed(page)
    assert "fikrincə vəziyyət gələn il də dəyişməyəcək, çünki yağışlar az olacaq" in out
    assert fixed(out) == out


def test_a_dash_list_after_a_colon_keeps_its_marks():
    page = WRAPPED.replace("Hökumət isə yeni\ntədbirlər görəcəyini bildirib.\n",
                           "Hökumət isə bildirib:\n— yeni tədbirlər görüləcək;\n— su anbarları tikiləcək.\n")
    out = fixed(page)
    assert "bildirib:\n— yeni tədbirlər görüləcək;\n— su anbarları tikiləcək." in out


def test_a_word_broken_at_a_line_end_is_looked_up_with_its_characters_repaired():
    """The layout reads the text before the character repairs: the halves of
    inki- / Ģafı (a legacy-font ş) and respub- / likаsı (a Cyrillic а) join."""
    assert Cleaner().clean("O, ölkənin iqtisadi inki-\nĢafı barədə danıĢıb.") == (
        "O, ölkənin iqtisadi inkişafı barədə danışıb.")
    assert Cleaner().clean("Bu respub-\nlikаsı gözəldir.") == "Bu respublikası gözəldir."


def test_joins_at_line_ends_never_build_a_token_longer_than_a_word():
    from azfix.data.lexicon import MAX_WORD_LENGTH

    out = fixed("siya-\n" * 2000)
    assert max(len(token) for token in out.split()) <= MAX_WORD_LENGTH
    assert fixed("respub-\nlikası") == "respublikası"  # an ordinary join still happens


def test_a_short_line_that_ends_a_sentence_ends_its_paragraph_on_a_wrapped_page():
    page = WRAPPED.replace("görəcəyini bildirib.\n", "görəcəyini\nbildirib.\nYeni abzas burada başlayır və\nburada da bitir.\n", 1)
    out = fixed(page)
    assert "görəcəyini bildirib.\n\nYeni abzas burada başlayır və burada da bitir." in out


def test_double_v_read_for_w_in_unknown_words_on_an_ocr_page():
    page = WRAPPED.replace("Bu il ölkənin", "Nevv York və VVashington ölkənin əvvəl", 1)
    out = fixed(page)
    assert "New York və Washington" in out and "əvvəl" in out
    plain = "Nevv York əvvəl gəldi."
    assert fixed(plain) == plain  # only on a page the OCR made


def test_digit_specks_after_a_sentence_end_go_on_a_speckled_page_only():
    lines = WRAPPED.splitlines(keepends=True)
    specked = "".join(": " + line if 0 < k < len(lines) - 1 and k % 2 else line for k, line in enumerate(lines))
    page = specked.replace("bildirib.\n", "bildirib. ” 2\n", 1)
    assert "bildirib. ” 2" not in fixed(page)
    clean = WRAPPED.replace("bildirib.\n", "bildirib. ” 2\n", 1)
    assert "bildirib. ” 2" in fixed(clean)  # a clean page keeps what stands after a stop


def test_a_word_broken_at_a_line_end_joins_past_a_speck_when_the_word_is_known():
    out = fixed(WRAPPED.replace("hissəsini fer-\nmerlər", "hissəsini fer-\n7 merlər"))
    assert "hissəsini fermerlər itirdilər" in out
    out = fixed(WRAPPED.replace("hissəsini fer-\nmerlər", "hissəsini yazılacağ-\n.və merlər"))
    assert "yazılacağı.və" not in out and ".və" in out  # the next word's mark is not swallowed


def test_ocr_page_repairs_leave_addresses_rules_crlf_and_page_numbers_alone():
    page = WRAPPED.replace("Bu il ölkənin", "Bax www.savvy.com ölkənin", 1)
    assert "www.savvy.com" in fixed(page)  # an address keeps its vv
    ruled = WRAPPED.replace("bildirib.\n", "bildirib.\n* * *\n", 1)
    assert "bildirib.\n* * *\n" in fixed(ruled)  # a rule the author drew
    crlf = WRAPPED.replace("görəcəyini bildirib.\n", "görəcəyini\nbildirib.\nYeni abzas burada başlayır və\n"
                           "burada da bitir.\n", 1).replace("\n", "\r\n")
    assert "bildirib.\r\n\r\nYeni abzas" in fixed(crlf)  # a paragraph break in the page's own line ends
    lines = WRAPPED.splitlines(keepends=True)
    specked = "".join(": " + line if 0 < k < len(lines) - 1 and k % 2 else line for k, line in enumerate(lines))
    assert "səh. 45" in fixed(specked.replace("bildirib.\n", "bildirib, səh. 45\n", 1))  # a page number
