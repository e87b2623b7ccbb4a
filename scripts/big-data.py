#!/usr/bin/env python3
"""Writes a large, seeded preference data set as JSONL: PAIRS pairs over a vocabulary of VOCAB words.

    python3 scripts/big-data.py OUT.jsonl [PAIRS] [VOCAB] [SEED]     (defaults: 100000 pairs, 60000 words, seed 1)

The size of public preference sets such as HH-RLHF, for the memory benchmark (BENCHMARKS.md, "Memory with large
data"). Every word of the vocabulary appears at least once; the rest follow a Zipf law, as words do in text.
Each prompt has 4 pairs; a chosen response carries more of the "good" words (the first tenth of the vocabulary)
than its rejected one, so there is something to learn. Same arguments, same file, byte for byte.
"""
import bisect
import itertools
import json
import random
import sys

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"
SYLLABLES = [c + v for c in CONSONANTS for v in VOWELS]  # 70


def word(i):
    """A pronounceable word, different for every i: i written in base 70 with one syllable per digit."""
    s = ""
    while True:
        s = SYLLABLES[i % len(SYLLABLES)] + s
        i //= len(SYLLABLES)
        if i == 0:
            return s


def main():
    out = sys.argv[1]
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    vocab = int(sys.argv[3]) if len(sys.argv) > 3 else 60_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rng = random.Random(seed)
    words = [word(i + len(SYLLABLES)) for i in range(vocab)]  # two syllables and up
    good = vocab // 10
    # Zipf weights 1/(rank+1), as cumulative sums for bisect.
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(vocab)))
    total = cum[-1]
    unseen = list(range(vocab))
    rng.shuffle(unseen)

    def response(good_share):
        n = rng.randint(8, 24)
        ids = []
        if unseen:
            ids.append(unseen.pop())
        while len(ids) < n:
            if rng.random() < good_share:
                ids.append(rng.randrange(good))
            else:
                ids.append(min(bisect.bisect_left(cum, rng.random() * total), vocab - 1))
        return " ".join(words[i] for i in ids)

    with open(out, "w", encoding="utf-8") as f:
        for p in range(pairs):
            prompt = f"Question {p // 4 + 1}: " + " ".join(rng.choice(words) for _ in range(6))
            chosen, rejected = response(0.3), response(0.1)
            if chosen == rejected:
                rejected += " " + words[-1]
            f.write(json.dumps({"prompt": prompt, "chosen": chosen, "rejected": rejected}) + "\n")


if __name__ == "__main__":
    main()
