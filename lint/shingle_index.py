"""An inverted index from shingle hash to the units holding it, kept in flat arrays."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

_END = -1
_LOW = 0xFFFFFFFF  # the bits of a hash an index entry keeps


class ShingleIndex:
    """Shingle hash -> indexes of the units holding it.

    A dict of hash to unit (or list of units) costs about 60 bytes a shingle in Python
    objects (an int per key, a dict entry, a list for a shared shingle): on a 200k-word
    document that was 12 MiB, the run's peak. Here each (hash, unit) pair is one link of
    two 4-byte arrays (the hash's low 32 bits, the bucket's link before it), chained
    from a bucket table of 4-byte heads that doubles when the links outnumber the
    buckets; a unit's links are consecutive, so the unit of a link is found from where
    each unit's links start. About a fifth of the memory.

    Keeping 32 bits of the hash, a key may also find a unit holding another key with the
    same low bits (about one chance in four billion per pair): like two shingles with one
    hash, that only adds a candidate the caller's exact comparison turns down.
    """

    __slots__ = ("_heads", "_mask", "_keys", "_next", "_firsts", "_unit_ids")

    def __init__(self) -> None:
        self._heads = array("i", [_END]) * 1024  # bucket -> its latest link
        self._mask = len(self._heads) - 1
        self._keys = array("I")  # link -> the low 32 bits of the hash it records
        self._next = array("i")  # link -> the bucket's link added before it
        self._firsts = array("i")  # each add() -> its first link
        self._unit_ids = array("i")  # each add() -> its unit

    def add(self, keys: Iterable[int], unit: int) -> None:
        """Record that `unit` holds each of `keys` (distinct hashes)."""
        first = len(self._keys)
        self._firsts.append(first)
        self._unit_ids.append(unit)
        lows = [key & _LOW for key in keys]
        heads, mask, following = self._heads, self._mask, self._next
        for link, low in enumerate(lows, first):
            bucket = low & mask
            following.append(heads[bucket])
            heads[bucket] = link
        self._keys.extend(lows)
        if len(self._keys) > len(self._heads):
            self._rebucket(2 * len(self._heads))

    def holders(self, key: int) -> Iterator[int]:
        """The units holding `key`, latest first."""
        low = key & _LOW
        link = self._heads[low & self._mask]
        keys, following, firsts, units = self._keys, self._next, self._firsts, self._unit_ids
        while link != _END:
            if keys[link] == low:
                yield units[bisect_right(firsts, link) - 1]
            link = following[link]

    def shared_counts(self, keys: Iterable[int]) -> dict[int, int]:
        """For each unit holding any of `keys` (distinct hashes), how many of them it holds:
        what counting holders() of every key gives, in one loop (the near-duplicate rules
        ask this of every shingle of a draft, at every edit in the language server)."""
        counts: dict[int, int] = {}
        heads, mask = self._heads, self._mask
        hashes, following, firsts, units = self._keys, self._next, self._firsts, self._unit_ids
        for key in keys:
            low = key & _LOW
            link = heads[low & mask]
            while link != _END:
                if hashes[link] == low:
                    unit = units[bisect_right(firsts, link) - 1]
                    counts[unit] = counts.get(unit, 0) + 1
                link = following[link]
        return counts

    def _rebucket(self, size: int) -> None:
        """Spread the links over `size` buckets, each chain still latest first."""
        heads = array("i", [_END]) * size
        mask = size - 1
        following = self._next
        for link, low in enumerate(self._keys):
            bucket = low & mask
            following[link] = heads[bucket]
            heads[bucket] = link
        self._heads, self._mask = heads, mask
