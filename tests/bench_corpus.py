#!/usr/bin/env python3
"""Write the benchmark corpus for tests/bench.sh: a `doc text` newsline stream
(one whole article per row, newlines escaped) of at least MB megabytes
(10^6 bytes), made by repeating and varying the seed and dev articles.

Usage: python3 tests/bench_corpus.py OUT MB DOCFILE...

Each article copy gets its own doc name, its body paragraphs shuffled (the
first two kept in place), some of its repeated capitalised words replaced by
other names, and some digits changed, so the stream is not one article over
and over.  The generator is seeded: the same inputs give the same bytes.
"""

import os
import random
import re
import sys

# Replacement names: common English given names and surnames (hand-written).
NAMES = [
    'Abbott', 'Baker', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Graham',
    'Hughes', 'Ingram', 'Jensen', 'Keller', 'Lambert', 'Morgan', 'Nolan',
    'Owens', 'Parker', 'Quinn', 'Reyes', 'Sutton', 'Turner', 'Upton',
    'Vaughn', 'Walsh', 'Young', 'Alice', 'Bruno', 'Chloe', 'Daniel', 'Elena',
    'Felix', 'Grace', 'Henry', 'Irene', 'Jonas', 'Karen', 'Louis', 'Maria',
    'Nadia', 'Oscar', 'Paula', 'Rafael', 'Sofia', 'Tomas', 'Vera', 'Walter',
]
CAP = re.compile(r'(?<=[a-z,] )[A-Z][a-z]{4,}\b')
DIGIT = re.compile(r'[0-9]')


def units(text):
    """Paragraph-like units: blank-line blocks when the text has blank lines,
    else lines.  Returns (units, separator)."""
    text = text.strip('\n')
    if re.search(r'\n[ \t]*\n', text):
        return re.split(r'\n[ \t]*\n', text), '\n\n'
    return text.split('\n'), '\n'


def vary(text, rng):
    parts, sep = units(text)
    head, body = parts[:2], parts[2:]
    if len(body) > 1 and rng.random() < 0.8:
        rng.shuffle(body)
    out = sep.join(head + body) + '\n'
    words = {}
    for w in CAP.findall(out):
        words[w] = words.get(w, 0) + 1
    subst = {w: rng.choice(NAMES) for w, n in sorted(words.items())
             if n >= 2 and rng.random() < 0.35}
    if subst:
        pat = re.compile(r'\b(' + '|'.join(re.escape(w) for w in subst) + r')\b')
        out = pat.sub(lambda m: subst[m.group(1)], out)
    return DIGIT.sub(lambda m: str(rng.randrange(10)) if rng.random() < 0.3 else m.group(0), out)


def escape(s):
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write('usage: bench_corpus.py OUT MB DOCFILE...\n')
        return 2
    out, want = argv[0], int(float(argv[1]) * 1000000)
    docs = []
    for path in sorted(argv[2:]):
        with open(path, encoding='utf-8', errors='surrogateescape', newline='') as f:
            docs.append((os.path.splitext(os.path.basename(path))[0], f.read()))
    if not docs:
        sys.stderr.write('bench_corpus.py: no documents\n')
        return 1
    rng = random.Random(20261125)
    tmp = out + '.tmp'
    size, n = 0, 0
    with open(tmp, 'w', encoding='utf-8', errors='surrogateescape', newline='\n') as f:
        f.write('doc\ttext\n')
        while size < want:
            name, text = docs[n % len(docs)]
            line = 'b%06d_%s\t%s\n' % (n, name, escape(vary(text, rng)))
            f.write(line)
            size += len(line.encode('utf-8', 'surrogateescape'))
            n += 1
    os.replace(tmp, out)
    sys.stderr.write('bench corpus: %s, %d articles, %.1f MB\n' % (out, n, size / 1e6))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
