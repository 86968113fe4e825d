"""Build ``dictionaries/`` from the source lexicons.

Run ``python -m azfix.build --source ../shared/data`` from the project root.
The sources are read, cleaned and merged into compact tab-separated files; the
sources themselves are never copied. The output is deterministic: the same
sources give byte-identical files, and ``manifest.json`` records the SHA-256
of every input and output.

Built files (format version :data:`FORMAT_VERSION`):

``stems.tsv``
    ``stem  pos  harmony  flags  count  sources`` — one row per stem, with
    its parts of speech (comma-separated; ``nominal`` when no source gave
    one). ``harmony`` is the vowel-harmony class 1–4 (0: take it from the
    last vowel); ``flags`` holds ``s`` (final k/q softens to y/ğ before a
    vowel: ``çörək``→``çörəyi``), ``o`` (it may: no form shows either way),
    ``d`` (final t voices to d: ``get``→
    ``gedir``), ``v`` (the last vowel drops before a vowel: ``ağız``→
    ``ağzı``). ``count`` is the summed corpus count of the attested forms
    built on the stem. ``sources`` lists one letter per source so that each row's
    licence can be traced (see ``SOURCES.md``).
``forms.tsv``
    ``form  count`` — word forms with corpus counts, ASCII-fied junk removed.
``tags.tsv``
    ``tag  share`` — how often a word of running text carries each suffix
    tag (the prior of an inflection nobody has written yet).
``confusions.tsv``
    ``intended  observed  count  cost`` — letter confusions learnt from real
    Tesseract output beside its source (news pages only; the Wikipedia pages
    stay unseen for evaluation).
``context.tsv.gz``
    word unigram and bigram counts of the clean running text in
    ``data/text`` (see :mod:`azfix.data.stats`).

Cleaning: Cyrillic ``ә`` becomes ``ə``; glosses, labels and parenthesised
notes are stripped; entries with spaces or digits are dropped; a form whose
diacritic-restored twin is far more frequent (``siyaset`` beside
``siyasət``) is dropped as an ASCII-fied misspelling.

It must never write outside the output folder, and never ship a source file.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..text.alphabet import VOWELS, ascii_fold, az_lower, harmony_class, vowel_count
from ..config import Policy
from ..data.format import FORMAT_VERSION, ROOT_SOURCE
from ..data.stats import ContextStats
from ..correct.channel.errormodel import confusion_costs, learn_confusions
from ..morphology import Analyzer, StemEntry, completes


# A word of the cleaned lexicons: lowercase Azerbaijani letters, optionally
# joined by hyphens.
_WORD = regex.compile(r"[a-zçəğıöşü]+(?:-[a-zçəğıöşü]+)*")
_LEADING_WORD = regex.compile(r"^([a-zçəğıöşü]+(?:-[a-zçəğıöşü]+)*)(?=$|[\s,(;:.])")
# "nəticələndirilm ək": a headword broken by a stray space.
_BROKEN_ENTRY = regex.compile(r"^[a-zçəğıöşü]+ [a-zçəğıöşü]{1,3}\s*$")

_HUNSPELL_POS = {
    "N": "noun", "O": "noun", "A": "adj", "J": "adj", "V": "verb", "E": "verb",
    "D": "adv", "B": "adv", "P": "pron", "R": "pron", "U": "num", "M": "num",
    "F": "conj", "G": "conj",
}
_AZNLP_POS = {"N": "noun", "A": "adj", "D": "adv", "V": "verb", "X": "other"}

SOURCE_LETTERS = {
    "m": "mozillaz-hunspell",
    "a": "az-lang-nlp",
    "h": "aznlp-headwords",
    "g": "aygun-lemmas",
    "e": "azelexicon",
    "f": "localdoc-freq",
}

# An ASCII-fied form is dropped when its diacritic twin is this much more
# frequent.


def clean_word(raw: str) -> str:
    """Normalise one lexicon entry: Cyrillic schwa, case, surrounding space."""
    word = raw.strip().replace("\u04d9", "ə").replace("\u04d8", "Ə").replace("\u01dd", "ə")
    return az_lower(word)


@dataclass
class StemTable:
    """Stems collected from all sources: (stem, pos) -> harmony, sources."""

    rows: dict[tuple[str, str], dict] = field(default_factory=dict)

    def add(self, stem: str, pos: str, source: str, harmony: int = 0) -> None:
        if not _WORD.fullmatch(stem) or vowel_count(stem) == 0 and len(stem) > 1 and pos != "other":
            return
        row = self.rows.setdefault((stem, pos), {"harmony": 0, "sources": set()})
        row["sources"].add(source)
        if harmony and not row["harmony"]:
            row["harmony"] = harmony


    def merged(self) -> dict[str, "MergedStem"]:
        """One record per stem; "nominal" (POS unknown) is dropped where a source gave a POS."""
        by_stem: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for (stem, pos), row in self.rows.items():
            by_stem[stem].append((pos, row))
        merged = {}
        for stem, rows in by_stem.items():
            pos_set = {pos for pos, _ in rows}
            if len(pos_set) > 1:
                pos_set.discard("nominal")
            harmony = next((row["harmony"] for _, row in rows if row["harmony"]), 0)
            sources = "".join(sorted(set().union(*(row["sources"] for _, row in rows))))
            merged[stem] = MergedStem(tuple(sorted(pos_set)), harmony, sources)
        return merged


@dataclass(frozen=True)
class MergedStem:
    pos: tuple[str, ...]
    harmony: int
    sources: str


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def add_mozillaz(table: StemTable, root: Path) -> None:
    lines = read_lines(root / "mozillaz-hunspell" / "az.dic")
    for line in lines[1:]:
        stem, _, flags = line.partition("/")
        word = clean_word(stem)
        # Flags come as letter+digit pairs (N1, G2O2); a bare letter has no class.
        for letter, digit in regex.findall(r"([A-Z])(\d?)", flags):
            pos = _HUNSPELL_POS.get(letter, "other")
            table.add(word, pos, "m", int(digit) if digit else 0)


def add_aznlp(table: StemTable, root: Path) -> None:
    for line in read_lines(root / "az-lang-nlp" / "dict.txt"):
        if len(line) < 2:
            continue
        table.add(clean_word(line[1:]), _AZNLP_POS.get(line[0], "other"), "a")


def add_verb_infinitives(table: StemTable, words: list[str], source: str) -> None:
    for word in words:
        if word.endswith(("maq", "mək")) and vowel_count(word[:-3]) > 0:
            table.add(word[:-3], "verb", source)


def add_glossed_list(table: StemTable, path: Path, source: str, infinitives: bool) -> None:
    """Headword lists with glosses: keep the leading word of each entry."""
    found = []
    for raw in read_lines(path):
        line = clean_word(raw)
        if not line or _BROKEN_ENTRY.match(line):
            continue
        match = _LEADING_WORD.match(line)
        if match:
            found.append(match.group(1))
    for word in found:
        table.add(word, "nominal", source)
    if infinitives:
        add_verb_infinitives(table, found, source)


def read_frequencies(root: Path) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    path = root / "localdoc-freq" / "frequency_dictionary_az_80k.txt"
    for line in read_lines(path):
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            continue
        word = clean_word(parts[0])
        if _WORD.fullmatch(word):
            counts[word] += int(parts[1])
    return dict(counts)


def diacritic_count(word: str) -> int:
    return sum(1 for a, b in zip(word, ascii_fold(word)) if a != b)


def drop_ascii_twins(counts: dict[str, int], stems: set[str], policy: Policy = Policy()) -> dict[str, int]:
    """Remove forms that are ASCII-fied spellings of a far more frequent twin."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        by_skeleton[ascii_fold(word)].append(word)
    kept = {}
    for word, count in counts.items():
        twins = by_skeleton[ascii_fold(word)]
        best = max(twins, key=lambda w: (counts[w], w))
        is_junk = (
            best != word
            and counts[best] >= policy.build_ascii_twin_ratio * count
            and diacritic_count(word) < diacritic_count(best)
            and word not in stems
        )
        if not is_junk:
            kept[word] = count
    return kept


def drop_misspelt_twins(counts: dict[str, int], analyzer: Analyzer, policy: Policy = Policy()) -> dict[str, int]:
    """Remove forms that no grammar reading explains and whose diacritic twin
    is far more frequent: misspellings the frequency list picked up (a
    dotless ı for i, ş for s) rather than ASCII-fied text."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        by_skeleton[ascii_fold(word)].append(word)
    kept = {}
    for word, count in counts.items():
        best = max(by_skeleton[ascii_fold(word)], key=lambda w: (counts[w], w))
        is_junk = (
            best != word
            and counts[best] >= policy.build_misspelt_twin_ratio * count
            and "-" not in word
            and word not in analyzer.stems
            and not analyzer.is_well_formed(word)
        )
        if not is_junk:
            kept[word] = count
    return kept


_SOFT = {"k": "y", "q": "ğ"}
_HIGH_VOWELS = "ıiuü"


class Softening:
    """Does a stem's final k/q soften to y/ğ before a vowel (çörək → çörəyi)?

    The attested forms decide: every form that goes on with a vowel counts
    (natiqin, ayağımız), and the commoner spelling wins. A stem with no such
    form follows the stems that end in the same three letters (the native
    -lıq softens, the Arabic -tiq does not) when they agree, and else may do
    either (flag ``o``).
    """

    AGREEMENT = 0.9  # share of the decided stems of an ending that must agree
    MIN_STEMS = 5  # decided stems an ending needs to speak for the rest

    def __init__(self, forms: dict[str, int], stems: dict):
        self.forms = forms
        self.keys = sorted(forms)
        votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for stem, entry in stems.items():
            decided = self._attested(stem, entry.harmony) if self._may_soften(stem) else None
            if decided is not None:
                votes[stem[-3:]][decided == "s"] += 1
        self.by_ending = {ending: "s" if soft > plain else "" for ending, (plain, soft) in votes.items()
                          if plain + soft >= self.MIN_STEMS and max(plain, soft) >= self.AGREEMENT * (plain + soft)}

    @staticmethod
    def _may_soften(stem: str) -> bool:
        return stem[-1] in _SOFT and vowel_count(stem) >= 2

    def _inflected(self, surface: str, harmony: int) -> int:
        """Summed counts of the forms that are ``surface`` and a suffix chain opening with a vowel
        (a word that merely starts so, qalmaqal beside qalmaq, is not one)."""
        total = 0
        low = bisect.bisect_left(self.keys, surface)
        for key in itertools.islice(self.keys, low, None):
            if not key.startswith(surface):
                break
            rest = key[len(surface):]
            if rest[:1] in VOWELS and completes(rest, "N", harmony, False):
                total += self.forms[key]
        return total

    def _attested(self, stem: str, harmony: int) -> str | None:
        """"s" or "" as the forms show, None when they show nothing."""
        harmony = harmony or harmony_class(stem) or 2
        plain = self._inflected(stem, harmony)
        soft = self._inflected(stem[:-1] + _SOFT[stem[-1]], harmony)
        if not plain and not soft:
            return None
        return "s" if soft >= plain else ""

    def flag(self, stem: str, harmony: int) -> str:
        if not self._may_soften(stem):
            return ""
        decided = self._attested(stem, harmony)
        if decided is None:
            decided = self.by_ending.get(stem[-3:], "o")
        return decided


def stem_flags(stem: str, pos: tuple[str, ...], harmony: int, forms: dict[str, int],
               softening: Softening | None = None) -> str:
    """Morphophonological flags of a stem, read off the attested forms."""
    flags = (softening or Softening(forms, {})).flag(stem, harmony)
    last = stem[-1]
    if "verb" in pos and last == "t":
        # Polysyllabic verbs in -t voice before a vowel (qorxut → qorxudur);
        # of the monosyllabic ones only those attested so (get → gedir).
        voiced = stem[:-1] + "d"
        endings = ("ir", "ər", "ib", "əcək", "in", "ır", "ar", "ıb", "acaq", "ur", "ub", "ür", "üb")
        if vowel_count(stem) >= 2 or any(forms.get(voiced + e, 0) for e in endings):
            flags += "d"
    if (
        len(stem) >= 3
        and stem[-2] in _HIGH_VOWELS
        and stem[-1] not in "aəıioöuüe"
        and stem[-3] not in "aəıioöuüe"
        and {"noun", "nominal", "adj"} & set(pos)
    ):
        dropped = stem[:-2] + stem[-1]
        if any(forms.get(dropped + v, 0) > forms.get(stem + v, 0) for v in _HIGH_VOWELS):
            flags += "v"
    return flags




def one_letter_words(entries: dict, forms: dict[str, int], stats: ContextStats,
                     policy: Policy = Policy()) -> dict[str, int]:
    """Counts for the one-letter words the frequency list leaves out (``o``),
    estimated from the running text and scaled to the list's counts. Only
    words a dictionary gives a part of speech count: a letter alone is more
    often an initial or a unit."""
    shared = [word for word in stats.unigrams if word in forms and word.isalpha()]
    scale = sum(forms[word] for word in shared) / max(sum(stats.unigrams[word] for word in shared), 1)
    return {stem: round(stats.unigram(stem) * scale) for stem, entry in entries.items()
            if len(stem) == 1 and stem not in forms and stats.unigram(stem) >= policy.build_one_letter_min_count
            and set(entry.pos) - {"nominal", "verb"}}


_PLAIN_WORD = regex.compile(r"^[a-zəıöüşçğ]{4,}$")


def attested_roots(forms: dict[str, int], analyzer: Analyzer, policy: Policy = Policy()) -> list[str]:
    """Frequent forms that no stem explains: loanwords and names the
    dictionaries miss (``sezon``, ``analitik``), which then take suffixes
    like any noun (``sezonda``)."""
    def is_suffix(form: str) -> bool:  # nın, lər: a suffix written apart
        return analyzer.fits_any_harmony(form)

    return sorted(
        form for form, count in forms.items()
        if count >= policy.build_root_min_count and _PLAIN_WORD.match(form) and vowel_count(form) >= 1
        and not analyzer.is_well_formed(form) and not is_suffix(form)
    )


def stem_evidence(entries: dict[str, StemEntry], forms: dict[str, int]) -> tuple[dict[str, int], dict[str, float]]:
    """Corpus counts of stems and shares of suffix tags, read off the attested forms.

    A stem's count is the summed count of the forms built on it. A tag's share
    is the corpus mass of the forms whose first analysis carries it, over the
    mass of all analysed forms: how often, in running text, a word has it.
    """
    analyzer = Analyzer(entries)
    evidence: dict[str, int] = defaultdict(int)
    parsed = []
    for form, count in forms.items():
        analyses = analyzer.analyze(form, limit=8)
        for stem in {a.stem for a in analyses}:
            evidence[stem] += count
        if analyses:
            parsed.append((count, [a.tags for a in analyses]))
    analysed_mass = sum(count for count, _ in parsed) or 1
    # Which analysis of an ambiguous form is meant is unknown: start from an
    # even split, then re-weight each analysis by the shares of its tags
    # (two rounds of expectation-maximisation).
    shares: dict[str, float] = {}
    for _round in range(3):
        tag_mass: dict[str, float] = defaultdict(float)
        for count, readings in parsed:
            weights = [_reading_weight(tags, shares) for tags in readings]
            total = sum(weights)
            for tags, weight in zip(readings, weights):
                for tag in set(tags):
                    tag_mass[tag] += count * weight / total
        shares = {tag: mass / analysed_mass for tag, mass in tag_mass.items()}
    return evidence, shares


def _reading_weight(tags: tuple[str, ...], shares: dict[str, float]) -> float:
    weight = 1.0
    if shares:
        for tag in tags:
            weight *= shares.get(tag, 1e-6)
    return weight


# A stem that only one source lists, that no attested form is built on and that
# is this short is more likely a dictionary typo than a word ("məktə", "sey").


def is_trusted(stem: str, sources: str, evidence: int, policy: Policy = Policy()) -> bool:
    if vowel_count(stem) == 0:
        return False
    return len(sources) > 1 or evidence > 0 or len(stem) > policy.build_untrusted_stem_length


def collect(root: Path) -> tuple[StemTable, dict[str, int]]:
    table = StemTable()
    add_mozillaz(table, root)
    add_aznlp(table, root)
    verbs = [clean_word(w) for w in read_lines(root / "aygun-lemmas" / "verb_lemmas.txt")]
    add_verb_infinitives(table, verbs, "g")
    add_glossed_list(table, root / "aygun-lemmas" / "general_lemmas.txt", "g", infinitives=False)
    add_glossed_list(table, root / "aznlp-headwords" / "words.txt", "h", infinitives=True)
    add_glossed_list(table, root / "azelexicon" / "words.txt", "e", infinitives=True)
    stems = {stem for stem, _ in table.rows}
    forms = drop_ascii_twins(read_frequencies(root), stems)
    return table, forms


# OCR pages whose confusions are learnt; the Wikipedia pages stay unseen for evaluation.
CONFUSION_PAGES = "ntrex_dev_*.ocr.txt"


def build_confusions(source: Path, out: Path) -> list[str]:
    """Letter confusions of real Tesseract output, learnt from OCR/gold page pairs."""
    pairs, letters = [], defaultdict(int)
    for ocr in sorted((source / "ocr").glob(CONFUSION_PAGES)):
        gold = ocr.with_name(ocr.name.replace(".ocr.", ".gold.")).read_text(encoding="utf-8")
        pairs.append((ocr.read_text(encoding="utf-8"), gold))
        for ch in gold:
            letters[ch] += 1
    counts = learn_confusions(pairs)
    costs = confusion_costs(counts, letters)
    rows = [f"{a}\t{b}\t{counts[(a, b)]}\t{cost}" for (a, b), cost in sorted(costs.items())]
    write_tsv(out / "confusions.tsv", f"azfix OCR confusions v{FORMAT_VERSION}: intended observed count cost", rows)
    return rows


def web_forms(path: Path, lexicon) -> list[str]:
    """The forms of Tesseract's web word list that the frequency list lacks
    and that are sound: well formed by the stems, with no attested form
    sharing their diacritic skeleton (the list also holds ASCII-fied
    spellings such as ``siyaset``, which a twin gives away).

    A form the web has written is likelier than one merely well formed; it
    is never made "known" by the list (see :meth:`azfix.data.lexicon.Lexicon.unseen_form_prior`)."""
    if not path.is_file():
        raise FileNotFoundError(f"no Tesseract word list at {path}")
    skeletons = {ascii_fold(form) for form in lexicon.forms}
    words = {az_lower(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()}
    return sorted(word for word in words
                  if word.isalpha() and word not in lexicon.forms and ascii_fold(word) not in skeletons
                  and lexicon.is_known_lower(word))


def write_tsv(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(f"# {header}\n" + "\n".join(rows) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(source: Path, out: Path) -> dict:
    """Build every dictionary file from ``source`` (the shared data folder) into ``out``."""
    root = source / "lexicon"
    if not root.is_dir():
        raise FileNotFoundError(f"no lexicon folder at {root}")
    out.mkdir(parents=True, exist_ok=True)
    table, forms = collect(root)

    merged = table.merged()
    softening = Softening(forms, merged)
    entries = {stem: StemEntry(m.pos, m.harmony, stem_flags(stem, m.pos, m.harmony, forms, softening))
               for stem, m in merged.items()}
    forms = drop_misspelt_twins(forms, Analyzer(entries))
    for new_root in attested_roots(forms, Analyzer(entries)):
        merged[new_root] = MergedStem(("nominal",), 0, ROOT_SOURCE)
        entries[new_root] = StemEntry(("nominal",), 0, stem_flags(new_root, ("nominal",), 0, forms, softening))
    evidence, tag_shares = stem_evidence(entries, forms)
    stem_rows = [
        f"{stem}\t{','.join(entry.pos)}\t{entry.harmony}\t{entry.flags}\t{evidence.get(stem, 0)}\t{merged[stem].sources}"
        for stem, entry in sorted(entries.items())
        if is_trusted(stem, merged[stem].sources, evidence.get(stem, 0))
    ]
    write_tsv(out / "stems.tsv", f"azfix stems v{FORMAT_VERSION}: stem pos harmony flags count sources", stem_rows)
    tag_rows = [f"{tag}\t{share:.6g}" for tag, share in sorted(tag_shares.items())]
    write_tsv(out / "tags.tsv", f"azfix suffix tags v{FORMAT_VERSION}: tag share", tag_rows)

    texts = sorted((source / "text").glob("*.txt"))
    stats = ContextStats.from_texts(p.read_text(encoding="utf-8") for p in texts)
    forms.update(one_letter_words(entries, forms, stats))
    form_rows = [f"{w}\t{c}" for w, c in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    write_tsv(out / "forms.tsv", f"azfix forms v{FORMAT_VERSION}: form count", form_rows)

    confusion_rows = build_confusions(source, out)

    # The candidate indexes, so that no process has to build them (see azfix.data.keytable).
    from ..correct.candidates.index import CandidateIndex
    from ..correct.channel.charmodel import CharModel
    from ..data.lexicon import Lexicon

    shipped = Lexicon.read_tables(out)
    web_rows = web_forms(root / "tesseract-aze" / "aze_wordlist.txt", shipped)
    write_tsv(out / "web.tsv", f"azfix web forms v{FORMAT_VERSION}: form", web_rows)
    index = CandidateIndex(shipped)
    index.save(out / "candidates.bin")
    letters = CharModel(shipped.forms)
    letters.save(out / "letters.tsv.gz", shipped.forms)
    index_rows = sum(map(len, (index.form_skeletons, index.form_deletes, index.stem_skeletons, index.stem_deletes)))

    stats.save(out / "context.tsv.gz")
    context_rows = len(stats.unigrams) + len(stats.bigrams)

    inputs = sorted(p for p in list(root.rglob("*")) + texts if p.is_file())
    manifest = {
        "format_version": FORMAT_VERSION,
        "files": {
            name: {"sha256": sha256(out / name), "rows": n}
            for name, n in (("stems.tsv", len(stem_rows)), ("forms.tsv", len(form_rows)),
                            ("tags.tsv", len(tag_rows)), ("confusions.tsv", len(confusion_rows)),
                            ("context.tsv.gz", context_rows), ("candidates.bin", index_rows),
                            ("letters.tsv.gz", len(letters.counts) + len(letters.histories)),
                            ("web.tsv", len(web_rows)))
        },
        "inputs": {str(p.relative_to(source)): sha256(p) for p in inputs},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m azfix.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data"), help="shared data folder")
    parser.add_argument("--out", type=Path, default=Path("dictionaries"), help="output folder")
    args = parser.parse_args(argv)
    try:
        manifest = build(args.source, args.out)
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        print(f"azfix build: {exc}", file=sys.stderr)
        return 2
    for name, info in manifest["files"].items():
        print(f"{name}: {info['rows']} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
