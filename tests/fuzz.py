#!/usr/bin/env python3
"""Fuzz the newsline tools with malformed and adversarial input.

usage: fuzz.py [-n CASES] [-s SEED] [-j JOBS] [-t TIMEOUT] [--keep DIR] [BINDIR]

BINDIR (default $NEWS_BIN, else bin) holds the tools; run it against the
sanitizer build to catch memory errors.  The cases follow from the seed and
from seed streams the tools themselves make from the corpus, so a change in a
tool can change them; every failing case is saved to rerun as it was.  Each case runs one tool (or the whole pipeline) on one
generated input and checks:
  - exit status 0 or 1 (2 is for usage only, and every call here is valid);
  - no sanitizer report, no timeout;
  - on status 1, a message on stderr that starts with the tool's name;
  - on status 0, stdout is a well-formed stream: nothing for an empty input,
    else a header and rows that all have the header's field count, each line
    ending in a newline;
  - news-normalize and news-tag-entities write exactly one row per row read.
A failing case is saved under --keep (default /tmp/newsline-fuzz) as
CASE.in with CASE.sh, a command that reproduces it.  Exit 1 if any failed.
The number of cases can also come from $FUZZ_CASES (used by tests/fuzz.bats).
"""
import argparse
import concurrent.futures
import glob
import os
import random
import re
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PIPELINE = ["news-split", "news-normalize", "news-tag-entities",
            "news-extract-quotes", "news-stance", "news-to-csv"]

SAN_RE = re.compile(rb"(AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
                    rb"runtime error:|SUMMARY: |Segmentation fault|Aborted)")

# ---------------------------------------------------------------- pieces

BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
            b"\xc0\xaf", b"\xe0\x80\xaf", b"\x80", b"\xbf\xbf", b"\xf0\x9f\x98",
            b"\xe2\x80\x9c\xff", b"\xc2", b"\xf8\x88\x80\x80\x80"]
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''",
          "\u201e", "\u2039", "\u203a"]
BRACKETS = list("()[]{}<>")
PUNCT = list(".!?,;:-\u2014\u2013\u2026/&%$#@*") + ["...", "?!", ".\"", "!\u201d"]
ABBREVS = ["Mr.", "Mrs.", "Dr.", "U.S.", "U.K.", "Jan.", "Feb.", "No.", "St.", "Gen.",
           "Inc.", "Co.", "e.g.", "i.e.", "a.m.", "p.m.", "Sen.", "Rep.", "Lt.", "Ph.D.",
           "vs.", "etc.", "A.", "B.", "J.R.R.", "Jr.", "Sr.", "Prof."]
CAPWORDS = ["Zelensky", "Putin", "Ukraine", "Russia", "NATO", "Kyiv", "Moscow", "Biden",
            "Trump", "European", "Union", "United", "States", "The", "Reuters", "President",
            "Minister", "BBC", "AFP", "Washington", "Donald", "Volodymyr", "Kremlin",
            "Monday", "January", "March", "He", "She", "They", "It", "Crimea", "Brussels"]
CUES = ["said", "says", "told", "added", "according to", "called for", "rejected",
        "warned", "insisted", "stressed", "said that", "told reporters", "went on"]
WORDS = ["the", "a", "of", "and", "to", "in", "that", "he", "she", "it", "was", "is",
         "war", "peace", "talks", "ceasefire", "membership", "aid", "troops", "support",
         "oppose", "deal", "not", "never", "will", "would", "must", "against", "for"]
TARGET_WORDS = ["NATO membership", "EU membership", "ceasefire", "peace talks",
                "territorial concessions", "peacekeepers", "security guarantees",
                "military aid", "join NATO", "cede territory"]
SPACES = [" ", "  ", "\t", "\u00a0", "\u2009", "\u200b", "\u3000", "\xad", "\ufeff", "\u2028"]
ESCAPES = ["\\", "\\\\", "\\t", "\\n", "\\r", "\\q", "\\0", "\\\\\\", "\\x41", "\\u201c"]
ENTITY_REFS = ["&amp;", "&quot;", "&#8220;", "&#x201D;", "&#0;", "&#xD800;", "&#1114112;",
               "&#99999999999999999999;", "&nbsp", "&", "&#", "&#x;", "&bogus;", "&lt;&gt;"]
MOJIBAKE = ["\u00e2\u20ac\u2122", "\u00e2\u20ac\u0153", "\u00e2\u20ac\u009d", "\u00c3\u00a9",
            "\u00e2\u20ac", "\u00c2"]


def load_corpus():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus/articles/*.txt")) +
                       glob.glob(os.path.join(ROOT, "corpus/dev/docs/*.txt"))):
        with open(path, "rb") as fh:
            texts.append(fh.read())
    if not texts:
        texts.append("KYIV, Feb 2 (Reuters) - \u201cWe will never give up,\u201d "
                     "Volodymyr Zelensky said on Monday.\n".encode())
    return texts


class Gen:
    """Adversarial text: bytes, sentences and mutated corpus text."""

    def __init__(self, rnd, corpus):
        self.r = rnd
        self.corpus = corpus

    def word(self):
        r = self.r
        k = r.randrange(12)
        if k < 4:
            return r.choice(WORDS)
        if k < 7:
            return r.choice(CAPWORDS)
        if k == 7:
            return r.choice(ABBREVS)
        if k == 8:
            return r.choice(CUES)
        if k == 9:
            return r.choice(TARGET_WORDS)
        if k == 10:
            return r.choice(QUOTES) + r.choice(CAPWORDS + WORDS)
        return r.choice(WORDS) + r.choice(PUNCT)

    def sentence(self):
        r = self.r
        words = [self.word() for _ in range(r.randrange(1, 25))]
        s = " ".join(words)
        if r.random() < 0.5:
            s = r.choice(QUOTES) + s + r.choice([",", ".", "?", "!", ""]) + r.choice(QUOTES)
            s += " " + r.choice(CAPWORDS) + " " + r.choice(CUES) + "."
        return s + r.choice([".", "?", "!", "", ".\u201d", ":"])

    def chunk(self):
        """One adversarial piece, as bytes (may hold any byte)."""
        r = self.r
        k = r.randrange(26)
        n = r.choice([1, 2, 3, 10, 100, 1000, 5000])
        if k == 0:
            return bytes(r.randrange(256) for _ in range(r.randrange(1, 200)))
        if k == 1:
            return r.choice(BAD_UTF8) * r.choice([1, 1, 2, 50])
        if k == 2:
            return b"\0" * r.choice([1, 1, 3, 100])
        if k == 3:
            return r.choice([b"\r", b"\r\n", b"\n", b"\n\n", b"\r\r\n", b"\n\r"])
        if k == 4:
            return r.choice(ESCAPES).encode() * r.choice([1, 1, 2, 33])
        if k == 5:
            return (r.choice(QUOTES) * n).encode()
        if k == 6:
            return "".join(r.choice(QUOTES) + r.choice(WORDS) for _ in range(n)).encode()
        if k == 7:
            return (r.choice(BRACKETS) * n).encode()
        if k == 8:
            return " ".join(r.choice(CAPWORDS) for _ in range(n)).encode()
        if k == 9:
            return " ".join(r.choice(ABBREVS) for _ in range(n)).encode()
        if k == 10:
            return (r.choice("aZ\u00e9\u4e2d") * r.choice([100, 5000, 70000])).encode()
        if k == 11:
            return "".join(r.choice(PUNCT) for _ in range(n)).encode()
        if k == 12:
            return (r.choice(SPACES) * r.choice([1, 5, 300])).encode()
        if k == 13:
            return r.choice(ENTITY_REFS).encode() * r.choice([1, 1, 20])
        if k == 14:
            return r.choice(MOJIBAKE).encode() * r.choice([1, 1, 20])
        if k == 15:
            return b"\xcc\x81" * r.choice([1, 5, 500])   # combining accents
        if k == 16:
            return self.corpus_slice()
        if k == 17:
            return (r.choice(CAPWORDS) + " " + r.choice(CUES) + ", " +
                    r.choice(QUOTES)).encode() * r.choice([1, 50])
        if k == 18:
            return ("\u201c" * n + "\u201d" * r.randrange(n + 1)).encode()
        if k == 19:
            return b"\t" * r.choice([1, 2, 5])
        if k == 20:
            return r.choice([b"date 2025-02-02", b"KYIV, Feb 2 (Reuters) -", b"By ",
                             b"Share this article", b"Related Stories", b"Sign up",
                             b"Photo: AFP", b"This post appeared first on X."])
        if k == 21:
            return ((r.choice(CAPWORDS).upper() + " ") * r.choice([1, 10, 200])).encode()
        return self.sentence().encode()

    def corpus_slice(self):
        r = self.r
        t = r.choice(self.corpus)
        if not t:
            return b""
        a = r.randrange(len(t))
        return t[a:a + r.choice([10, 200, 2000, 20000])]

    def mutate(self, data, count=None):
        """Insert, replace, delete or duplicate pieces of data."""
        r = self.r
        b = bytearray(data)
        for _ in range(count if count is not None else r.choice([1, 2, 4, 10])):
            op = r.randrange(6)
            pos = r.randrange(len(b) + 1)
            if op <= 2:
                b[pos:pos] = self.chunk()
            elif op == 3 and b:
                b[pos:pos + r.randrange(1, 50)] = self.chunk()
            elif op == 4 and b:
                del b[pos:pos + r.randrange(1, 200)]
            elif b:
                seg = b[pos:pos + r.randrange(1, 500)]
                b[pos:pos] = seg * r.choice([2, 3, 20])
        return bytes(b)

    def raw_article(self):
        """Input for news-split in raw mode."""
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return b""
        if k == 1:
            return b"".join(self.chunk() + r.choice([b"", b" ", b"\n", b"\n\n", b"\r\n"])
                            for _ in range(r.randrange(1, 30)))
        if k == 2:
            lines = [self.sentence().encode() for _ in range(r.randrange(1, 40))]
            sep = r.choice([b"\n", b"\n\n", b"\r\n", b"\r\n\r\n", b" \n"])
            body = sep.join(lines)
            return self.mutate(body, r.choice([0, 1, 3]))
        return self.mutate(r.choice(self.corpus))

    # ---- field values for streams (raw, unescaped bytes)

    def text_value(self):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return self.sentence().encode()
        if k == 1:
            return b"".join(self.chunk() for _ in range(r.randrange(1, 6)))
        if k == 2:
            return self.mutate(self.corpus_slice())
        return self.mutate(self.sentence().encode(), 2)

    def entities_value(self, text):
        """An entities column for text: valid spans, then damaged ones."""
        r = self.r
        n = len(text)
        spans = []
        for _ in range(r.randrange(0, 6)):
            a = r.randrange(n + 1)
            e = min(n, a + r.randrange(1, 20))
            spans.append((r.choice(["PER", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY"]),
                          str(a), str(e), r.choice(CAPWORDS)))
        spans.sort(key=lambda s: int(s[1]))
        bad = ["-1", "999999999", "18446744073709551616", "99999999999999999999999",
               "a", "", "3.5", "+2", " 4", "0x10", str(n), str(n + 1), "-0"]
        for i in range(len(spans)):
            if r.random() < 0.3:
                t, a, e, name = spans[i]
                w = r.randrange(5)
                if w == 0:
                    a = r.choice(bad)
                elif w == 1:
                    e = r.choice(bad)
                elif w == 2:
                    a, e = e, a
                elif w == 3:
                    t = r.choice(["", "XYZ", "per", "PER PER"])
                else:
                    name = r.choice(["", "|", ":", "a:b", "\\", "\u201c"])
                spans[i] = (t, a, e, name)
        parts = ["%s:%s-%s:%s" % s for s in spans]
        if r.random() < 0.15:
            parts.append(r.choice(["", ":", "PER", "PER:", "PER:1", "PER:1-", "PER:-:",
                                   "PER:1-2", "::::", "PER:1-2:x:y", "|"]))
        if r.random() < 0.2:
            r.shuffle(parts)
        return "|".join(parts).encode()


# ---------------------------------------------------------------- streams

def esc(b):
    return (b.replace(b"\\", b"\\\\").replace(b"\t", b"\\t")
            .replace(b"\n", b"\\n").replace(b"\r", b"\\r"))


def split_lines(data):
    """The stream's lines as a reader sees them (CRLF stripped, BOM on line 1)."""
    if not data:
        return []
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    lines = [l[:-1] if l.endswith(b"\r") else l for l in lines]
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return lines


def count_rows(data):
    lines = split_lines(data)
    if not lines:
        return 0
    return sum(1 for l in lines[1:] if l != lines[0])


class Streams:
    """Seed streams made by the tools under test from the corpus."""

    def __init__(self, bindir, corpus, rnd):
        self.bindir = bindir
        self.stage = {}
        arts = b"doc\ttext\n" + b"".join(b"d%d\t%s\n" % (i, esc(t))
                                         for i, t in enumerate(corpus))
        self.stage["articles"] = arts
        data = arts
        for tool, args in [("news-split", ["--tsv"]), ("news-normalize", []),
                           ("news-tag-entities", []), ("news-extract-quotes", []),
                           ("news-stance", ["--all"])]:
            p = subprocess.run([os.path.join(bindir, tool)] + args, input=data,
                               capture_output=True, timeout=300)
            if p.returncode != 0:
                sys.exit("fuzz: cannot make seed streams: %s: %s" %
                         (tool, p.stderr.decode(errors="replace")))
            data = p.stdout
            self.stage[tool] = data
        self.rnd = rnd


def tsv_mutate(g, data, kind):
    """Damage a stream at the level of rows and fields."""
    r = g.r
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    header, rows = lines[0], lines[1:]
    if len(rows) > 60:
        a = r.randrange(len(rows) - 60)
        rows = rows[a:a + r.randrange(1, 60)]
    cols = header.split(b"\t")
    ops = r.choice([1, 1, 2, 3, 6])
    for _ in range(ops):
        op = r.randrange(14)
        if not rows:
            rows.append(b"\t".join(b"" for _ in cols))
        i = r.randrange(len(rows))
        f = rows[i].split(b"\t")
        if op <= 4 and len(f) == len(cols):
            # replace a field's value with adversarial text, escaped
            name = cols[r.randrange(len(cols))]
            j = cols.index(name)
            if name == b"entities" and r.random() < 0.7:
                try:
                    ti = cols.index(b"text")
                    tv = f[ti].replace(b"\\\\", b"\\").replace(b"\\t", b"\t")
                except ValueError:
                    tv = b""
                f[j] = esc(g.entities_value(tv))
            elif name in (b"para", b"sent", b"quote", b"score") and r.random() < 0.6:
                f[j] = r.choice([b"0", b"-1", b"", b"x", b"99999999999999999999999",
                                 b"4294967296", b"1.5", b"1e9", b"007"])
            else:
                f[j] = esc(g.text_value())
            rows[i] = b"\t".join(f)
        elif op == 5:
            rows[i] = g.mutate(rows[i], 1)            # raw bytes: maybe tabs/newlines
        elif op == 6:
            rows[i] = b"\t".join(f[:-1]) if len(f) > 1 else rows[i] + b"\tx"
        elif op == 7:
            rows[i] = rows[i] + b"\t" + esc(g.text_value())
        elif op == 8:
            r.shuffle(rows)                        # documents out of order
        elif op == 9:
            rows.insert(i, header)                 # repeated header
        elif op == 10:
            rows.insert(i, b"")                    # empty line
        elif op == 11:
            rows[i:i] = [rows[i]] * r.choice([2, 50])
        elif op == 12 and b"doc" in cols and len(f) == len(cols):
            f[cols.index(b"doc")] = r.choice([b"", b"\\", b"x\\ty", b"d\xff", b"d0", b"a\0b"])
            rows[i] = b"\t".join(f)
        else:
            rows.append(b"\t".join(esc(g.text_value()) for _ in cols))
    nl = r.choice([b"\n"] * 6 + [b"\r\n"])
    out = nl.join([header] + rows)
    k = r.randrange(10)
    if k == 0:
        pass                                        # no final newline
    elif k == 1:
        out = b"\xef\xbb\xbf" + out + nl
    else:
        out += nl
    return out


def make_stream(g, s, columns):
    """A fresh stream with the given columns and adversarial values."""
    r = g.r
    rows = []
    docs = ["d%d" % i for i in range(r.randrange(1, 4))]
    para = sent = 0
    for _ in range(r.randrange(0, 12)):
        para += r.randrange(0, 2)
        sent += 1
        text = g.text_value()
        vals = []
        for c in columns:
            if c == "doc":
                vals.append(docs[min(len(docs) - 1, sent // 4)].encode())
            elif c in ("para", "quote"):
                vals.append(str(max(para, 1)).encode())
            elif c == "sent":
                vals.append(str(sent).encode())
            elif c == "zone":
                vals.append(r.choice([b"body", b"title", b"meta", b"x"]))
            elif c == "entities":
                vals.append(esc(g.entities_value(text)))
            elif c == "kind":
                vals.append(r.choice([b"direct", b"partial", b"indirect", b""]))
            else:
                vals.append(esc(text))
        rows.append(b"\t".join(vals))
    return b"\n".join([b"\t".join(c.encode() for c in columns)] + rows) + b"\n"


TOOL_INPUT = {
    # tool: (seed stage, columns for a fresh stream)
    "news-split --tsv": ("articles", ["doc", "text", "extra"]),
    "news-normalize": ("news-split", ["doc", "para", "sent", "zone", "text"]),
    "news-normalize --ascii": ("news-split", ["doc", "text"]),
    "news-normalize --column zone": ("news-split", ["doc", "zone", "text"]),
    "news-split --tsv --line-buffered": ("articles", ["doc", "text"]),
    "news-tag-entities": ("news-normalize", ["doc", "para", "sent", "zone", "text"]),
    "news-extract-quotes": ("news-tag-entities",
                            ["doc", "para", "sent", "zone", "text", "entities"]),
    "news-stance": ("news-extract-quotes",
                    ["doc", "quote", "para", "sent", "kind", "speaker", "mention", "cue",
                     "text", "context", "zone"]),
    "news-stance --all": ("news-extract-quotes", ["doc", "quote", "text", "context"]),
    "news-to-csv": ("news-stance", ["doc", "text", "a", "b"]),
}

STATS = {}
LAST = threading.local()      # the exit status of this thread's last run
ROW_PRESERVING = ("news-normalize", "news-tag-entities")


def make_case(g, s, idx):
    r = g.r
    k = idx % 12
    if k in (0, 1):
        if r.random() < 0.1:
            return ("news-split - @2", g.raw_article(), g.raw_article())
        return ("news-split", g.raw_article(), None)
    if k == 2:
        return (r.choice(["pipeline", "stages"]), g.raw_article(), None)
    tool = list(TOOL_INPUT)[(idx // 12 + k) % len(TOOL_INPUT)]
    stage, cols = TOOL_INPUT[tool]
    w = r.randrange(10)
    if w < 5:
        data = tsv_mutate(g, s.stage[stage], tool)
    elif w < 8:
        data = make_stream(g, s, cols)
        if r.random() < 0.3:
            data = tsv_mutate(g, data, tool)
    elif w == 8:
        data = g.mutate(s.stage[stage][:r.choice([200, 3000, 30000])], r.choice([1, 5]))
    else:
        data = r.choice([b"", b"\n", b"\r\n", b"\0", b"\t\n", b"\n\n", b"\n\nx\n", b"\r\n\n",
                         b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n",
                         s.stage[stage].split(b"\n", 1)[0],
                         s.stage[stage].split(b"\n", 1)[0] + b"\r\n",
                         s.stage[stage].split(b"\n", 1)[0] + b"\n\n"])
    if r.random() < 0.08:
        # a second input file: the same again (cat a a), another stream,
        # an empty file or the header alone
        data2 = r.choice([data, tsv_mutate(g, s.stage[stage], tool), b"",
                          s.stage[stage].split(b"\n", 1)[0] + b"\n"])
        return (tool + " - @2", data, data2)
    return (tool, data, None)


# ---------------------------------------------------------------- checks

def check_stream(out, expect_empty, raw_cr_ok, good_header=True):
    if not out:
        return None if expect_empty else "empty output (a header was expected)"
    if expect_empty:
        return "output on an empty input"
    if not out.endswith(b"\n"):
        return "output does not end in a newline"
    lines = out[:-1].split(b"\n")
    ncols = lines[0].count(b"\t") + 1
    if good_header and not re.fullmatch(rb"[a-z0-9_]+(\t[a-z0-9_]+)*", lines[0]):
        return "bad header %r" % lines[0][:200]
    for i, l in enumerate(lines[1:], 2):
        if l.count(b"\t") + 1 != ncols:
            return "output line %d has %d fields, header has %d" % (
                i, l.count(b"\t") + 1, ncols)
        if b"\r" in l and not raw_cr_ok:
            return "output line %d holds a raw CR" % i
    return None


# whitespace to news-split: ASCII, NBSP, U+2000..200B, 202F, 205F, 3000, BOM
WS = re.compile(rb"(?:[ \t\n\r\f\v]|\xc2\xa0|\xe2\x80[\x80-\x8b\xaf]|\xe2\x81\x9f|"
                rb"\xe3\x80\x80|\xef\xbb\xbf)+")


def unesc(b):
    return re.sub(rb"\\([\\tnr])",
                  lambda m: {b"\\": b"\\", b"t": b"\t", b"n": b"\n", b"r": b"\r"}[m.group(1)], b)


def rows_of(data):
    """The decoded rows of a stream (repeated headers skipped), header first."""
    lines = split_lines(data)
    if not lines:
        return []
    return [[unesc(f) for f in lines[0].split(b"\t")]] + \
        [[unesc(f) for f in l.split(b"\t")] for l in lines[1:] if l != lines[0]]


def no_ws(b):
    """b without whitespace; again until none is left, for removing a line
    break can join the halves of a split character into a space."""
    while True:
        c = WS.sub(b"", b)
        if c == b:
            return c
        b = c


def split_lost(tool, data, out):
    """news-split loses no text: all of it, bar whitespace, is in the rows."""
    if tool == "news-split":
        src = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        rows = rows_of(data)
        ti = rows[0].index(b"text")
        src = b"".join(r[ti] for r in rows[1:])
        src = src.replace(b"\xef\xbb\xbf", b"")
    got = rows_of(out)
    ti = got[0].index(b"text")
    dst = b"".join(r[ti] for r in got[1:]).replace(b"\xef\xbb\xbf", b"")
    a, b = no_ws(src), no_ws(dst)
    if a == b:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return "text lost or changed at byte %d: in %r, out %r" % (i, a[i:i + 60], b[i:i + 60])


def csv_differs(data, out):
    """news-to-csv: Python's csv module reads back the decoded table."""
    import csv
    import io
    csv.field_size_limit(sys.maxsize)
    want = [[f.decode("utf-8", "surrogateescape") for f in r] for r in rows_of(data)]
    got = list(csv.reader(io.StringIO(out.decode("utf-8", "surrogateescape"), newline="")))
    if want != got:
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                return "CSV record %d differs: %r vs %r" % (i + 1, w[:4], g[:4])
        return "CSV has %d records, stream %d" % (len(got), len(want))
    return None


def run_case(bindir, timeout, tool, data, data2=None):
    """Returns (failure message or None, stdout bytes, stderr bytes)."""
    if data2 is not None:
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "second.tsv")
            with open(path, "wb") as fh:
                fh.write(data2)
            return run_case2(bindir, timeout, tool.replace("@2", path), data)
    return run_case2(bindir, timeout, tool, data)


def run_stages(bindir, timeout, data):
    """The pipeline one stage at a time, each stage's output checked."""
    for stage in PIPELINE:
        msg, out, err = run_case2(bindir, timeout, stage, data)
        if msg is not None:
            return ("%s: %s" % (stage, msg), out, err)
        if not out or LAST.rc != 0:
            break
        data = out
    return (None, b"", b"")


def run_case2(bindir, timeout, tool, data):
    if tool == "stages":
        return run_stages(bindir, timeout, data)
    multi = " - " in tool + " "
    env = dict(os.environ, LC_ALL="C.UTF-8",
               ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99",
               UBSAN_OPTIONS="print_stacktrace=1:exitcode=98")
    if tool == "pipeline":
        cmd = " | ".join(os.path.join(bindir, t) for t in PIPELINE)
        cmd = "set -o pipefail; " + cmd
        argv = ["bash", "-c", cmd]
    else:
        parts = tool.split()
        argv = [os.path.join(bindir, parts[0])] + parts[1:]
    try:
        p = subprocess.run(argv, input=data, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        LAST.rc = -1
        return ("timeout after %ss" % timeout, b"", b"")
    out, err, rc = p.stdout, p.stderr, p.returncode
    LAST.rc = rc
    key = (re.sub(r" /\S+/second\.tsv", " FILE2", tool), rc)
    STATS[key] = STATS.get(key, 0) + 1
    m = SAN_RE.search(err)
    if m:
        at = err.rfind(b"\n", 0, m.start()) + 1
        return ("sanitizer report: %s" % err[at:at + 3000].decode(errors="replace"), out, err)
    if rc not in (0, 1):
        return ("exit status %d: %s" % (rc, err[:500].decode(errors="replace")), out, err)
    if rc == 1:
        if not err.startswith(b"news-"):
            return ("exit 1 without a message naming the tool: %r" % err[:300], out, err)
        name = PIPELINE[-1] if tool == "pipeline" else tool.split()[0]
        if tool != "pipeline" and not err.startswith(name.encode() + b": "):
            return ("message does not start with %s: %r" % (name, err[:300]), out, err)
        if not multi and tool != "pipeline" and not re.match(
                re.escape(name.encode()) + rb": <stdin>:[0-9]+: [^\n]", err):
            return ("the message does not name the file and line: %r" % err[:300], out, err)
        if out and tool != "pipeline" and not tool.startswith("news-to-csv"):
            msg = check_stream(out, False, True, False)     # no row cut short
            if msg is not None:
                return ("after an error, " + msg, out, err)
        return (None, out, err)
    if multi:
        if tool.startswith("news-to-csv") or not out:
            return (None, out, err)
        return (check_stream(out, False, True, False), out, err)
    if tool.startswith("news-to-csv") or tool == "pipeline":
        if tool != "pipeline" and not data and out:
            return ("output on an empty input", out, err)
        if tool != "pipeline":
            return (csv_differs(data, out), out, err)
        return (None, out, err)
    empty = (not data) if tool != "news-split" else False
    inlines = split_lines(data)
    good = tool == "news-split" or (inlines and re.fullmatch(
        rb"[a-z0-9_]+(\t[a-z0-9_]+)*", inlines[0]) is not None)
    msg = check_stream(out, empty, b"\r" in data.replace(b"\r\n", b"\n"), good)
    if msg is None and tool.split()[0] in ROW_PRESERVING:
        nin, nout = count_rows(data), count_rows(out)
        if nin != nout:
            msg = "read %d rows, wrote %d" % (nin, nout)
    if msg is None and tool.startswith("news-split") and out:
        msg = split_lost(tool, data, out)
    if msg is None and out:
        msg = invariants(tool, out)
    if msg is None and tool.startswith("news-normalize") and out:
        again = subprocess.run(argv, input=out, capture_output=True, timeout=timeout, env=env)
        if again.returncode != 0 or again.stdout != out:
            msg = "normalizing twice differs from once (status %d)" % again.returncode
    return (msg, out, err)


def col(rows, name):
    try:
        return rows[0].index(name)
    except ValueError:
        return None


NUM = re.compile(rb"[1-9][0-9]*")
CTRL = re.compile(rb"[\x00-\x1f\x7f]")
ZONES = {b"title", b"heading", b"byline", b"meta", b"body", b"caption", b"boilerplate"}


def invariants(tool, out):
    """What each tool promises about its own columns."""
    rows = rows_of(out)
    name = tool.split()[0]
    if name == "news-split":
        d, p, st, z, t = (col(rows, c) for c in (b"doc", b"para", b"sent", b"zone", b"text"))
        last = {}
        for i, r in enumerate(rows[1:], 2):
            if not NUM.fullmatch(r[p]) or not NUM.fullmatch(r[st]):
                return "line %d: para/sent %r %r" % (i, r[p], r[st])
            lp, ls = last.get(r[d], (1, 0))
            if int(r[st]) != ls + 1 or int(r[p]) < lp or int(r[p]) > lp + 1 and ls == 0:
                return "line %d: para %s sent %s after para %d sent %d" % (
                    i, r[p].decode(), r[st].decode(), lp, ls)
            last[r[d]] = (int(r[p]), int(r[st]))
            if r[z] not in ZONES:
                return "line %d: zone %r" % (i, r[z])
            if not r[t].strip(b" \t\n\r\f\v"):
                return "line %d: an empty sentence row" % i
    elif name == "news-normalize":
        args = tool.split()
        t = col(rows, args[args.index("--column") + 1].encode() if "--column" in args
                else b"text")
        for i, r in enumerate(rows[1:], 2):
            if t is None:
                break
            try:
                r[t].decode("utf-8")
            except UnicodeDecodeError:
                return "line %d: invalid UTF-8 after normalizing" % i
            if CTRL.search(r[t]):
                return "line %d: a control character after normalizing: %r" % (
                    i, CTRL.search(r[t]).group())
            if r[t] != r[t].strip(b" ") or b"  " in r[t]:
                return "line %d: spaces not collapsed or trimmed" % i
    elif name == "news-tag-entities":
        t, e = col(rows, b"text"), col(rows, b"entities")
        for i, r in enumerate(rows[1:], 2):
            if not r[e]:
                continue
            pos = 0
            try:
                valid = r[t].decode("utf-8") is not None
            except UnicodeDecodeError:
                valid = False      # an invalid byte is a character of its own
            for ent in r[e].split(b"|"):
                m = re.fullmatch(rb"(PER|ORG|GPE|LOC|NORP|DATE|MONEY):([0-9]+)-([0-9]+):(.+)",
                                 ent, re.S)
                if not m:
                    return "line %d: bad entity %r" % (i, ent[:100])
                a, b = int(m.group(2)), int(m.group(3))
                txt = r[t]
                if not (pos <= a < b <= len(txt)):
                    return "line %d: entity %r out of order or range (text %d bytes)" % (
                        i, ent[:100], len(txt))
                if valid and any(k < len(txt) and 0x80 <= txt[k] < 0xC0 for k in (a, b)):
                    return "line %d: entity %r not on a character boundary" % (i, ent[:100])
                pos = a
    elif name == "news-extract-quotes":
        d, q = col(rows, b"doc"), col(rows, b"quote")
        last = {}
        for i, r in enumerate(rows[1:], 2):
            if not NUM.fullmatch(r[q]) or int(r[q]) != last.get(r[d], 0) + 1:
                return "line %d: quote %r after %d" % (i, r[q], last.get(r[d], 0))
            last[r[d]] = int(r[q])
            k = r[col(rows, b"kind")]
            if k not in (b"direct", b"partial", b"indirect"):
                return "line %d: kind %r" % (i, k)
    elif name == "news-stance":
        sc, stn = col(rows, b"score"), col(rows, b"stance")
        for i, r in enumerate(rows[1:], 2):
            if r[sc] == b"" and r[stn] == b"":
                continue
            m = re.fullmatch(rb"-?[01]\.[0-9][0-9]", r[sc])
            if not m or abs(float(r[sc])) > 1:
                return "line %d: score %r" % (i, r[sc])
            want = (b"favor" if float(r[sc]) > 0 else b"against" if float(r[sc]) < 0
                    else b"neutral")
            if r[stn] != want:
                return "line %d: stance %r with score %r" % (i, r[stn], r[sc])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bindir", nargs="?",
                    default=os.environ.get("NEWS_BIN", os.path.join(ROOT, "bin")))
    ap.add_argument("-n", "--cases", type=int,
                    default=int(os.environ.get("FUZZ_CASES", "300")))
    ap.add_argument("-s", "--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")))
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-t", "--timeout", type=float, default=60)
    ap.add_argument("--keep", default="/tmp/newsline-fuzz")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="count the exit statuses of each tool")
    ap.add_argument("--tools", default="",
                    help="comma-separated tools to run (default all, and the pipeline)")
    a = ap.parse_args()
    bindir = os.path.abspath(a.bindir)
    rnd = random.Random(a.seed)
    corpus = load_corpus()
    g = Gen(rnd, corpus)
    s = Streams(bindir, corpus, rnd)
    cases = [make_case(g, s, i) for i in range(a.cases)]
    if a.tools:
        want = a.tools.split(",")
        cases = [c for c in cases if c[0].split()[0] in want]
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = {ex.submit(run_case, bindir, a.timeout, t, d, d2): (i, t, d, d2)
                for i, (t, d, d2) in enumerate(cases)}
        for f in concurrent.futures.as_completed(futs):
            i, tool, data, data2 = futs[f]
            try:
                msg, out, err = f.result()
            except Exception as e:     # a check that breaks is a failure too
                msg, out, err = "fuzz.py: %r" % e, b"", b""
            if msg is None:
                continue
            failed += 1
            os.makedirs(a.keep, exist_ok=True)
            base = os.path.join(a.keep, "case%05d" % i)
            with open(base + ".in", "wb") as fh:
                fh.write(data)
            if data2 is not None:
                with open(base + ".in2", "wb") as fh:
                    fh.write(data2)
                tool = tool.replace("@2", base + ".in2")
            cmd = (" | ".join(os.path.join(bindir, t) for t in PIPELINE)
                   if tool == "pipeline" else os.path.join(bindir, tool))
            with open(base + ".sh", "w") as fh:
                fh.write("< %s %s\n" % (base + ".in", cmd))
            print("FAIL case %d (%s, %d bytes): %s\n  reproduce: sh %s.sh" %
                  (i, tool, len(data), msg.splitlines()[0] if msg else msg, base),
                  file=sys.stderr)
            if len(msg.splitlines()) > 1:
                print("  " + "\n  ".join(msg.splitlines()[1:40]), file=sys.stderr)
    if a.verbose:
        for (t, rc), n in sorted(STATS.items()):
            print("  %-24s exit %d: %d" % (t, rc, n))
    print("%d cases (seed %d), %d failed" % (len(cases), a.seed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
