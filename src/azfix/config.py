"""Every option of the pipeline (:class:`CleanerConfig`) and every number that decides a change (:class:`Policy`).

A :class:`Policy` is one frozen record: each field says what it decides, and
how its value was set (fitted or measured on the development texts, or chosen
and why). Nothing else in the package holds a tuning constant; benchmarks
can sweep the Policy with :func:`dataclasses.replace`.

>>> from dataclasses import replace
>>> strict = replace(Policy(), realword_prior=0.01)
>>> strict.realword_prior, Policy().realword_prior
(0.01, 0.1)
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CleanerConfig", "Policy"]


@dataclass(frozen=True)
class Policy:
    """The thresholds, factors and priors of the decision, the rules and the layout stage."""

    # -- the noisy channel (azfix.correct.channel) ----------------------------
    alpha: float = 9.66  # log odds per unit of error cost (fitted on the tuning half: benchmarks/tune.py)
    oov_prior: float = 1.0e-8  # prior of an unknown word being a correct rare word (fitted on the tuning half)
    looks_weight: float = 0.5  # nats of prior per nat of letter-model oddness (fitted on development noise)
    looks_neutral: float = -4.0  # the letter-model oddness at which the look says nothing (fitted)
    looks_bonus: float = 2.0  # the most a natural look raises the unknown-word prior, nats (fitted)
    looks_penalty: float = 3.0  # the most an odd look lowers it, nats (fitted)
    odd_letter: float = -6.0  # a letter this unlikely (log) denies a word the natural-look bonus (chosen)
    known_floor: float = 5e-8  # prior of a well-formed word no count covers: the frequency list stops at 410 in 725M tokens
    split_prior: float = 20.0  # odds of a glued pair over its unigram product (fitted on development noise)
    split_cost: float = 0.65  # error cost of a missing space (fitted on the tuning half)
    ascii_diacritic_cost: float = 0.036  # a missing diacritic in text typed without Azerbaijani letters: the rule there (fitted on the tuning half)
    max_association: float = 1.5  # the most log odds one neighbour adds per doubling of its pair count (chosen: bounds one sighting)
    context_backoff: float = 5.0  # pseudo-count of the unigram prior in a smoothed bigram probability (chosen)
    context_discount: float = 0.5  # absolute discount of a pair count: a pair seen once is weak evidence (chosen)
    class_smoothing: float = 8.0  # pseudo-counts of the pooled class distribution added to each word's (chosen)
    class_max_preference: float = 3.0  # the most one neighbour's class can say, log odds (chosen)
    class_max_fit: float = 1.5  # ... and in ASCII-typed text, where the neighbours are guessed restorations (half)
    class_readings: int = 8  # analyses weighed for a word's class (the likeliest is nearly always among them)

    # -- the error model's costs (azfix.correct.channel.errormodel) ------------
    diacritic_cost: float = 0.25  # a lost or swapped diacritic (fitted on development noise)
    added_mark_cost: float = 0.5  # a consonant's mark that is not there (s written ş): the OCR pages show about 0.5
    doubling_cost: float = 0.4  # a letter doubled or undoubled (fitted)
    ocr_cost: float = 0.55  # a common OCR confusion without a learnt cost (fitted); learnt costs are data (confusions.tsv)
    keyboard_cost: float = 0.75  # a neighbouring key (fitted)
    transpose_cost: float = 0.49  # two letters swapped (fitted on the tuning half)
    default_cost: float = 1.0  # any other substitution or insertion: the unit of cost
    dropped_cost: float = 0.58  # a letter left out: one way to do it, where a wrong letter has thirty (fitted on the tuning half)

    # -- candidates (azfix.correct.candidates) --------------------------------
    cheap_substitution: float = 0.55  # substitutions tried when generating unseen inflections (= ocr_cost)
    realword_min_count: int = 500  # real-word candidates are frequent words (measured: rarer swaps were noise)
    realword_max_cost: float = 1.0  # a real-word twin is one slip away at most: the unit of cost
    max_priced: int = 25  # candidates priced by the error model, best skeleton match first (bounds the work)
    max_skeleton_edits: int = 2  # candidates further from the word's skeleton are never priced (more is never affordable)
    prune_margin: float = 12.0  # nats behind the best: an option this far back cannot win nor take a measurable share
    cheap_form_cost: float = 0.5  # a fix among attested forms this cheap ends the search
    forms_enough_cost: float = 1.0  # ... one this cheap skips the one-edit inflections
    split_readings: int = 4  # near forms tried for the garbled side of a split
    split_min_count: int = 1000  # both words of a split are this frequent
    function_word_count: int = 200_000  # ... or one of them this frequent and the other well formed
    exact_split_min_count: int = 100  # ... or, written exactly, one of them at least this frequent
    function_split_min_length: int = 3  # a function word and an inflection split only when both have this many letters

    # -- the decision (azfix.correct.decide) ----------------------------------
    # logit P(an unknown word is meant as written) = intercept + weights · the features of
    # azfix.correct.channel.detect.FEATURES; fitted by benchmarks/fit_detector.py on the tuning half.
    detector: tuple[float, ...] = (-1.8902, -0.0164, -0.3502, -0.2217, -0.3303, -0.603, 0.5543, 0.1736, 0.21, -0.3847, 2.3325, 1.494)  # fitted (see above)
    temperature: float = 1.3  # the scores are divided by this before their shares are taken (fitted on the tuning half)
    settle_passes: int = 2  # word passes after the first while they change something (a fix may call for another)
    realword_prior: float = 0.1  # odds a known word reaching the question is a real-word error (measured: 4x the fixes of 2e-3, no clean change)
    attesting_pairs: int = 2  # bigrams with a neighbour that attest a real-word swap the word itself lacks
    lopsided: float = 20.0  # a swap this much commoner than the word needs one attesting bigram, not two
    class_evidence: float = 0.7  # ... or the neighbours' classes prefer the swap this much, log odds (measured)
    class_min_prior_ratio: float = 0.1  # ... and the swap is at least this frequent relative to the word
    twin_factor: float = 0.1  # an unknown diacritic twin of a known word is rarely a real word
    twin_split_part: int = 3  # a glued pair counts as a twin when both words have this many letters
    glued_case_factor: float = 0.1  # ... likelier still when its first word ends in a case suffix
    near_copy_cost: float = 0.45  # an unknown word this close to a known one earns nothing for its look
    ascii_twin_prior: float = 0.6  # in ASCII-typed text, odds that a known word lost its diacritics
    ascii_keep_share: float = 0.05  # ... below this share of the posterior it cannot stay as it is
    ascii_majority: float = 0.5  # ... and the twin holding this share is taken below the threshold
    ascii_slip_cost: float = 0.5  # extra cost of any other fix of an ASCII word with a diacritic twin
    ascii_min_letters: int = 200  # a text this long with almost no Azerbaijani letter was typed without them
    ascii_max_share: float = 0.005  # ... "almost none": one letter in 200 (ordinary text has one in eight)
    suspect_ratio: float = 100.0  # a suspect form whose fix is this much commoner competes with it (dictionaries/suspects.tsv)
    name_keep_factor: float = 58.8  # an unknown capitalised word inside a sentence is this much likelier correct (a name) than a lowercase one
    capitalised_typo_min_length: int = 4  # a capitalised unknown word shorter than this gets no typo fix (Air, Yo: names, codes)
    repeated: int = 3  # an unknown word this frequent in one text is taken as intended
    redecide_rounds: int = 3  # rounds of deciding again beside fixes (two fixes side by side need two)

    # -- rules (azfix.correct.rules) ------------------------------------------
    suffix_harmony_confidence: float = 0.9  # a suffix given the harmony of a quoted name or a number (a rule, not a posterior)
    turkish_spelling_confidence: float = 0.95  # a shared word spelt the Turkish way in Azerbaijani text (a reviewed table, not a posterior)
    hyphen_join_confidence: float = 0.95  # a hyphenated ending joined to its word (a rule, not a posterior)
    merge_confidence: float = 0.9  # a word broken by a space joined (a rule, not a posterior)
    frequent_twin: int = 100_000  # a piece of a broken word that is such a word but for its diacritics is that word
    min_name: int = 5  # a name written alone whose ending is mended is at least this long
    max_name_ending: int = 6  # ... and the ending at most this long
    harmony_repair_stem_share: float = 0.6  # the unchanged stem must be this much of a capitalised word
    name_sightings: int = 3  # inside-sentence sightings before a word's capitalisation is trusted
    name_capitalised_share: float = 0.9  # a word capitalised this often inside sentences is a name
    name_fix_sightings: int = 2  # inside-sentence sightings of a capitalised word's fix that let its case decide
    name_fix_capitalised_share: float = 0.5  # ... the fix is a name when capitalised at least this often there
    name_fix_readings: int = 8  # analyses of a fix searched for a suffix-harmony repair (the likeliest come first)
    name_stem_min_length: int = 5  # an unattested stem this long may carry a harmony repair
    acronym_max_length: int = 4  # an all-capital unknown word this short is an acronym, never corrected
    foreign_span_confidence: float = 0.9  # a span without ə the language identifier gives another language this surely is left alone
    foreign_span_min_letters: int = 12  # ... if it has at least this many letters (fewer say too little)
    foreign_neighbours: int = 2  # foreign words among the four neighbours that make a word part of a foreign span
    min_hyphen_host: int = 3  # the shortest name a hyphenated suffix is joined to
    glued_particle_min_host: int = 2  # the shortest word a glued particle (da, də, ki) is split from
    glued_particle_host_count: int = 10_000  # ... a word this frequent: a rarer host may be a stem the table lacks
    glued_particle_confidence: float = 0.9  # a particle glued to its word split off (a rule, not a posterior)
    detached_ending_min_length: int = 2  # a letter alone after a number's dash is as often a list mark or a variable (5 - a)
    merge_min_suffix: int = 2  # a letter alone after a word is as often an initial or a list mark
    merge_common_in_text: int = 3  # sightings of the joined word in the running text that speak for a merge
    merge_max_ending: int = 7  # the longest ending looked for written apart (ların, larının)
    merge_joined_evidence: float = 3.0  # log10 odds of the joined word over the pair by chance that a merge needs

    # -- the character stages (azfix.stages.normalize, azfix.stages.mojibake) -
    schwa_confidence: float = 0.99  # a Cyrillic or turned schwa in Latin text: Azerbaijani has only one schwa
    lookalike_confidence: float = 0.98  # a Cyrillic or Greek look-alike inside a Latin word (one script per word)
    lookalike_word_confidence: float = 0.9  # a word of Cyrillic look-alikes among Latin words, its Latin reading known
    script_context_words: int = 2  # words either side that tell a word's script, or that a lowercase word is Azerbaijani
    stray_accent_confidence: float = 0.9  # an accent Azerbaijani never writes dropped, the word then known
    stray_accent_min_length: int = 3  # a shorter accented word (à, né) is more often French or Spanish
    legacy_font_confidence: float = 0.95  # an old font's Ģ inside a Latin word (ş; the capital is rarely meant)
    invisible_confidence: float = 1.0  # an invisible character inside text: never meant to be read
    ligature_confidence: float = 1.0  # a typographic ligature: the same letters
    composed_confidence: float = 1.0  # NFC composition changes no letter, only how it is encoded
    mojibake_confidence: float = 0.95  # a stretch ftfy re-decodes (its own detection decides)

    # -- the script stage (azfix.stages.script) -------------------------------
    transliteration_confidence: float = 0.99  # a Cyrillic word with one Latin reading: the 1958 alphabet is a one-to-one table
    transliteration_lexicon_confidence: float = 0.9  # a word with several readings, the one the lexicon knows taken (chosen)
    transliteration_guess_confidence: float = 0.7  # ... none known: the preferred reading by rule (a name, a rare loan)
    transliteration_max_readings: int = 16  # readings of one word weighed (a bound: a Russian word with many е ц ю)
    russian_min_letters: int = 12  # a Cyrillic passage this long may be judged Russian (= foreign_span_min_letters: fewer say too little)
    russian_confidence: float = 0.8  # lingua's share for Russian among the Cyrillic languages a Russian passage needs (measured: 0.9 keeps 84% of Russian sentences, not 90%)
    russian_known_share: float = 0.5  # a passage without Russian letters this share of whose words read as known Azerbaijani is Azerbaijani (measured: 0.67 lets 4% of Azerbaijani clauses stay Cyrillic)

    # -- the layout stage (azfix.stages.layout) -------------------------------
    full_line: float = 0.85  # a line this share of the typical width ran to the margin
    speckle_page_share: float = 0.15  # a page this share of whose lines carry edge junk is speckled (digit specks go); tuning pages: flat from 0.05 to 0.15, 0.3 loses
    speckle_habit: int = 3  # line-start marks inside paragraphs before dashes at paragraph starts count as noise
    list_run: int = 3  # this many lines in a row opening with the same list mark are a list, not OCR specks
    wrapped_min_lines: int = 6  # a page needs this many lines to be judged hard-wrapped
    wrapped_full_share: float = 0.5  # ... this share of them stopping mid-sentence
    wrapped_goes_on_share: float = 0.3  # ... and this share going on into the next line
    short_line: float = 0.6  # a line ending a sentence shorter than this share of the width ends its paragraph
    speckle_confidence: float = 0.8  # OCR specks at a line edge removed (a rule, not a posterior)
    dehyphenate_confidence: float = 0.95  # a word broken at a line end joined, the joined word known
    unsure_dehyphenate_confidence: float = 0.7  # ... joined, the word known neither joined nor hyphenated
    line_join_confidence: float = 0.9  # a word broken behind OCR debris joined, or a compound's line break closed
    unwrap_confidence: float = 0.9  # a hard-wrapped line joined to the next
    paragraph_confidence: float = 0.85  # a paragraph broken mid-sentence joined
    whitespace_confidence: float = 1.0  # blank lines at the edges or in runs: layout, never words

    # -- the offline build (azfix.build) --------------------------------------
    build_ascii_twin_ratio: int = 20  # an ASCII form this much rarer than its diacritic twin is the twin typed without letters
    build_misspelt_twin_ratio: int = 50  # an unanalysable form this much rarer than its twin is a misspelling
    build_one_letter_min_count: int = 20  # running-text sightings a one-letter word needs for a count of its own
    build_suspect_ratio: int = 20  # a form one edit from a form this much commoner, unexplained by curated stems, is listed as suspect
    build_root_min_count: int = 500  # an unanalysable form this frequent is a root of its own
    build_untrusted_stem_length: int = 4  # a stem this short from one source needs evidence
    build_softening_agreement: float = 0.9  # share of the decided stems of an ending that must agree on softening
    build_softening_min_stems: int = 5  # decided stems an ending needs to speak for the rest


@dataclass(frozen=True)
class CleanerConfig:
    """Every option of the pipeline.

    script: the script of the input. ``"latin"`` (the default): Latin
        Azerbaijani; Cyrillic words are left to the normalize stage.
        ``"auto"``: Azerbaijani Cyrillic passages are transliterated to the
        Latin alphabet first (azfix.stages.script), Russian passages stay;
        a text with no letter only Azerbaijani Cyrillic writes (``ә ғ ҹ һ ј
        ө ү ҝ``) is left as it is. ``"cyrillic"``: the text is Azerbaijani
        Cyrillic: every Cyrillic passage not judged Russian is transliterated.
    normalize: run the Unicode stage (look-alike letters, Cyrillic ә,
        legacy-font Ģ, invisible characters, ligatures).
    mojibake: repair UTF-8 text that was decoded with another code page
        (``AzÉ™rbaycan`` → ``Azərbaycan``; ftfy's detection and repair).
    layout: run the layout stage (end-of-line hyphens, hard-wrapped lines,
        paragraphs broken mid-sentence, stray blank lines, OCR speckle at line edges).
    correct: run word correction.
    min_confidence: a non-word correction is applied only at or above this
        posterior confidence (0–1).
    realword_min_confidence: the same for real-word corrections (a correct
        word replaced by another), which are weighed only where the
        neighbours speak for the other word (an attested pair, or the
        classes of the neighbours: azfix.correct.channel.classcontext).
    max_cost: the largest error-model cost a correction may have (1.0 = one
        arbitrary typo; a lost diacritic costs 0.25).
    realword: check known words against their confusion sets in context.
    hyphen_suffix: join suffixes wrongly hyphenated onto words (Bakı-nın). (The
        vowels of a suffix are mended either way: 2016-ci → 2016-cı, BMT-den → BMT-dən.)
    splits: propose splitting glued words.
    merges: join a word broken by a space (``daşıy ir``, ``ayı nın``).
    protect: words never changed (compared as written and lowercased).
    user_words: extra correct words.
    hunspell: Hunspell dictionaries (paths without .dic/.aff) whose words
        count as correct too.
    stats: path of context statistics made by ``azfix train``, added to the
        shipped ones (None: the shipped statistics only).
    shipped_stats: use the shipped statistics; False with ``stats`` uses only
        the user's (for a corpus of another domain, or held-out evaluation).
    policy: the numbers behind every decision (:class:`Policy`).
    """

    normalize: bool = True
    mojibake: bool = True
    layout: bool = True
    correct: bool = True
    min_confidence: float = 0.67  # fitted on the tuning half for F0.5 (benchmarks/tune.py)
    realword_min_confidence: float = 0.6  # set on the development noise for F0.5
    max_cost: float = 2.1  # two arbitrary slips and a diacritic, at most
    realword: bool = True
    hyphen_suffix: bool = True
    splits: bool = True
    merges: bool = True
    protect: frozenset[str] = frozenset()
    user_words: frozenset[str] = frozenset()
    hunspell: tuple[str, ...] = ()
    stats: str | None = None
    shipped_stats: bool = True
    policy: Policy = field(default_factory=Policy)
    script: str = "latin"

    def __post_init__(self):
        if self.script not in ("latin", "auto", "cyrillic"):
            raise ValueError(f"script must be 'latin', 'auto' or 'cyrillic', not {self.script!r}")
