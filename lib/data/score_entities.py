#!/usr/bin/env python3
"""Score news-tag-entities against a gold entities.tsv (corpus/gold/README.md).

Usage: python3 lib/data/score_entities.py BINDIR GOLD_DIR DOC.txt... [-v]
Runs news-split | news-normalize | news-tag-entities from BINDIR on the docs,
and compares the set of (doc, type, surface) with the gold's, after the light
fold (NFKC, curly quotes to ASCII).  Prints P/R/F1 per type; -v lists misses.
"""
import os
import subprocess
import sys
import unicodedata

TYPES = ["PER", "ORG", "GPE", "LOC", "NORP"]


def fold(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return " ".join(s.split())


def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\\tnr":
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def main():
    verbose = "-v" in sys.argv
    args = [a for a in sys.argv[1:] if a != "-v"]
    bindir, golddir, docs = args[0], args[1], args[2:]
    b = lambda t: os.path.join(bindir, t)
    cmd = "%s %s | %s | %s" % (b("news-split"), " ".join(docs), b("news-normalize"),
                               b("news-tag-entities"))
    out = subprocess.run(cmd, shell=True, capture_output=True).stdout.decode("utf-8", "replace")
    lines = out.split("\n")
    hdr = lines[0].split("\t")
    di, ti, ei = hdr.index("doc"), hdr.index("text"), hdr.index("entities")
    pred, canon = set(), {}
    for line in lines[1:]:
        if not line:
            continue
        f = line.split("\t")
        text = unesc(f[ti]).encode("utf-8")
        if not f[ei]:
            continue
        for item in unesc(f[ei]).split("|"):
            typ, span, c = item.split(":", 2)
            s, e = map(int, span.split("-"))
            k = (f[di], typ, fold(text[s:e].decode("utf-8", "replace")))
            pred.add(k)
            canon[k] = c
    docset = {os.path.splitext(os.path.basename(d))[0] for d in docs}
    gold, gcanon = set(), {}
    for line in open(os.path.join(golddir, "entities.tsv"), encoding="utf-8").read().split("\n")[1:]:
        if not line:
            continue
        d, typ, c, surf, _ = line.split("\t")
        if d in docset:
            gold.add((d, typ, fold(surf)))
            gcanon[(d, typ, fold(surf))] = fold(c)
    pred = {k for k in pred if k[1] in TYPES}
    for typ in TYPES + ["ALL"]:
        g = {k for k in gold if typ == "ALL" or k[1] == typ}
        p = {k for k in pred if typ == "ALL" or k[1] == typ}
        tp = len(g & p)
        P = tp / len(p) if p else 0
        R = tp / len(g) if g else 0
        F = 2 * P * R / (P + R) if P + R else 0
        print("%-4s P %.3f R %.3f F1 %.3f  (gold %d, pred %d, tp %d)" % (typ, P, R, F, len(g), len(p), tp))
    both = gold & pred
    agree = sum(1 for k in both if fold(canon[k]) == gcanon[k])
    print("canonical agreement %d/%d" % (agree, len(both)))
    if verbose:
        for k in sorted(pred - gold):
            print("FP", *k, "->", canon[k])
        for k in sorted(gold - pred):
            print("FN", *k)
        for k in sorted(both):
            if fold(canon[k]) != gcanon[k]:
                print("CANON", *k, canon[k], "!=", gcanon[k])


main()
