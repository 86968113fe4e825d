"""The dictionary build, run on a tiny source tree written by the test."""

import json

import pytest

from azfix.build.dictionaries import build
from azfix.build.sources import clean_word
from azfix.data.lexicon import Lexicon


@pytest.fixture
def source(tmp_path):
    root = tmp_path / "data" / "lexicon"
    files = {
        "mozillaz-hunspell/az.dic": "4\nkitab/N1\nçörək/O2\nget/E2\nBMT/N\n",
        "az-lang-nlp/dict.txt": "Nev\nVgəl\n",
        "aygun-lemmas/verb_lemmas.txt": "oxumaq\n",
        "aygun-lemmas/general_lemmas.txt": "(bakı)\nalma (bot.)\nsiyasət, siyasi\n",
        "aznlp-headwords/words.txt": "dəniz\nnəticələndirilm ək\nzəx\n",
        "azelexicon/words.txt": "ağız  \nqaş (anat.) \n",
        "localdoc-freq/frequency_dictionary_az_80k.txt": (
            "siyasət 9000\nsiyaset 100\nçörəyi 50\nkitab 40\nәsər 30\nəsər 5\nağzı 20\nağızı 1\n"
            "gedir 30\noxuyur 10\ngəlir 5\nalma 3\nqaşı 2\n"
        ),
        "tesseract-aze/aze_wordlist.txt": "KİTABLARDA\nsiyaset\nkitab\nxyzq\nçörəkdə\nçorəkdə\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "data"


def test_clean_word():
    assert clean_word(" Әsər ") == "əsər"


def test_build_outputs(source, tmp_path):
    out = tmp_path / "out"
    manifest = build(source, out)
    stems = {line.split("\t")[0]: line.split("\t") for line in (out / "stems.tsv").read_text().splitlines()[1:]}
    forms = dict(line.split("\t") for line in (out / "forms.tsv").read_text().splitlines()[1:])
    # glosses stripped, broken entries and bare-parenthesis lines dropped
    assert {"alma", "siyasət", "dəniz", "ağız", "qaş", "kitab", "oxu", "gəl"} <= set(stems)
    assert "nəticələndirilm" not in stems and "bakı" not in stems
    assert "bmt" not in stems  # no vowel: an acronym, not a stem
    assert "zəx" not in stems  # short, one source, no attested form: untrusted
    # POS and harmony from Hunspell flags, alternation flags from attested forms
    assert stems["kitab"][1:3] == ["noun", "1"]
    assert "s" in stems["çörək"][3] and "d" in stems["get"][3] and "v" in stems["ağız"][3]
    # Cyrillic schwa merged, ASCII-fied twin dropped
    assert forms["əsər"] == "35" and "siyaset" not in forms and forms["siyasət"] == "9000"
    assert manifest["files"]["stems.tsv"]["rows"] == len(stems)
    assert json.loads((out / "manifest.json").read_text())["format_version"] == 1


def test_build_is_reproducible(source, tmp_path):
    build(source, tmp_path / "a")
    build(source, tmp_path / "b")
    for name in ("stems.tsv", "forms.tsv", "candidates.bin.gz", "letters.tsv.gz", "web.tsv", "classes.tsv", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_built_lexicon_loads_and_analyzes(source, tmp_path):
    build(source, tmp_path / "out")
    lex = Lexicon.load(tmp_path / "out")
    assert lex.is_known("çörəyi") and lex.is_known("kitablarda") and lex.is_known("gedirlər")
    assert not lex.is_known("çörəki")


def test_web_forms_are_sound_unattested_forms_and_raise_their_prior(source, tmp_path):
    build(source, tmp_path / "out")
    web = (tmp_path / "out" / "web.tsv").read_text(encoding="utf-8").splitlines()[1:]
    # attested (kitab), ASCII-fied beside an attested twin (siyaset) and
    # unanalysable (xyzq, çorəkdə) words are left out
    assert web == ["kitablarda", "çörəkdə"]
    lex = Lexicon.load(tmp_path / "out")
    assert lex.unseen_form_prior("kitablarda") >= lex.unseen_ceiling
    assert lex.unseen_form_prior("kitablardan") < lex.unseen_ceiling
    assert not lex.is_known("xyzq")  # the web list never makes a word known


def test_missing_source_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        build(tmp_path / "nowhere", tmp_path / "out")


def test_misspelt_twins_are_dropped_but_inflections_kept():
    from azfix.build.forms import drop_misspelt_twins
    from azfix.morphology.analyzer import Analyzer, StemEntry

    analyzer = Analyzer({"bir": StemEntry(("num",), 2, ""), "al": StemEntry(("noun",), 1, "")})
    counts = {"bir": 100_000, "bır": 1_000, "alı": 1_000, "ali": 100_000, "bıra": 10}
    kept = drop_misspelt_twins(counts, analyzer)
    assert "bır" not in kept  # no reading, twin 100 times more frequent
    assert "alı" in kept  # al + ı: a real form beside the frequent ali
    assert kept["bir"] == 100_000 and "bıra" in kept  # no twin in the list


def test_frequent_forms_no_stem_explains_become_roots():
    from azfix.build.forms import attested_roots
    from azfix.config import Policy
    from azfix.morphology.analyzer import Analyzer, StemEntry

    analyzer = Analyzer({"kitab": StemEntry(("noun",), 1, "")})
    frequent = Policy().build_root_min_count
    forms = {"sezon": frequent, "kitabda": frequent, "ların": frequent, "butik": frequent - 1, "ab12": frequent}
    # sezon: a loanword no dictionary has; kitabda: explained by kitab;
    # ların: suffixes written apart; butik: too rare; ab12: not a word
    assert attested_roots(forms, analyzer) == ["sezon"]
    rooted = Analyzer({"kitab": StemEntry(("noun",), 1, ""), "sezon": StemEntry(("nominal",), 0, "")})
    assert rooted.is_well_formed("sezonda") and rooted.is_well_formed("sezonun")


def test_softening_is_read_off_inflected_forms():
    from azfix.build.stems import Softening
    from azfix.morphology.analyzer import StemEntry

    noun = StemEntry(("noun",), 0, "")
    forms = {"natiqin": 900, "natiqlər": 50, "bulağı": 400, "bulaq": 900, "qalmaqal": 5000, "qalmağa": 30}
    softening = Softening(forms, {"natiq": noun, "bulaq": noun, "qalmaq": noun})
    assert softening.flag("natiq", 0) == ""  # natiqin: it keeps its q
    assert softening.flag("bulaq", 0) == "s"  # bulağı
    # qalmaqal merely starts like qalmaq + a: only inflections count
    assert softening.flag("qalmaq", 0) == "s"
    assert softening.flag("dodaq", 0) == "o"  # nothing shows either way: it may do both
    assert softening.flag("kitab", 0) == ""


def test_stems_without_evidence_follow_their_ending():
    from azfix.build.stems import Softening
    from azfix.morphology.analyzer import StemEntry

    noun = StemEntry(("noun",), 0, "")
    stems = [f"{root}lıq" for root in ("yaxşı", "dost", "qonşu", "sağ", "varlı", "bol")]
    forms = {stem[:-1] + "ğı": 10 for stem in stems[:5]}
    softening = Softening(forms, {stem: noun for stem in stems})
    assert softening.flag("bolluq", 0) == "o"  # -luq: no stem of that ending decided
    assert softening.flag(stems[5], 0) == "s"  # five -lıq stems soften: so does bollıq


def test_optional_softening_reads_both_spellings():
    from azfix.morphology.analyzer import Analyzer, StemEntry

    analyzer = Analyzer({"dodaq": StemEntry(("noun",), 1, "o"), "bulaq": StemEntry(("noun",), 1, "s")})
    assert analyzer.is_well_formed("dodağı") and analyzer.is_well_formed("dodaqı")
    assert analyzer.is_well_formed("bulağı") and not analyzer.is_well_formed("bulaqı")


def test_one_letter_words_get_a_count_from_the_running_text():
    from azfix.build.forms import one_letter_words
    from azfix.data.stats import ContextStats
    from azfix.morphology.analyzer import StemEntry

    stats = ContextStats.from_texts(["O gəldi və bu kitabı o aldı."] * 30 + ["a) bu"] * 40)
    forms = {"bu": 2000, "və": 1000, "kitabı": 10, "gəldi": 30, "aldı": 30}
    entries = {"o": StemEntry(("pron",), 3, ""), "a": StemEntry(("nominal",), 0, ""), "bu": StemEntry(("pron",), 2, "")}
    counts = one_letter_words(entries, forms, stats)
    assert set(counts) == {"o"}  # a: no part of speech, a list mark more often than a word
    shared = [w for w in stats.unigrams if w in forms]  # bu, və, kitabı, gəldi, aldı
    scale = sum(forms[w] for w in shared) / sum(stats.unigrams[w] for w in shared)
    assert stats.unigram("o") == 60 and counts["o"] == round(60 * scale)


def test_a_packed_file_is_unpacked_once_into_the_cache(tmp_path, monkeypatch):
    from azfix.data.packed import pack, unpacked

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "index.bin"
    source.write_bytes(bytes(range(256)) * 100)
    pack(source, tmp_path / "index.bin.gz")
    first = (tmp_path / "index.bin.gz").read_bytes()
    pack(source, tmp_path / "index.bin.gz")
    assert (tmp_path / "index.bin.gz").read_bytes() == first  # the same bytes on every build
    plain = unpacked(tmp_path / "index.bin.gz")
    assert plain.read_bytes() == source.read_bytes() and plain.parent == tmp_path / "cache" / "azfix"
    assert unpacked(tmp_path / "index.bin.gz") == plain and not list(plain.parent.glob(".*.tmp"))
