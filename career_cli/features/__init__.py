"""What users ask of a comparison, built on ``compare``: the promotion gap and the evidence read
against it, the whole ladder of threads, theme search, and lint rules for maintainers.

Each feature returns a model of its result for ``render`` to show; none of them prints.
"""
