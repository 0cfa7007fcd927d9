"""An inverted index from shingle hash to the units holding it, kept in flat arrays."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

_END = -1


class ShingleIndex:
    """Shingle hash -> indexes of the units holding it.

    A dict of hash to unit (or list of units) costs about 60 bytes a shingle in Python
    objects (an int per key, a dict entry, a list for a shared shingle): on a 200k-word
    document that was 12 MiB, the run's peak. Here each (hash, unit) pair is one link of
    three arrays (16 bytes), chained from a bucket table of 4-byte heads that doubles
    when the links outnumber the buckets: about a third of the memory, the same answers.
    """

    __slots__ = ("_heads", "_mask", "_keys", "_units", "_next")

    def __init__(self) -> None:
        self._heads = array("i", [_END]) * 1024  # bucket -> its latest link
        self._mask = len(self._heads) - 1
        self._keys = array("q")  # link -> the hash it records
        self._units = array("i")  # link -> the unit holding that hash
        self._next = array("i")  # link -> the bucket's link added before it

    def add(self, keys: Iterable[int], unit: int) -> None:
        """Record that `unit` holds each of `keys` (distinct hashes)."""
        heads, mask = self._heads, self._mask
        for key in keys:
            bucket = key & mask
            self._next.append(heads[bucket])
            heads[bucket] = len(self._keys)
            self._keys.append(key)
            self._units.append(unit)
        if len(self._keys) > len(self._heads):
            self._rebucket(2 * len(self._heads))

    def holders(self, key: int) -> Iterator[int]:
        """The units holding `key`, latest first."""
        link = self._heads[key & self._mask]
        keys, units, following = self._keys, self._units, self._next
        while link != _END:
            if keys[link] == key:
                yield units[link]
            link = following[link]

    def _rebucket(self, size: int) -> None:
        """Spread the links over `size` buckets, each chain still latest first."""
        heads = array("i", [_END]) * size
        mask = size - 1
        following = self._next
        for link, key in enumerate(self._keys):
            bucket = key & mask
            following[link] = heads[bucket]
            heads[bucket] = link
        self._heads, self._mask = heads, mask
