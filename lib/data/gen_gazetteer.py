#!/usr/bin/env python3
"""Generate lib/gaz_data.c, the built-in tables of news-tag-entities.

Sources (read-only, unpacked Debian packages):
  iso-codes 4.15  /usr/share/iso-codes/json/iso_3166-1.json   countries
                  /usr/share/iso-codes/json/iso_3166-2.json   US states, Canadian
                                                              provinces, Australian states
  libtext-names-perl 0.46  /usr/share/perl5/Text/Names.pm     US census first names
                                                              and surnames
and the hand-compiled tables next to this script:
  gazetteer.tsv         names (canonical, type, aliases)
  words.tsv             word classes (titles, organisation words, ...)
  first_names_intl.txt  given names the census lists lack

Usage: python3 lib/data/gen_gazetteer.py [PKGROOT] > lib/gaz_data.c
PKGROOT defaults to /tmp/pkgs/x.  Python 3 standard library only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs/x"
TYPES = ["PER", "ORG", "GPE", "LOC", "NORP"]

# word classes (lib/gazetteer.h W_*): bit, and whether to add both Capitalized and lowercase forms
CLASSES = {
    "title": (0, True), "honorific": (1, False), "portfolio": (2, True),
    "orghead": (3, False), "street": (4, False), "event": (5, False),
    "cue": (6, True), "stop": (7, False), "currency": (8, True),
    "scale": (9, False), "month": (10, False), "weekday": (11, False),
    "season": (12, True), "reldate": (13, True), "dayword": (14, True),
    "pluralposs": (15, False), "particle": (16, False),
    "connector": (17, False), "acronym": (18, False),
    "minor": (21, False), "placeprep": (22, False), "det": (23, False),
    "yearprep": (24, False), "geopre": (25, False),
}
BIT_FIRST, BIT_SURNAME = 19, 20

# given names and surnames that are also ordinary capitalized words
NOT_NAMES = set("""Will Bill Hope Grace Joy Faith Rose Ivy Lily Dawn Summer Autumn
Winter Mercy Sunny Rich Guy Page Major Royal King Prince Princess Queen Duke Earl
Baron Judge Justice Long Young Hall Little Bell Wood Hill Stone Price Gray Grey Day
Church Cross Love Star Sky Rain Storm Crystal Diamond Ruby Pearl Amber Jewel Precious
Honey Candy Cherry Ginger Olive Hazel Holly Heather Iris Jasmine Violet Daisy Fern
Blossom Forest River Brook Lake Bay Field Fields Park Parks Street Lane Ward Banks
Bank Rivers Waters Wells Marsh Moss Bush Chance Christian Christmas Easter Temple
Noble Free Freeman Best Golden Silver Gold Sterling Cash Money Price Worth Hunter
Fisher Miller Baker Cook Mason Carter Porter Taylor Turner Walker Archer Bishop
Deacon Dean Chancellor Marshal Sheriff Constable Sergeant Major General Early Gay
Blue Black White Green Brown Red Reed Read Power Powers Strong Swift Sharp Hart Wise
Ocean Sea Sunday Monday Friday Tuesday August April June May March January Britain
Ireland Irish English French German China India Asia Africa America Georgia Virginia
Carolina Dakota Jersey Israel Kenya London Aurora Eden Zion Salem Trinity
Unity Liberty Destiny Harmony Melody Serenity Essence Genesis Bliss Glory Miracle
Patience Charity Prudence Constance Verity Happy Lucky Sonny Buddy Champ Ace Rocky
Lane Cliff Dale Glen Glenn Heath Marsh Moor Ford Major Minor Dusty Rusty Sandy
Stormy Misty Windy Shadow Sol Art Van Del Ray Wade Pat
""".split())


def load_hand(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == "canonical\ttype\taliases":
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in TYPES:
                sys.exit("%s:%d: bad row" % (path, n))
            aliases = [a for a in parts[2].split("|") if a]
            rows.append((parts[0], parts[1], aliases))
    return rows


def iso_rows():
    rows = []
    with open(os.path.join(ROOT, "usr/share/iso-codes/json/iso_3166-1.json"),
              encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            names = [c.get("common_name"), c["name"], c.get("official_name")]
            names = [n for n in names if n]
            canon = names[0]
            if "," in canon or "(" in canon:
                continue        # "Korea, Republic of": the hand table has these
            aliases = []
            for n in names[1:]:
                if n.startswith("the "):
                    n = n[4:]
                if "," not in n and "(" not in n:
                    aliases.append(n)
            rows.append((canon, "GPE", aliases))
    with open(os.path.join(ROOT, "usr/share/iso-codes/json/iso_3166-2.json"),
              encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            country = s["code"][:2]
            if country in ("US", "CA", "AU") and "[" not in s["name"]:
                rows.append((s["name"], "GPE", []))
    return rows


def names_pm():
    path = os.path.join(ROOT, "usr/share/perl5/Text/Names.pm")
    text = open(path, encoding="latin-1").read()
    out = {}
    for var, limit in (("MALE_FIRSTNAMES", 1219), ("FEMALE_FIRSTNAMES", 1500),
                       ("SURNAMES", 1000)):
        m = re.search(r"\$COMMON_" + var + r" = <<ENDNAMES;\n(.*?)\nENDNAMES", text, re.S)
        toks = m.group(1).split()
        names = [toks[i] for i in range(0, len(toks), 4)][:limit]
        out[var] = [n.capitalize() for n in names if n.isalpha()]
    return out


def c_string(s):
    b = s.encode("utf-8")
    out = '"'
    for ch in b:
        if ch in (0x22, 0x5C):
            out += "\\" + chr(ch)
        elif 0x20 <= ch < 0x7F and ch != 0x3F:
            out += chr(ch)
        else:
            out += "\\%03o" % ch
    return out + '"'


def main():
    hand = load_hand(os.path.join(HERE, "gazetteer.tsv"))
    entries = {}        # alias -> (canonical, type); hand rows first, so they win
    order = []
    for canon, typ, aliases in hand + iso_rows():
        for a in [canon] + aliases:
            if a.startswith("the "):
                sys.exit("alias %r: a span never starts with lowercase 'the'" % a)
            if a not in entries:
                entries[a] = (canon, typ)
                order.append(a)

    words = {}
    def addw(w, bit):
        words[w] = words.get(w, 0) | (1 << bit)
    with open(os.path.join(HERE, "words.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cls, ws = line.split("\t")
            bit, both = CLASSES[cls]
            for w in ws.split():
                addw(w, bit)
                if both:
                    addw(w[0].upper() + w[1:], bit)
                    addw(w.lower(), bit)
    stopish = {w for w, fl in words.items() if fl & ((1 << 7) | (1 << 10) | (1 << 11))}
    pm = names_pm()
    intl = []
    with open(os.path.join(HERE, "first_names_intl.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                intl += line.split()
    for n in pm["MALE_FIRSTNAMES"] + pm["FEMALE_FIRSTNAMES"] + intl:
        if n not in NOT_NAMES and n not in stopish:
            addw(n, BIT_FIRST)
    for n in pm["SURNAMES"]:
        if n not in NOT_NAMES and n not in stopish:
            addw(n, BIT_SURNAME)

    w = sys.stdout.write
    w("/*\n * gaz_data: the built-in tables of news-tag-entities.  GENERATED by\n"
      " * lib/data/gen_gazetteer.py; edit the sources there, not this file.\n"
      " * Sources: lib/data/gazetteer.tsv, words.tsv, first_names_intl.txt\n"
      " * (hand-compiled, 2026-11-25); iso-codes 4.15 iso_3166-1.json (countries)\n"
      " * and iso_3166-2.json (US, Canadian, Australian subdivisions);\n"
      " * libtext-names-perl 0.46 Text/Names.pm (US census first names, surnames).\n"
      " */\n#include <stddef.h>\n\n#include \"gazetteer.h\"\n\n")
    w("const struct gaz_builtin gaz_builtin[] = {\n")
    for a in order:
        canon, typ = entries[a]
        w("\t{ %s, %s, ENT_%s },\n" % (c_string(a), c_string(canon), typ))
    w("};\nconst size_t gaz_nbuiltin = sizeof(gaz_builtin) / sizeof(gaz_builtin[0]);\n\n")
    w("const struct gaz_word gaz_words[] = {\n")
    for k in sorted(words):
        w("\t{ %s, 0x%06lx },\n" % (c_string(k), words[k]))
    w("};\nconst size_t gaz_nwords = sizeof(gaz_words) / sizeof(gaz_words[0]);\n")


if __name__ == "__main__":
    main()
