"""export: azfix's lexicon written in other tools' formats (a Hunspell dictionary)."""
