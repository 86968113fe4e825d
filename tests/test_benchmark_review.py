"""The hand-reviewed misspellings of the development texts (benchmarks/source_errors.tsv)."""

from azfix.edits import Edit
from benchmarks.quality import SOURCE_ERRORS, fixes_source_error, source_errors


def test_every_row_names_a_text_a_context_a_change_and_a_reason():
    rows = [line.split("\t") for line in SOURCE_ERRORS.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert rows and all(len(row) == 5 and row[2] != row[3] and row[4] for row in rows)
    assert {row[0] for row in rows} == {"ntrex_news_dev.txt", "wiki_sentences.txt"}


def test_a_reviewed_fix_is_matched_only_where_it_was_reviewed():
    reviewed = source_errors(("ntrex_news_dev.txt",))
    assert ("məclisin iş ", "prinispi", "prinsipi") in reviewed
    assert not source_errors(("wiki_sentences.txt",)) & {("məclisin iş ", "prinispi", "prinsipi")}
    text = "qanun layihəsinə məclisin iş prinispi ilə. Başqa prinispi də."
    first = text.index("prinispi")
    second = text.index("prinispi", first + 1)
    assert fixes_source_error(text, Edit(first, first + 8, "prinispi", "prinsipi", "typo", 0.99), reviewed)
    # the same change elsewhere is a change nobody reviewed
    assert not fixes_source_error(text, Edit(second, second + 8, "prinispi", "prinsipi", "typo", 0.99), reviewed)
