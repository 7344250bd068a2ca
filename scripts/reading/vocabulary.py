"""Words the whole project shares: the casualty claim types and the quotation marks it reads. One definition
each, so the build, the row rules, the figure and the draft cannot disagree on them."""

from __future__ import annotations

CASUALTY_TYPES = ("killed", "wounded", "captured", "missing", "displaced")  # the order the figure shows them in

# Each double opening mark and the mark that closes it: English curly and straight quotes, guillemets, and the
# low-high marks of German and East European copy („…“, whose closing mark is the English opening one).
QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»", "„": "“"}
