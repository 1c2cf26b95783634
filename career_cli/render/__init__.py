"""Renderers: a model in, a string out. None of them prints.

``json_doc`` and ``markdown`` use only the standard library; ``terminal`` is the only module in the
package that imports Rich, and the CLI imports it only when it renders for a terminal.
"""
