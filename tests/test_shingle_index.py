"""The array-backed shingle index answers as a dict of hash -> units would."""

import random

from lint.shingle_index import ShingleIndex


def _reference(added: list[tuple[set[int], int]]) -> dict[int, list[int]]:
    holders: dict[int, list[int]] = {}
    for keys, unit in added:
        for key in keys:
            holders.setdefault(key, []).append(unit)
    return holders


def test_same_holders_as_a_dict_through_rebucketing() -> None:
    rng = random.Random(5)
    # Full 64-bit hashes (negative too), a small pool so shingles are shared between
    # units, and enough links to double the bucket table several times.
    pool = [rng.randrange(-2**63, 2**63) for _ in range(3000)] + [0, -1, 1024, -1024]
    index = ShingleIndex()
    added: list[tuple[set[int], int]] = []
    for unit in range(800):
        keys = set(rng.sample(pool, rng.randrange(0, 40)))
        index.add(keys, unit)
        added.append((keys, unit))
        if unit % 97 == 0:  # answers are right while the index grows, not only at the end
            expected = _reference(added)
            for key in rng.sample(pool, 50):
                assert sorted(index.holders(key)) == sorted(expected.get(key, []))
    expected = _reference(added)
    for key in pool:
        assert list(index.holders(key)) == expected.get(key, [])[::-1]  # latest first
    assert 12345 not in pool and list(index.holders(12345)) == []


def test_shared_counts_are_the_dict_s_counts_of_each_unit() -> None:
    rng = random.Random(8)
    pool = [rng.randrange(-2**63, 2**63) for _ in range(500)] + [7, 7 + 2**32]  # alike low bits
    index = ShingleIndex()
    added: list[tuple[set[int], int]] = []
    for unit in range(300):
        keys = set(rng.sample(pool, rng.randrange(0, 30)))
        index.add(keys, unit)
        added.append((keys, unit))
    expected = _reference(added)
    for _ in range(200):
        asked = set(rng.sample(pool, rng.randrange(0, 40)))
        counts: dict[int, int] = {}
        for key in asked:
            # The index keeps 32 bits of a hash: a key alike in those bits finds the same units.
            for alike in {k for k in pool if k & 0xFFFFFFFF == key & 0xFFFFFFFF}:
                for unit in expected.get(alike, []):
                    counts[unit] = counts.get(unit, 0) + 1
        assert index.shared_counts(asked) == counts


def test_keys_sharing_a_bucket_are_told_apart() -> None:
    index = ShingleIndex()
    index.add({5, 5 + 1024, 5 - 1024}, 0)  # one bucket of the 1,024-bucket table
    index.add({5 + 1024}, 1)
    assert list(index.holders(5)) == [0]
    assert list(index.holders(5 + 1024)) == [1, 0]
    assert list(index.holders(5 - 1024)) == [0]
    assert list(index.holders(5 + 2048)) == []


def test_units_without_keys_do_not_shift_the_others() -> None:
    index = ShingleIndex()
    index.add(set(), 0)
    index.add({7, 8}, 1)
    index.add(set(), 2)
    index.add(set(), 3)
    index.add({8}, 4)
    assert list(index.holders(7)) == [1]
    assert list(index.holders(8)) == [4, 1]


def test_keys_alike_in_their_low_bits_only_add_candidates() -> None:
    # Documented: the index keeps 32 bits of a hash, so a key may also find the holder
    # of a key with the same low bits (never miss one of its own).
    index = ShingleIndex()
    index.add({3 + 2**40}, 0)
    index.add({3}, 1)
    assert list(index.holders(3)) == [1, 0]
    assert list(index.holders(4)) == []
