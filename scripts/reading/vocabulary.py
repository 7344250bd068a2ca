"""Words the whole project shares: the casualty claim types and the quotation marks it reads. One definition
each, so the build, the row rules, the figure and the draft cannot disagree on them."""

from __future__ import annotations

CASUALTY_TYPES = ("killed", "wounded", "captured", "missing", "displaced")  # the order the figure shows them in

QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}  # each double opening mark and the mark that closes it
