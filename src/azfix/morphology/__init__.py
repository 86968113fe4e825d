"""Azerbaijani morphology: the suffix grammar (grammar), stem and host phonology (phonology), and the analyzer over a stem table (analyzer)."""

from .analyzer import Analysis, Analyzer, StemEntry
from .grammar import GRAMMAR, completes
from .phonology import host_phonology

__all__ = ["Analysis", "Analyzer", "GRAMMAR", "StemEntry", "completes", "host_phonology"]
