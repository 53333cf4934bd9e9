"""How large a value is, and how large an operation's result would be, before it runs.

A user's template (render/sandbox.py) may build nothing past `MAX_CHARS` in one step.
A watchdog cannot enforce that: `'x' * 10**9`, `'{:>400000000}'.format(1)` or
`10**10**8` is one call into C that allocates gigabytes or runs for minutes, and no
Python thread can interrupt it. So every operation whose result can be far larger
than its inputs (a width, a count, a repetition, a separator, a replacement, a power)
has its result's size computed here from its arguments first, and is refused when
that bound is past the limit. Operations whose result is at most a small constant
times their inputs (`upper`, `escape`, `split`) are checked on their result instead.

Two measures, because a template may hold the whole summary: `size` counts what an
operation itself builds (a string's characters, a list's slots; another object is
one reference to what already exists), `text_size` bounds the length of `str(value)`
(a summary's model counts with its full text), for the places that turn a value
into text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

MAX_CHARS = 20_000_000
#: A whole number with more bits than this is not built (about 30 000 digits; Python
#: refuses to print more than 4 300 anyway, and a product or power of such numbers
#: is one uninterruptible computation).
MAX_INT_BITS = 100_000
#: A number this large as a width, count or repetition is refused before it is used.
MAX_ARGUMENT = 1_000_000

_DIGITS = re.compile(r"\d+")
_ATOMS = (bool, int, float, complex, type(None))


class TooBig(Exception):
    """An operation would build more than the limits allow; `what` says which, in Swedish."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def chars(n: int) -> str:
    """A count as Swedish prints it: 20 000 000."""
    return f"{n:,}".replace(",", "\u00a0")


def too_large_text() -> TooBig:
    return TooBig(f"en text eller lista blir större än {chars(MAX_CHARS)} tecken")


def too_large_number() -> TooBig:
    return TooBig("ett tal eller en bredd är för stort för en mall")


#: What one slot of a list costs in `size`: its pointer, as a character costs one.
SLOT = 8


_CONTAINERS = (list, tuple, set, frozenset, dict)


def _items(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        return itertools.chain(value.keys(), value.values())
    return iter(value)


def _str_text(value: str, inside: bool) -> int:
    """len(str(value)), or of repr(value) inside a list (at most four characters for one)."""
    if not inside:
        return len(value)
    plain = value.isprintable() and "\\" not in value and not ("'" in value and '"' in value)
    return len(value) + 2 if plain else 4 * len(value) + 2


def _measure(value: Any, leaf: Callable[[Any, bool], int], slot: int, budget: int) -> int:
    """Walk containers one item at a time without recursion (a list nested 100 000 deep
    is no problem), summing `leaf` of what is not a container, and brackets and `slot`
    per item of one that is; stop as soon as past `budget`."""
    total = 0
    stack: list[Iterator[Any]] = [iter((value,))]
    while stack:
        for item in stack[-1]:
            if isinstance(item, _CONTAINERS):
                total += 2 + slot * len(item)
                stack.append(_items(item))
                break
            total += leaf(item, len(stack) > 1)
            if total > budget:
                break
        else:
            stack.pop()
        if total > budget:
            return budget + 1
    return total


def _int_text(value: int) -> int:
    return value.bit_length() // 3 + 2  # log10(2) < 1/3; a sign


def _size_leaf(value: Any, inside: bool) -> int:
    if isinstance(value, str | bytes | bytearray):
        return len(value)
    return 1


def size(value: Any, budget: int = MAX_CHARS) -> int:
    """What building `value` took: characters of text, slots of lists (past `budget`: budget+1)."""
    return _measure(value, _size_leaf, SLOT, budget)


class TextSize:
    """`text_size` with the length of each other object's text remembered (a summary's
    models are immutable while a template renders, and their text is computed once)."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, int]] = {}

    def _leaf(self, value: Any, inside: bool) -> int:
        if isinstance(value, str):
            return _str_text(value, inside)
        if isinstance(value, bytes | bytearray):
            return 4 * len(value) + 3
        if isinstance(value, bool) or value is None:
            return 5
        if isinstance(value, int):
            return _int_text(value)
        if isinstance(value, float | complex):
            return 64
        known = self._known.get(id(value))
        if known is None:
            known = (value, len(repr(value)) if inside else len(str(value)))
            self._known[id(value)] = known  # the value is kept, so its id is not reused
        return known[1]

    def __call__(self, value: Any, budget: int = MAX_CHARS) -> int:
        """An upper bound of len(str(value)) (past `budget`: budget+1)."""
        return _measure(value, self._leaf, 2, budget)


def int_bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def check_power(base: Any, exponent: Any) -> None:
    """`base ** exponent` is refused when the whole number it makes is too large."""
    if int_bits(exponent) and exponent > 0 and int_bits(base) > 1 and \
            (int_bits(base) - 1) * exponent > MAX_INT_BITS:
        raise TooBig("en upphöjning blir för stor för en mall")


def check_product(left: Any, right: Any) -> None:
    """`left * right`: a repeated text or list within MAX_CHARS, a product of whole
    numbers within MAX_INT_BITS."""
    if int_bits(left) and int_bits(right) and int_bits(left) + int_bits(right) > MAX_INT_BITS:
        raise TooBig("en multiplikation blir för stor för en mall")
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | bytes | list | tuple) and isinstance(times, int) \
                and times > 1 and size(sequence) * times > MAX_CHARS:
            raise too_large_text()


def check_sum(left: Any, right: Any) -> None:
    """`left + right` for texts and lists."""
    if size(left) + size(right) > MAX_CHARS:
        raise too_large_text()


def widths(fmt: str) -> int:
    """Every run of digits in a format string, summed: no width or precision can be larger."""
    return sum(int(d) if len(d) < 9 else MAX_CHARS + 1 for d in _DIGITS.findall(fmt))


def check_percent(fmt: str, values: Any, text_size: TextSize) -> None:
    """`fmt % values` (and the `format` filter): the text, each value's text and every
    width, including a `*` width taken from the values."""
    items = values if isinstance(values, tuple) else (values,)
    stars = sum(abs(i) for i in items if "*" in fmt and int_bits(i))
    if widths(fmt) + stars > MAX_CHARS:
        raise too_large_number()
    bound = len(fmt) + widths(fmt) + stars
    for item in items:
        bound += text_size(list(item.values()) if isinstance(item, Mapping) else item)
        if bound > MAX_CHARS:
            raise too_large_text()


def check_field(value: Any, spec: str, text_size: TextSize) -> int:
    """One `{…}` of `str.format`: its text and the width and precision of its spec."""
    if widths(spec) > MAX_CHARS:
        raise too_large_number()
    bound = text_size(value) + widths(spec)
    if bound > MAX_CHARS:
        raise too_large_text()
    return bound


def _number(value: Any, default: int) -> int:
    return value if isinstance(value, int) else default


def _replace_bound(text: str, old: Any, new: Any, count: Any) -> int:
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return len(text)
    times = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * len(new)


def _join_bound(separator: Any, items: list[Any], text_size: TextSize) -> int:
    return sum(text_size(i) for i in items) + max(len(items) - 1, 0) * len(separator)


def _translate_bound(text: str, table: Any, text_size: TextSize) -> int:
    values = table.values() if isinstance(table, Mapping) else table
    longest = max((text_size(v) for v in values), default=1) if \
        isinstance(values, list | tuple | str) or isinstance(table, Mapping) else 1
    return len(text) * max(longest, 1)


def method_bound(obj: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any],
                 text_size: TextSize) -> int | None:
    """The size of `obj.name(*args, **kwargs)`'s result for the text and number methods
    whose result can be far larger than `obj`; None for the others."""
    given = [*args, *kwargs.values()]
    first = given[0] if given else None
    if isinstance(obj, str | bytes | bytearray):
        if name in ("center", "ljust", "rjust", "zfill"):
            return max(len(obj), _number(first, 0))
        if name == "expandtabs":
            tab = "\t" if isinstance(obj, str) else b"\t"
            return len(obj) + obj.count(tab) * max(_number(first, 8), 0)  # type: ignore[arg-type]
        if name == "replace" and len(given) >= 2:
            return _replace_bound(obj, given[0], given[1],  # type: ignore[arg-type]
                                  given[2] if len(given) > 2 else -1)
        if name == "join" and isinstance(first, list):
            return _join_bound(obj, first, text_size)
        if name == "translate" and isinstance(obj, str):
            return _translate_bound(obj, first, text_size)
        if name in _SPLITTING:  # at worst a piece per character, each a slot
            return len(obj) + SLOT * (len(obj) + 1)
        if name in _CASES:  # "ﬃ".upper() is "FFI"
            return 3 * len(obj)
    if isinstance(obj, int) and name == "to_bytes":
        return _number(kwargs.get("length", first), 1)
    return None


_SPLITTING = frozenset({"split", "rsplit", "splitlines", "partition", "rpartition"})
_CASES = frozenset({"upper", "lower", "title", "capitalize", "swapcase", "casefold"})


def check_indent(text: str, width: Any) -> None:
    """The `indent` filter: each line gets `width` spaces, or the text `width`."""
    per_line = len(width) if isinstance(width, str) else _number(width, 4)
    if len(text) + (text.count("\n") + 1) * max(per_line, 0) > MAX_CHARS:
        raise too_large_text()


def check_wordwrap(text: str, wrapstring: Any) -> None:
    """The `wordwrap` filter: at worst one line per character, each ended by `wrapstring`."""
    if len(text) + (len(text) + 1) * len(wrapstring or "\n") > MAX_CHARS:
        raise too_large_text()


def check_bound(bound: int | None) -> None:
    if bound is not None and bound > MAX_CHARS:
        raise too_large_text()


def check_argument(value: Any) -> None:
    """A width, count or repetition above MAX_ARGUMENT (a text as long as the limit)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and \
            abs(value) > MAX_ARGUMENT:
        raise too_large_number()


def check_result(value: Any) -> Any:
    """What an operation returned, within the limit (for those bounded by their input)."""
    if size(value) > MAX_CHARS or int_bits(value) > MAX_INT_BITS:
        raise too_large_text()
    return value
