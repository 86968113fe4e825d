"""Adapters that put the Cleaner into corpus pipelines: datatrove (:mod:`.datatrove`) and Hugging Face datasets (:mod:`.hf`).

Each adapter needs its library, installed with an extra (``pip install
'azfix[datatrove]'`` or ``'azfix[hf]'``); ``import azfix`` never imports
them, and importing an adapter without its library raises an ImportError
that names the extra.
"""
