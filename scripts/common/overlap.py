"""Work spread over threads with bounded memory. pyarrow, polars, numpy, hashlib and file reads let go of the
interpreter while they work, so pieces of a table (or chunks of article files) checked on two threads use both
cores; results come back in order, so what is reported does not depend on which thread finished first."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_ahead(function: Callable[[Item], Result], items: Iterable[Item], workers: int = 2) -> Iterator[Result]:
    """function(item) for each item, in the items' order, on `workers` threads: while the caller works on one
    result, the next `workers` items are being worked on or wait for a thread, and no more are drawn (a thread
    that is done goes straight on to the next item, rather than wait for the caller to draw one). Items are drawn
    on the caller's thread; an error of function is raised here, at its item."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Result]] = deque()
        for item in items:
            if len(pending) == workers:
                done = pending.popleft().result()
                pending.append(pool.submit(function, item))
                yield done
            else:
                pending.append(pool.submit(function, item))
        while pending:
            yield pending.popleft().result()
