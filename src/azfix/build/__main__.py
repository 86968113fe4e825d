"""``python -m azfix.build``: build the shipped dictionaries from the source data."""

from .dictionaries import main

raise SystemExit(main())
