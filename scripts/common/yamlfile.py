"""YAML reading that remembers line numbers, so a coding error points at the line to fix; and the scalars the
commands that write codings (draft, the synthetic generator) put in them."""

from __future__ import annotations

import json
import re

import yaml


class Mapping(dict):
    """A YAML mapping that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


# libyaml's parser, where PyYAML has it, is about ten times faster; the constructors (and so the line
# numbers and the duplicate-key check) are the same Python ones. A document it refuses is parsed again by
# the Python parser, so that a syntax error reads the same on every machine.
# Both kinds of loader build with yaml's SafeConstructor, which is where add_constructor lives.
_FastLoader: type[yaml.constructor.SafeConstructor] = (
    type("_FastLoader", (yaml.CSafeLoader,), {}) if getattr(yaml, "__with_libyaml__", False) else _Loader
)


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a word, not a list or mapping", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {result.key_lines[key]})", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_str_date(loader, node):
    # Keep dates as text: they are parsed (and checked) by the same code as every other date.
    return loader.construct_scalar(node)


_LOADERS: set[type[yaml.constructor.SafeConstructor]] = {_Loader, _FastLoader}
for _loader in _LOADERS:
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str_date)


class YamlError(Exception):
    def __init__(self, message, line, rule):
        self.message, self.line, self.rule = message, line, rule
        super().__init__(f"line {line}: {message}")


# Codings and the registry are small and flat. Larger or deeper documents, and anchors on lists or mappings (whose
# aliases can expand ten times at each of thirty levels), are refused before they are built in memory; an anchor on
# a text (an evidence used twice, `&words` then `*words`) expands to nothing larger than the file.
MAX_BYTES = 16 << 20
MAX_DEPTH = 32


def check_limits(text: str) -> None:
    """YamlError (rule yaml-limit) for a document too large, nested too deep, or with an anchor on a list or
    mapping; the events are read one by one (no recursion), so the check itself is bounded."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise YamlError(
            f"the file has {size:,} bytes; a coding or registry file may have at most {MAX_BYTES:,}: "
            "split the work into several articles",
            None,
            "yaml-limit",
        )
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.anchor is not None:
                    raise YamlError(
                        f"an anchor (&{event.anchor}) on a list or mapping: an alias may repeat a text, "
                        "not a list or mapping; write it out",
                        line,
                        "yaml-limit",
                    )
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(
                        f"lists and mappings nest more than {MAX_DEPTH} levels deep here; a coding needs four",
                        line,
                        "yaml-limit",
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # a syntax error: load_yaml reports it with its line


def load_yaml(text: str):
    """Parse YAML text into Mapping/Sequence objects; raise YamlError with the line on a syntax error, or on a
    document beyond the limits (check_limits)."""
    check_limits(text)
    if _FastLoader is not _Loader:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass  # parsed again below, for the message
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        return_msg = f"not valid YAML: {problem}" + (f" ({exc.context})" if exc.context else "")
        raise YamlError(return_msg, line, "yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}", None, "yaml-syntax") from None


def key_path(path) -> str:
    """['claims', 3, 'type'] -> 'claims[3].type' (the place a contributor looks for)."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def leaves(document, skip=frozenset()):
    """(key path, nearest mapping key, value) of every value that is neither a list nor a mapping, in document
    order, leaving out what stands under a key of `skip`; a loop, not recursion, since a document may nest deeper
    than Python recurses."""
    stack = [([], None, document)]
    while stack:
        path, key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(reversed([([*path, k], k, v) for k, v in node.items() if k not in skip]))
        elif isinstance(node, list):
            stack.extend(reversed([([*path, i], key, v) for i, v in enumerate(node)]))
        else:
            yield path, key, node


def line_at(document, path) -> int | None:
    """The line of the deepest node on `path` (keys and list indices) that carries a line."""
    node, line = document, getattr(document, "line", None)
    for step in path:
        if isinstance(node, Mapping) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .’'\-]*[A-Za-z0-9.’]|[A-Za-z]")


def scalar(value) -> str:
    """A YAML scalar that reads back as exactly this string."""
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and value.lower() not in YAML_WORDS and "  " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)
