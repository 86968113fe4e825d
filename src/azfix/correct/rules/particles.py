"""Particles glued to the word before them: ``Buradada`` is ``Burada da``, ``Beləki`` is ``Belə ki``.

The particles ``da``/``də`` ("too") and ``ki`` ("that") are written apart,
and look like the locative ``-da``/``-də`` and the ``-ki`` of ``evdəki``,
which are not. A word that ends in one of them is split when the word before
it is a frequent word and the grammar reads the ending only as that ending
straight on it where it cannot stand:

- a locative on an adverb, postposition or conjunction (``hələ+də``,
  ``görə+də``, ``burada+da``: ``burada`` is itself a locative). A noun,
  pronoun, numeral or adjective takes it (``Bakıda``, ``anada`` stay);
- ``-ki`` straight on anything but a noun (``belə+ki``, ``təbii+ki``). A
  noun of time takes it (``dəfəki``), and so does a locative or genitive
  (``evdəki``, ``nəzdindəki``); a word the stem table lists itself
  (``indiki``, ``sonrakı``) is a word.

The particle ``da``/``də`` follows the vowel harmony of its word
(``hələ də``, ``sonra da``); ``ki`` never changes. An unknown word ending in
a particle (``bildirdiki``) is left to the word stage's splits.

>>> from azfix.data.lexicon import default_lexicon
>>> glued_particle("Buradada", default_lexicon()), glued_particle("Bakıda", default_lexicon())
('Burada da', None)
"""

from __future__ import annotations

from ...config import Policy
from ...data.lexicon import Lexicon
from ...edits import Edit, EditKind
from ...text.alphabet import BACK_VOWELS, az_lower, last_vowel
from ...text.tokenize import Token

__all__ = ["PARTICLE_ENDINGS", "glued_particle", "particle_edit"]

SPLIT = EditKind.SPLIT

# The particle, the grammar's tag for the ending it looks like, and the parts
# of speech that take that ending straight on the stem.
_PARTICLES = (
    ("da", "LOC", frozenset({"noun", "nominal", "pron", "num", "adj"})),
    ("də", "LOC", frozenset({"noun", "nominal", "pron", "num", "adj"})),
    ("ki", "KI", frozenset({"noun", "nominal"})),
)
# What a lowercase word must end in to carry a glued particle (the test before the costlier ones).
PARTICLE_ENDINGS = tuple(particle for particle, _tag, _hosts in _PARTICLES)
# A host written as a locative or genitive takes -ki (nəzdində+ki, mənim+ki).
_LOCATIVE_OR_GENITIVE = ("da", "də", "ta", "tə", "ın", "in", "un", "ün", "im", "ım")


def glued_particle(word: str, lexicon: Lexicon, policy: Policy = Policy()) -> str | None:
    """``word`` with its glued particle written apart (``Beləki`` → ``Belə ki``), or None."""
    lower = az_lower(word)
    if not lower.isalpha() or lower in lexicon.stems:
        return None
    for particle, tag, hosts in _PARTICLES:
        if not lower.endswith(particle):
            continue
        host = lower[:-len(particle)]
        if len(host) < policy.glued_particle_min_host or lexicon.forms.get(host, 0) < policy.glued_particle_host_count:
            continue
        vowel = last_vowel(host)
        if particle != "ki" and vowel is not None and (vowel in BACK_VOWELS) != (particle == "da"):
            continue  # da after a back vowel, də after a front one
        if particle == "ki" and host.endswith(_LOCATIVE_OR_GENITIVE):
            continue
        analyses = lexicon.analyze(lower)
        if analyses and all(a.stem == host and a.suffixes == ((tag, particle),) and a.pos not in hosts
                            for a in analyses):
            cut = len(word) - len(particle)
            return f"{word[:cut]} {word[cut:]}"
    return None


def particle_edit(token: Token, split: str | None, policy: Policy = Policy()) -> Edit | None:
    """The ``split`` edit of a word token whose glued particle is ``split`` (from :func:`glued_particle`)."""
    if split is None:
        return None
    return Edit(token.start, token.end, token.text, split, SPLIT, policy.glued_particle_confidence)
