#!/usr/bin/env python3
"""Generate lib/unicode_data.c: the Unicode tables news-normalize needs.

Source: Debian's unicode-data 15.0 (UnicodeData.txt, DerivedNormalizationProps.txt,
DerivedCoreProperties.txt, NormalizationTest.txt.bz2), by default under
/tmp/pkgs/x/usr/share/unicode.  Python 3 standard library only.

    python3 lib/gen_unicode.py [UNICODE_DIR [OUT_ROOT]]

writes lib/unicode_data.c and tests/fixtures/news-normalize/nfc-test.tsv under OUT_ROOT
(default: this checkout; tests/news-normalize.bats regenerates into a temporary
directory and compares) -- the fixture is a subset
of NormalizationTest.txt, see nfc_fixture below).  The tables:

  flags     a two-level index (256 code points per block) of per-code-point flags:
            NFC  (canonical combining class != 0 or NFC_Quick_Check N/M: a text with
                  none of these is already in NFC),
            FOLD (a compatibility form we fold: <wide>, <narrow>, <font> and a few
                  Latin/Armenian ligatures and digraphs tagged <compat>),
            SPACE (general category Zs, Zl, Zp, except U+0020),
            IGNORE (Default_Ignorable_Code_Point);
  ccc       ranges of equal non-zero canonical combining class;
  decomp    full canonical decompositions (Hangul syllables are algorithmic);
  comp      primary composites: (first, second) -> composite, exclusions removed;
  fold      the folded replacement of every FOLD code point, fully expanded.
"""
import bz2
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs/x/usr/share/unicode"
ROOT = (sys.argv[2] if len(sys.argv) > 2 else
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "lib")

F_NFC, F_FOLD, F_SPACE, F_IGNORE = 1, 2, 4, 8

# <compat> mappings we fold: Latin ligatures and digraphs, long s, Armenian
# ligatures.  Other <compat> forms (ellipsis, Roman numerals, ...) keep their
# meaning and stay.
COMPAT_FOLD = set([0x0132, 0x0133, 0x013F, 0x0140, 0x017F, 0x1E9B])
COMPAT_FOLD |= set(range(0x01C4, 0x01CD)) | set(range(0x01F1, 0x01F4))
COMPAT_FOLD |= set(range(0xFB00, 0xFB07)) | set(range(0xFB13, 0xFB18))
FOLD_TAGS = ("<wide>", "<narrow>", "<font>")


def read_props(path, wanted):
    """Code points with property `wanted` (optionally 'Prop=Value')."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = [p.strip() for p in line.split(";")]
            if parts[1] != wanted:
                continue
            val = parts[2] if len(parts) > 2 else True
            r = parts[0].split("..")
            lo = int(r[0], 16)
            hi = int(r[-1], 16)
            for cp in range(lo, hi + 1):
                out[cp] = val
    return out


def read_unicode_data():
    ccc, decomp, cat = {}, {}, {}
    first = None
    with open(os.path.join(SRC, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fld = line.rstrip("\n").split(";")
            cp = int(fld[0], 16)
            if fld[1].endswith(", First>"):
                first = cp
                continue
            lo = first if fld[1].endswith(", Last>") else cp
            first = None
            for c in range(lo, cp + 1):
                cat[c] = fld[2]
                if int(fld[3]):
                    ccc[c] = int(fld[3])
            if fld[5]:
                d = fld[5].split()
                tag = d[0] if d[0].startswith("<") else None
                cps = [int(x, 16) for x in (d[1:] if tag else d)]
                decomp[cp] = (tag, cps)
    return ccc, decomp, cat


def main():
    ccc, decomp, cat = read_unicode_data()
    dnp = os.path.join(SRC, "DerivedNormalizationProps.txt")
    qc = read_props(dnp, "NFC_QC")
    fce = read_props(dnp, "Full_Composition_Exclusion")
    ignorable = read_props(os.path.join(SRC, "DerivedCoreProperties.txt"),
                           "Default_Ignorable_Code_Point")

    def canon(cp):
        d = decomp.get(cp)
        if d is None or d[0] is not None:
            return [cp]
        out = []
        for c in d[1]:
            out.extend(canon(c))
        return out

    full = {}
    for cp, (tag, cps) in decomp.items():
        if tag is None:
            full[cp] = canon(cp)
    comp = {}
    for cp, (tag, cps) in decomp.items():
        if tag is None and len(cps) == 2 and cp not in fce:
            comp[(cps[0], cps[1])] = cp

    foldset = set(cp for cp, (tag, _) in decomp.items()
                  if tag in FOLD_TAGS or (tag == "<compat>" and cp in COMPAT_FOLD))
    spaces = set(cp for cp, c in cat.items() if c in ("Zs", "Zl", "Zp")) - {0x20}

    def fold(cp):
        if cp not in foldset:
            return [cp]
        out = []
        for c in decomp[cp][1]:
            out.extend(fold(c))
        return out

    folds = {cp: fold(cp) for cp in foldset if cp not in spaces and cp not in ignorable}
    for cp, f in folds.items():
        for c in f:
            assert c not in foldset and c not in spaces and c not in ignorable, hex(cp)
    for cp in comp.values():
        assert cp not in foldset, hex(cp)

    flags = {}
    for cp in set(ccc) | set(c for c, v in qc.items() if v in ("N", "M")):
        flags[cp] = flags.get(cp, 0) | F_NFC
    for cp in folds:
        flags[cp] = flags.get(cp, 0) | F_FOLD
    for cp in spaces:
        flags[cp] = flags.get(cp, 0) | F_SPACE
    for cp in ignorable:
        flags[cp] = flags.get(cp, 0) | F_IGNORE

    # two-level flags index
    blocks, index, seen = [], [], {}
    for b in range(0x110000 // 256):
        blk = tuple(flags.get(b * 256 + i, 0) for i in range(256))
        if blk not in seen:
            seen[blk] = len(blocks)
            blocks.append(blk)
        index.append(seen[blk])
    assert len(blocks) < 256

    ranges = []
    for cp in sorted(ccc):
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == ccc[cp]:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, ccc[cp]])

    def pooled(mapping):
        entries, pool = [], []
        for cp in sorted(mapping):
            seq = mapping[cp]
            entries.append((cp, len(pool), len(seq)))
            pool.extend(seq)
        return entries, pool

    dec_entries, dec_pool = pooled(full)
    fold_entries, fold_pool = pooled(folds)
    assert max(e[2] for e in dec_entries) <= 4
    assert max(e[2] for e in fold_entries) <= 18

    out = []
    w = out.append
    w("/*\n * unicode_data: generated by lib/gen_unicode.py from Debian's unicode-data 15.0\n"
      " * (UnicodeData.txt, DerivedNormalizationProps.txt, DerivedCoreProperties.txt).\n"
      " * Do not edit; run the generator.\n */\n")
    w("#include <stddef.h>\n#include <stdint.h>\n\n#include \"unicode.h\"\n\n")

    def array(ctype, name, items, per=16, fmt="%d"):
        w("const %s %s[%d] = {\n" % (ctype, name, len(items)))
        for i in range(0, len(items), per):
            w("\t" + ", ".join(fmt % x for x in items[i:i + per]) + ",\n")
        w("};\n\n")

    array("uint8_t", "uni_index", index, 24)
    w("const uint8_t uni_blocks[%d][256] = {\n" % len(blocks))
    for blk in blocks:
        w("\t{\n")
        for i in range(0, 256, 32):
            w("\t\t" + ",".join(str(x) for x in blk[i:i + 32]) + ",\n")
        w("\t},\n")
    w("};\n\n")
    w("const struct uni_range uni_ccc[%d] = {\n" % len(ranges))
    for i in range(0, len(ranges), 4):
        w("\t" + " ".join("{ 0x%04X, 0x%04X, %d }," % tuple(r) for r in ranges[i:i + 4]) + "\n")
    w("};\nconst size_t uni_nccc = %d;\n\n" % len(ranges))

    def maps(name, entries, pool):
        w("const struct uni_map %s[%d] = {\n" % (name, len(entries)))
        for i in range(0, len(entries), 4):
            w("\t" + " ".join("{ 0x%04X, %d, %d }," % e for e in entries[i:i + 4]) + "\n")
        w("};\nconst size_t %s_count = %d;\n\n" % (name, len(entries)))
        array("uint32_t", name + "_pool", pool, 8, "0x%04X")

    maps("uni_decomp", dec_entries, dec_pool)
    maps("uni_fold", fold_entries, fold_pool)
    pairs = sorted(comp.items())
    w("const struct uni_pair uni_comp[%d] = {\n" % len(pairs))
    for i in range(0, len(pairs), 3):
        w("\t" + " ".join("{ 0x%04X, 0x%04X, 0x%04X }," % (a, b, c)
                          for (a, b), c in pairs[i:i + 3]) + "\n")
    w("};\nconst size_t uni_ncomp = %d;\n" % len(pairs))
    os.makedirs(HERE, exist_ok=True)
    with open(os.path.join(HERE, "unicode_data.c"), "w", encoding="utf-8") as f:
        f.write("".join(out))

    nfc_fixture(flags)


# Characters news-normalize changes beyond NFC; test lines holding one are left
# out of the NFC fixture.
def touched(cp, flags):
    if cp < 0x20 or 0x7F <= cp <= 0xA0 or cp in (0x20, 0x22, 0x26, 0x27, 0x2D, 0x5C, 0x60):
        return True
    if flags.get(cp, 0) & (F_FOLD | F_SPACE | F_IGNORE):
        return True
    if cp in (0xAB, 0xB4, 0xBB, 0x2BC, 0xFFFD) or 0x2010 <= cp <= 0x206F:
        return True
    if cp == 0x2212 or 0xFE58 <= cp <= 0xFE63:
        return True
    return False


def nfc_fixture(flags):
    """Every line of parts 0, 2 and 3 and every 40th of part 1 whose source,
    NFC and NFD columns hold no character news-normalize touches otherwise.
    Columns: source (c1), expected NFC (c2), and c3 (NFD, whose NFC is c2 too)."""
    path = os.path.join(SRC, "NormalizationTest.txt.bz2")
    rows = []
    part = None
    k = 0
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("@Part"):
                part = int(line[5])
                continue
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cols = [[int(x, 16) for x in c.split()] for c in line.split(";")[:5]]
            if part == 1:
                k += 1
                if k % 40:
                    continue
            if any(touched(cp, flags) for c in cols[:3] for cp in c):
                continue
            rows.append(cols)
    d = os.path.join(ROOT, "tests", "fixtures", "news-normalize")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "nfc-test.tsv"), "w", encoding="utf-8") as f:
        f.write("text\tnfc\tnfd\n")
        for c in rows:
            f.write("\t".join("".join(chr(x) for x in col) for col in (c[0], c[1], c[2])) + "\n")


if __name__ == "__main__":
    main()
