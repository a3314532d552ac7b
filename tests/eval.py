#!/usr/bin/env python3
"""make eval: run the newsline pipeline on the seed and dev sets and score it.

Usage: python3 tests/eval.py [--bin DIR] [--details] [--set NAME DOCS GOLD]...
       python3 tests/eval.py --selftest

Runs news-split | news-normalize | news-tag-entities | news-extract-quotes |
news-stance (from $NEWS_BIN, default bin/) on corpus/articles/*.txt (scored
against corpus/gold/) and corpus/dev/docs/*.txt (scored against corpus/dev/),
as corpus/gold/README.md "Scoring against this gold" describes, and prints a
plain-text report.  It is a report, not a test: the exit status is 0 unless
this script itself breaks (2 for bad usage).  A stage whose binary is missing
is reported as "not built yet"; a tool that fails is reported and its partial
output is still scored.  --selftest scores small hand-made gold/prediction
pairs and checks the numbers (exit 1 on a mismatch).

Decisions where the gold README leaves room (also in README, "make eval"):
- Strings are compared after the light fold (fold() below) on both sides.
- Paragraph first words are compared by paragraph number, after the fold.
- Quote tokens: folded, case-folded, split on whitespace, every character
  that is not a letter or digit removed, empty tokens dropped; counted as a
  multiset ("half of the gold's tokens appear" = sum of min counts >= half).
- Quote paragraphs: the gold quote spans paragraphs p..p+k, where p is its
  `para` and p+k the first paragraph from p on that holds the last words of
  its text (its last 5 tokens, else its last 4, 3 or 2; k = 0 when none does
  within 5 paragraphs).  The tool quote spans
  its `para` to the paragraph of the last sentence its `context` covers (found
  by walking the sentence rows from its `sent`).  The two spans must overlap.
- One-to-one greedy matching, best pair first: the share of gold tokens
  covered, then the share of the tool quote's tokens covered, then document
  order.  Per-kind numbers come from a matching restricted to pairs of the
  same kind; "any kind" from a matching that ignores kind.  Speaker accuracy
  and stance use the any-kind matching.
- Stance macro-F1 averages the F1 of favor/against/neutral over the classes
  that occur (gold or predicted) among matched rows.
"""

import argparse
import collections
import functools
import glob
import os
import re
import subprocess
import sys
import unicodedata

STAGES = ['news-split', 'news-normalize', 'news-tag-entities',
          'news-extract-quotes', 'news-stance']
TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'NORP']
KINDS = ['direct', 'partial', 'indirect']
STANCES = ['favor', 'against', 'neutral']
TARGETS = ['nato-membership', 'eu-membership', 'ceasefire', 'peace-talks',
           'territorial-concession', 'peacekeepers', 'security-guarantees',
           'military-aid']
BYPASS = ('news-normalize', 'news-tag-entities')   # stages the pipeline can skip
TIMEOUT = 300          # seconds per tool run; a hang is reported, not waited out
SPAN_LOOKAHEAD = 5     # paragraphs searched for the end of a gold quote
TAIL_WORDS = 5         # words of a gold quote's end looked for in later paragraphs


# ------------------------------------------------------------------ strings
QUOTE_FOLD = {
    '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'",
    '\u2032': "'", '\u02bc': "'", '\u2039': "'", '\u203a': "'",
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"',
    '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
}


@functools.lru_cache(maxsize=65536)
def fold(s):
    """The light fold of corpus/gold/README.md: NFKC, invisible characters
    removed, curly quotes and apostrophes to ASCII, dashes to '-', whitespace
    runs to one space, trimmed."""
    s = unicodedata.normalize('NFKC', s)
    out = []
    for ch in s:
        if ch in QUOTE_FOLD:
            out.append(QUOTE_FOLD[ch])
        elif ch.isspace():
            out.append(' ')
        else:
            cat = unicodedata.category(ch)
            if cat == 'Pd' or ch == '\u2212':
                out.append('-')
            elif cat in ('Cf', 'Cc'):
                continue
            else:
                out.append(ch)
    return ' '.join(''.join(out).split())


@functools.lru_cache(maxsize=65536)
def tokens(s):
    """Word tokens: folded, case-folded, punctuation stripped."""
    out = []
    for w in fold(s).casefold().split():
        w = ''.join(c for c in w if c.isalnum())
        if w:
            out.append(w)
    return tuple(out)


def first_words(s, n=6):
    return ' '.join(fold(s).split()[:n])


def fold_speakers(s):
    return frozenset(fold(x) for x in s.split('|') if fold(x))


def ratio(a, b):
    return a / b if b else 0.0


def prf(tp, npred, ngold):
    p, r = ratio(tp, npred), ratio(tp, ngold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------ streams
ESC = {ord('\\'): b'\\', ord('t'): b'\t', ord('n'): b'\n', ord('r'): b'\r'}


def unescape(b):
    """Decode the four stream escapes; any other backslash pair stays."""
    if b'\\' not in b:
        return b
    out, i, n = bytearray(), 0, len(b)
    while i < n:
        j = b.find(b'\\', i)
        if j < 0 or j + 1 >= n:
            out += b[i:]
            break
        out += b[i:j]
        rep = ESC.get(b[j + 1])
        out += rep if rep is not None else b[j:j + 2]
        i = j + 2
    return bytes(out)


class Stream:
    """A newsline stream read from bytes: header names and rows of unescaped
    byte fields.  Problems (wrong field counts) are collected, not raised."""

    def __init__(self, data):
        self.cols, self.rows, self.problems = [], [], []
        if not data:
            return
        lines = data.split(b'\n')
        if lines and lines[-1] == b'':
            lines.pop()
        header = None
        for no, line in enumerate(lines, 1):
            if line.endswith(b'\r'):
                line = line[:-1]
            if header is None:
                if line.startswith(b'\xef\xbb\xbf'):
                    line = line[3:]
                header = line
                self.cols = line.decode('utf-8', 'replace').split('\t')
                continue
            if line == header:
                continue
            f = line.split(b'\t')
            if len(f) != len(self.cols):
                self.problems.append('line %d: %d fields, header has %d'
                                     % (no, len(f), len(self.cols)))
                continue
            self.rows.append([unescape(x) for x in f])
        self.index = {c: i for i, c in enumerate(self.cols)}

    def has(self, *names):
        return all(n in getattr(self, 'index', {}) for n in names)

    def missing(self, *names):
        return [n for n in names if not self.has(n)]

    def get(self, row, name):
        return row[self.index[name]].decode('utf-8', 'replace')

    def raw(self, row, name):
        return row[self.index[name]]


def read_gold(path):
    """A gold TSV file (no escapes needed there) as a list of dicts."""
    try:
        with open(path, encoding='utf-8', newline='') as f:
            lines = f.read().split('\n')
    except OSError:
        return None
    lines = [ln.rstrip('\r') for ln in lines if ln.strip('\r')]
    if not lines:
        return []
    head = lines[0].split('\t')
    return [dict(zip(head, ln.split('\t'))) for ln in lines[1:]]


def doc_paragraphs(text):
    """Paragraphs as FORMAT.md defines them (the rule the gold uses)."""
    blocks, cur = [], []
    for ln in text.split('\n'):
        if ln.strip():
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    paras = []
    for blk in blocks:
        if len(blk) > 1 and all(len(ln) <= 80 for ln in blk[:-1]):
            paras.append(' '.join(blk))
        else:
            paras.extend(blk)
    return paras


# ------------------------------------------------------------------ running
class Run:
    """One stage's run: status is 'ok', 'missing', 'skipped' or 'failed'."""

    def __init__(self, tool, status, out=b'', note=''):
        self.tool, self.status, self.out, self.note = tool, status, out, note
        self.stream = Stream(out) if status in ('ok', 'failed') else None

    def usable(self):
        return self.stream is not None and self.stream.cols != []


def built(bindir, tool):
    path = os.path.join(bindir, tool)
    return os.path.isfile(path) and os.access(path, os.X_OK)


def run_tool(bindir, tool, args, data):
    path = os.path.join(bindir, tool)
    if not built(bindir, tool):
        return Run(tool, 'missing', note='not built yet')
    try:
        p = subprocess.run([path] + args, input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        return Run(tool, 'failed', e.stdout or b'',
                   'killed after %d s (a hang?); its partial output is scored' % TIMEOUT)
    except OSError as e:
        return Run(tool, 'missing', note='cannot run: %s' % e)
    if p.returncode != 0:
        err = p.stderr.decode('utf-8', 'replace').strip().split('\n')
        how = ('killed by signal %d' % -p.returncode if p.returncode < 0
               else 'exit %d' % p.returncode)
        return Run(tool, 'failed', p.stdout,
                   '%s: %s; its partial output is scored'
                   % (how, err[0][:160] if err[0] else '(no message)'))
    return Run(tool, 'ok', p.stdout)


def run_pipeline(bindir, files):
    """Run the five stages; returns {tool: Run}."""
    runs = {}
    split = run_tool(bindir, 'news-split', files, b'')
    runs['news-split'] = split
    prev = split
    for tool in STAGES[1:]:
        if not prev.usable():
            note = 'not built yet' if not built(bindir, tool) else 'not run: needs %s' % prev.tool
            runs[tool] = Run(tool, 'skipped', note=note)
            prev = runs[tool]
            continue
        r = run_tool(bindir, tool, [], prev.out)
        runs[tool] = r
        if tool in BYPASS and r.status == 'missing':
            # A stage not built yet is left out, so the later tools can
            # still be scored: without news-normalize the split text is
            # tagged as it stands; without news-tag-entities the quotes
            # tool reads rows with no entities column (and says so if it
            # cannot).
            if tool == 'news-tag-entities':
                r.note += ('; news-extract-quotes reads %s output with an empty '
                           'entities column added' % prev.tool)
                r.out = with_empty_column(prev.out, b'entities')
                r.stream = Stream(r.out)
                r.status = 'bypassed'
                prev = r
            else:
                r.note += '; the next tool reads %s output' % prev.tool
            continue
        prev = r
    return runs


def with_empty_column(data, name):
    """The stream with an empty column NAME added at the end of each line."""
    lines = data.split(b'\n')
    if not lines or name in lines[0].rstrip(b'\r').split(b'\t'):
        return data
    head = lines[0].rstrip(b'\r')
    out = []
    for ln in lines:
        if ln == b'':
            out.append(ln)
            continue
        ln = ln.rstrip(b'\r')
        out.append(ln + b'\t' + name if ln == head else ln + b'\t')
    return b'\n'.join(out)


def describe(run):
    """One line for the Stages table."""
    if run.status == 'ok':
        return 'ok, %d rows' % len(run.stream.rows)
    if run.status == 'failed':
        return 'FAILED (%s), %d rows' % (run.note, len(run.stream.rows))
    return run.note


# ------------------------------------------------------------------ scoring
def score_paragraphs(gold_rows, stream):
    """Per doc: gold count, our count, first-6-word matches by number."""
    ours = collections.OrderedDict()
    for row in stream.rows:
        d = stream.get(row, 'doc')
        p = stream.get(row, 'para')
        ours.setdefault(d, collections.OrderedDict()).setdefault(p, []).append(
            stream.get(row, 'text'))
    gold = collections.OrderedDict()
    for g in gold_rows:
        gold.setdefault(g['doc'], {})[g['para']] = fold(g['first_words'])
    per = []
    for d in list(gold) + [d for d in ours if d not in gold]:
        g = gold.get(d, {})
        o = ours.get(d, {})
        match = sum(1 for p, fw in g.items()
                    if p in o and first_words(' '.join(o[p])) == fw)
        per.append((d, len(g), len(o), match))
    return per


def parse_entities(text, ents):
    """Entity items of one row -> list of (type, surface, canonical), plus
    the number of malformed items."""
    out, bad = [], 0
    if not ents:
        return out, bad
    for item in ents.split(b'|'):
        m = re.match(rb'([A-Z]+):(\d+)-(\d+):(.*)\Z', item, re.S)
        if not m:
            bad += 1
            continue
        a, b = int(m.group(2)), int(m.group(3))
        if not (0 <= a < b <= len(text)):
            bad += 1
            continue
        out.append((m.group(1).decode('ascii'),
                    text[a:b].decode('utf-8', 'replace'),
                    m.group(4).decode('utf-8', 'replace')))
    return out, bad


def predicted_entities(stream):
    """{(doc, type, folded surface): [count, Counter(canonical)]}, bad count."""
    pred, bad = {}, 0
    for row in stream.rows:
        d = stream.get(row, 'doc')
        items, nb = parse_entities(stream.raw(row, 'text'), stream.raw(row, 'entities'))
        bad += nb
        for typ, surf, canon in items:
            k = (d, typ, fold(surf))
            e = pred.setdefault(k, [0, collections.Counter()])
            e[0] += 1
            e[1][fold(canon)] += 1
    return pred, bad


def gold_entities(rows):
    gold = {}
    for g in rows:
        k = (g['doc'], g['type'], fold(g['surface']))
        e = gold.setdefault(k, [0, fold(g['canonical'])])
        e[0] += int(g['count'])
    return gold


def score_entities(gold, pred):
    """Row- and mention-level counts per type and pooled, canonical agreement.
    Returns {type or 'all': dict}."""
    res = {}
    for t in TYPES + ['all']:
        want = TYPES if t == 'all' else [t]
        gk = {k: v for k, v in gold.items() if k[1] in want}
        pk = {k: v for k, v in pred.items() if k[1] in want}
        both = [k for k in gk if k in pk]
        canon_ok = sum(1 for k in both
                       if pk[k][1].most_common(1)[0][0] == gk[k][1])
        res[t] = {
            'gold': len(gk), 'pred': len(pk), 'tp': len(both),
            'gold_m': sum(v[0] for v in gk.values()),
            'pred_m': sum(v[0] for v in pk.values()),
            'tp_m': sum(min(gk[k][0], pk[k][0]) for k in both),
            'canon': canon_ok,
        }
    return res


def gold_spans(gold_rows, doctexts):
    """(doc, quote) -> (first para, last para) of each gold quote."""
    spans = {}
    paras = {d: [tokens(p) for p in doc_paragraphs(t)] for d, t in doctexts.items()}
    for g in gold_rows:
        d, p = g['doc'], int(g['para'])
        end = p
        ps = paras.get(d, [])
        toks = tokens(g['text'])
        # the last words (5, else fewer, at least 2) of the text, in the
        # first paragraph from p on that holds them
        for n in range(min(TAIL_WORDS, len(toks)), min(2, len(toks)) - 1, -1):
            if n == 0:
                break
            tail = toks[-n:]
            j = next((j for j in range(p, min(p + SPAN_LOOKAHEAD, len(ps)) + 1)
                      if contains(ps[j - 1], tail)), None)
            if j is not None:
                end = j
                break
        spans[(d, g['quote'])] = (p, end)
    return spans


def contains(seq, sub):
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def tool_spans(qstream, sentences):
    """quote row index -> (first para, last para), from its context and the
    sentence rows (doc -> list of (para, sent, text)) it was extracted from."""
    spans = []
    for row in qstream.rows:
        d = qstream.get(row, 'doc')
        try:
            p = int(qstream.get(row, 'para'))
            s = qstream.get(row, 'sent')
        except ValueError:
            spans.append((0, -1))
            continue
        end = p
        ctx = qstream.get(row, 'context') if qstream.has('context') else ''
        sents = sentences.get(d, [])
        start = next((i for i, x in enumerate(sents) if x[1] == s), None)
        if start is not None and ctx:
            total = -1
            for i in range(start, min(start + 200, len(sents))):
                total += 1 + len(sents[i][2])
                end = max(end, sents[i][0])
                if total >= len(ctx):
                    break
        spans.append((p, end))
    return spans


def match_quotes(gold, pred, same_kind):
    """Greedy one-to-one matching.  gold and pred are lists of dicts with
    doc, kind, tokens, span.  Returns {gold index: pred index}."""
    cands = []
    bydoc = collections.defaultdict(list)
    for j, q in enumerate(pred):
        bydoc[q['doc']].append(j)
    for i, g in enumerate(gold):
        gt = collections.Counter(g['tokens'])
        ng = sum(gt.values())
        if not ng:
            continue
        for j in bydoc.get(g['doc'], []):
            q = pred[j]
            if same_kind and q['kind'] != g['kind']:
                continue
            if q['span'][0] > g['span'][1] or g['span'][0] > q['span'][1]:
                continue
            pt = collections.Counter(q['tokens'])
            cov = sum(min(c, pt[w]) for w, c in gt.items())
            if 2 * cov < ng:
                continue
            cands.append((-cov / ng, -cov / max(1, sum(pt.values())), i, j))
    cands.sort()
    gm, pm = {}, set()
    for _, _, i, j in cands:
        if i in gm or j in pm:
            continue
        gm[i] = j
        pm.add(j)
    return gm


def score_quotes(gold, pred):
    """Per kind (kind-strict matching) and any-kind numbers, speaker accuracy."""
    strict = match_quotes(gold, pred, True)
    loose = match_quotes(gold, pred, False)
    res = {}
    for k in KINDS:
        res[k] = {'gold': sum(1 for g in gold if g['kind'] == k),
                  'pred': sum(1 for q in pred if q['kind'] == k),
                  'tp': sum(1 for i in strict if gold[i]['kind'] == k)}
    res['all'] = {'gold': len(gold), 'pred': len(pred), 'tp': len(strict)}
    res['any'] = {'gold': len(gold), 'pred': len(pred), 'tp': len(loose)}
    res['speaker_ok'] = sum(1 for i, j in loose.items()
                            if gold[i]['speaker'] == pred[j]['speaker'])
    res['loose'] = loose
    return res


def score_stance(gold, pred, qmatch):
    """gold: list of (doc, gold quote, target, stance); pred: list of
    (doc, tool quote, target, stance); qmatch: {(doc, tool quote): gold quote}.
    Returns counts, per-class F1, macro-F1 and the confusion matrix."""
    gset = {}
    for d, q, t, s in gold:
        gset[(d, q, t)] = s
    per = collections.OrderedDict((t, [0, 0, 0]) for t in TARGETS)
    for d, q, t in gset:
        per.setdefault(t, [0, 0, 0])[2] += 1
    matched, seen = [], set()
    npred = 0
    for d, q, t, s in pred:
        if not t:
            continue
        npred += 1
        per.setdefault(t, [0, 0, 0])[1] += 1
        gq = qmatch.get((d, q))
        key = (d, gq, t)
        if gq is not None and key in gset and key not in seen:
            seen.add(key)
            matched.append((gset[key], s))
            per[t][0] += 1
    conf = {g: collections.Counter() for g in STANCES}
    for g, s in matched:
        conf.setdefault(g, collections.Counter())[s] += 1
    f1s = {}
    for c in STANCES:
        tp = sum(1 for g, s in matched if g == c and s == c)
        fp = sum(1 for g, s in matched if g != c and s == c)
        fn = sum(1 for g, s in matched if g == c and s != c)
        if tp + fp + fn:
            f1s[c] = 2 * tp / (2 * tp + fp + fn)
    macro = sum(f1s.values()) / len(f1s) if f1s else 0.0
    acc = ratio(sum(1 for g, s in matched if g == s), len(matched))
    return {'gold': len(gset), 'pred': npred, 'tp': len(matched), 'per': per,
            'f1': f1s, 'macro': macro, 'acc': acc, 'conf': conf}


# ------------------------------------------------------------------ one set
class SetResult:
    pass


def why(run):
    """Why a stage's output cannot be scored."""
    if run.status == 'failed':
        return '%s failed before writing a header (%s)' % (
            run.tool, run.note.replace('; its partial output is scored', ''))
    if run.status == 'ok':
        return '%s wrote no header' % run.tool
    return '%s %s' % (run.tool, run.note)


def evaluate_set(name, docdir, golddir, bindir):
    r = SetResult()
    r.name, r.docdir, r.golddir = name, docdir, golddir
    r.files = sorted(glob.glob(os.path.join(docdir, '*.txt')))
    r.doctexts = {}
    for f in r.files:
        with open(f, encoding='utf-8', errors='replace', newline='') as fh:
            r.doctexts[os.path.splitext(os.path.basename(f))[0]] = fh.read()
    r.gold = {n: read_gold(os.path.join(golddir, n + '.tsv'))
              for n in ('paragraphs', 'entities', 'quotes', 'stance')}
    r.docs = [d for d in r.doctexts]
    r.runs = run_pipeline(bindir, r.files) if r.files else {
        t: Run(t, 'skipped', note='no documents in %s' % docdir) for t in STAGES}
    r.problems = []
    for t, run in r.runs.items():
        if run.stream is not None and run.stream.problems:
            r.problems.append('%s output: %d malformed line(s), first: %s'
                              % (t, len(run.stream.problems), run.stream.problems[0]))

    # paragraphs
    r.para, r.para_why = None, ''
    split = r.runs['news-split']
    if not split.usable():
        r.para_why = why(split)
    elif split.stream.missing('doc', 'para', 'text'):
        r.para_why = 'news-split output lacks ' + ', '.join(split.stream.missing('doc', 'para', 'text'))
    elif r.gold['paragraphs'] is None:
        r.para_why = 'no gold paragraphs.tsv'
    else:
        r.para = score_paragraphs(r.gold['paragraphs'], split.stream)

    # entities
    r.ent, r.ent_why = None, ''
    tag = r.runs['news-tag-entities']
    if tag.status == 'bypassed':
        r.ent_why = 'news-tag-entities not built yet'
    elif not tag.usable():
        r.ent_why = why(tag)
    elif tag.stream.missing('doc', 'text', 'entities'):
        r.ent_why = 'news-tag-entities output lacks ' + ', '.join(tag.stream.missing('doc', 'text', 'entities'))
    elif r.gold['entities'] is None:
        r.ent_why = 'no gold entities.tsv'
    else:
        r.ent_gold = gold_entities(r.gold['entities'])
        r.ent_pred, r.ent_bad = predicted_entities(tag.stream)
        r.ent = score_entities(r.ent_gold, r.ent_pred)
        r.ent_other = sum(v[0] for k, v in r.ent_pred.items() if k[1] not in TYPES)

    # quotes
    r.quo, r.quo_why = None, ''
    xq = r.runs['news-extract-quotes']
    need = ('doc', 'quote', 'para', 'sent', 'kind', 'speaker', 'text')
    if not xq.usable():
        r.quo_why = why(xq)
    elif xq.stream.missing(*need):
        r.quo_why = 'news-extract-quotes output lacks ' + ', '.join(xq.stream.missing(*need))
    elif r.gold['quotes'] is None:
        r.quo_why = 'no gold quotes.tsv'
    else:
        # the sentence rows extract-quotes read: tag output, else normalize, else split
        src = next((r.runs[t] for t in ('news-tag-entities', 'news-normalize', 'news-split')
                    if r.runs[t].usable()), None)
        sentences = collections.defaultdict(list)
        if src is not None and src.stream.has('doc', 'para', 'sent', 'text'):
            for row in src.stream.rows:
                try:
                    pno = int(src.stream.get(row, 'para'))
                except ValueError:
                    continue
                sentences[src.stream.get(row, 'doc')].append(
                    (pno, src.stream.get(row, 'sent'), src.stream.get(row, 'text')))
        gspan = gold_spans(r.gold['quotes'], r.doctexts)
        r.qgold = [{'doc': g['doc'], 'quote': g['quote'], 'kind': g['kind'],
                    'speaker': fold_speakers(g['speaker']), 'tokens': tokens(g['text']),
                    'span': gspan[(g['doc'], g['quote'])], 'text': g['text'],
                    'raw_speaker': g['speaker']}
                   for g in r.gold['quotes']]
        s = xq.stream
        tspan = tool_spans(s, sentences)
        r.qpred = [{'doc': s.get(row, 'doc'), 'quote': s.get(row, 'quote'),
                    'kind': s.get(row, 'kind'), 'speaker': fold_speakers(s.get(row, 'speaker')),
                    'tokens': tokens(s.get(row, 'text')), 'span': tspan[n],
                    'text': s.get(row, 'text'), 'raw_speaker': s.get(row, 'speaker')}
                   for n, row in enumerate(s.rows)]
        r.quo = score_quotes(r.qgold, r.qpred)

    # stance
    r.sta, r.sta_why = None, ''
    st = r.runs['news-stance']
    if r.quo is None:
        r.sta_why = why(st) if not st.usable() else 'needs the quote scores (%s)' % r.quo_why
    elif not st.usable():
        r.sta_why = why(st)
    elif st.stream.missing('doc', 'quote', 'target', 'stance'):
        r.sta_why = 'news-stance output lacks ' + ', '.join(st.stream.missing('doc', 'quote', 'target', 'stance'))
    elif r.gold['stance'] is None:
        r.sta_why = 'no gold stance.tsv'
    else:
        qmatch = {(r.qpred[j]['doc'], r.qpred[j]['quote']): r.qgold[i]['quote']
                  for i, j in r.quo['loose'].items()}
        r.sgold = [(g['doc'], g['quote'], g['target'], g['stance']) for g in r.gold['stance']]
        r.spred = [(st.stream.get(row, 'doc'), st.stream.get(row, 'quote'),
                    st.stream.get(row, 'target'), st.stream.get(row, 'stance'))
                   for row in st.stream.rows]
        r.sta = score_stance(r.sgold, r.spred, qmatch)
    return r


# ------------------------------------------------------------------ report
def f3(x):
    return '%.3f' % x


def prf_cells(tp, npred, ngold):
    p, rr, f = prf(tp, npred, ngold)
    return '%5d %5d %5d  %s %s %s' % (ngold, npred, tp, f3(p), f3(rr), f3(f))


def table(w, title, sets, rows):
    """rows: list of (label, {set name: (tp, npred, ngold)}); one column
    group per set, side by side."""
    w('  %-22s' % title + ''.join('| %-41s' % s.name for s in sets).rstrip() + '\n')
    w('  %-22s' % '' + ''.join('| %-41s' % ' gold  pred    tp      P     R    F1'
                               for s in sets).rstrip() + '\n')
    for label, cells in rows:
        w('  %-22s' % label + ''.join('| %-41s' % prf_cells(*cells[s.name])
                                      for s in sets).rstrip() + '\n')


def report(sets, bindir, details):
    w = sys.stdout.write
    w('newsline eval: the pipeline from %s, scored as corpus/gold/README.md says\n' % bindir)
    for s in sets:
        w('  %-6s %d docs from %s, gold from %s\n' % (s.name, len(s.files), s.docdir, s.golddir))
    w('\nStages\n')
    for t in STAGES:
        cells = []
        for s in sets:
            run = s.runs[t]
            cells.append(describe(run))
        if len(set(cells)) == 1:
            w('  %-20s %s\n' % (t, cells[0]))
        else:
            w('  %-20s %s\n' % (t, '; '.join('%s: %s' % (s.name, c) for s, c in zip(sets, cells))))
    for s in sets:
        for p in s.problems:
            w('  WARNING %s: %s\n' % (s.name, p))

    # ---- paragraphs
    w('\n1. Paragraphs (news-split): count and first 6 words, by paragraph number\n')
    for s in sets:
        if s.para is None:
            w('  %s: not scored: %s\n' % (s.name, s.para_why))
            continue
        w('  %s\n  %-36s %5s %5s %6s\n' % (s.name, 'doc', 'gold', 'ours', 'match'))
        for d, g, o, m in s.para:
            flag = '' if g == o else '  <- count differs'
            w('  %-36s %5d %5d %6d%s\n' % (d, g, o, m, flag))
        tg = sum(x[1] for x in s.para)
        to = sum(x[2] for x in s.para)
        tm = sum(x[3] for x in s.para)
        w('  %-36s %5d %5d %6d  (%d/%d docs with the right count)\n'
          % ('total', tg, to, tm, sum(1 for x in s.para if x[1] == x[2]), len(s.para)))

    # ---- entities
    w('\n2. Entities (news-tag-entities on news-split | news-normalize): (doc, type, surface)\n')
    for s in sets:
        if s.ent is None:
            w('  %s: not scored: %s\n' % (s.name, s.ent_why))
    es = [s for s in sets if s.ent is not None]
    if es:
        table(w, 'rows', es, [(t, {s.name: (s.ent[t]['tp'], s.ent[t]['pred'], s.ent[t]['gold'])
                                   for s in es}) for t in TYPES + ['all']])
        table(w, 'mentions', es, [(t, {s.name: (s.ent[t]['tp_m'], s.ent[t]['pred_m'], s.ent[t]['gold_m'])
                                       for s in es}) for t in TYPES + ['all']])
        for s in es:
            a = s.ent['all']
            w('  %s: canonical name agrees on %d of %d matched rows (%s); '
              'DATE/MONEY/other mentions not scored: %d; malformed items: %d\n'
              % (s.name, a['canon'], a['tp'], f3(ratio(a['canon'], a['tp'])),
                 s.ent_other, s.ent_bad))

    # ---- quotes
    w('\n3. Quotes (news-extract-quotes): >= half the gold words, paragraph spans overlap, one-to-one\n')
    for s in sets:
        if s.quo is None:
            w('  %s: not scored: %s\n' % (s.name, s.quo_why))
    qs = [s for s in sets if s.quo is not None]
    if qs:
        table(w, 'kind', qs, [(label, {s.name: (s.quo[k]['tp'], s.quo[k]['pred'], s.quo[k]['gold'])
                                       for s in qs})
                              for k, label in [(k, k) for k in KINDS]
                              + [('all', 'all, same kind'), ('any', 'all, any kind')]])
        for s in qs:
            n = s.quo['any']['tp']
            w('  %s: speaker right on %d of %d matched quotes (%s)\n'
              % (s.name, s.quo['speaker_ok'], n, f3(ratio(s.quo['speaker_ok'], n))))

    # ---- stance
    w('\n4. Stance (news-stance): (doc, matched quote, target)\n')
    for s in sets:
        if s.sta is None:
            w('  %s: not scored: %s\n' % (s.name, s.sta_why))
    ss = [s for s in sets if s.sta is not None]
    if ss:
        targets = []
        for s in ss:
            targets += [t for t in s.sta['per'] if t not in targets]
        table(w, 'target', ss, [(t, {s.name: tuple(s.sta['per'].get(t, [0, 0, 0])) for s in ss})
                                for t in targets]
              + [('all', {s.name: (s.sta['tp'], s.sta['pred'], s.sta['gold']) for s in ss})])
        for s in ss:
            f1s = ' '.join('%s %s' % (c, f3(s.sta['f1'][c]) if c in s.sta['f1'] else '-')
                           for c in STANCES)
            w('  %s: stance on %d matched rows: macro-F1 %s (%s), accuracy %s\n'
              % (s.name, s.sta['tp'], f3(s.sta['macro']), f1s, f3(s.sta['acc'])))
            w('    confusion (rows gold, columns ours)  %s\n' % ' '.join('%8s' % c for c in STANCES))
            for g in STANCES:
                w('    %-36s %s\n' % (g, ' '.join('%8d' % s.sta['conf'][g][c] for c in STANCES)))

    # ---- per document
    w('\n5. Per document (gold / ours; rows on docs whose gold has none are false positives)\n')
    for s in sets:
        w('  %s\n  %-36s %11s %11s %9s %11s\n' % (s.name, 'doc', 'ent rows', 'quotes', 'q match',
                                                  'stance'))
        def counter(rows, keep=lambda g: True):
            return collections.Counter(g['doc'] for g in rows if keep(g)) if rows is not None else None
        egc = counter(s.gold['entities'], lambda g: g['type'] in TYPES)
        qgc = counter(s.gold['quotes'])
        sgc = counter(s.gold['stance'])
        epc = collections.Counter(k[0] for k in s.ent_pred if k[1] in TYPES) if s.ent else None
        qpc = collections.Counter(q['doc'] for q in s.qpred) if s.quo else None
        qmc = collections.Counter(s.qgold[i]['doc'] for i in s.quo['loose']) if s.quo else None
        spc = collections.Counter(x[0] for x in s.spred if x[2]) if s.sta else None
        docs = list(s.docs)
        extra = set()
        for c in (epc, qpc, spc):
            if c:
                extra.update(d for d in c if d not in s.doctexts)
        for d in docs + sorted(extra):
            def pair(g, p):
                return '%5s/%-5s' % (g[d] if g is not None else '-', p[d] if p is not None else '-')
            fp = ''
            if spc is not None and sgc is not None and sgc[d] == 0 and spc[d]:
                fp = '  <- %d stance row(s) on a doc with none' % spc[d]
            elif qpc is not None and qgc is not None and qgc[d] == 0 and qpc[d]:
                fp = '  <- %d quote(s) on a doc with none' % qpc[d]
            w(('  %-36s %s %s %9s %s%s' % (d, pair(egc, epc), pair(qgc, qpc),
                                          qmc[d] if qmc is not None else '-', pair(sgc, spc),
                                          fp)).rstrip() + '\n')

    if details:
        write_details(sets, w)

    # ---- summary
    w('\nSummary\n')
    for s in sets:
        w('%-6s paragraphs  %s\n' % (s.name, summary_para(s)))
        w('%-6s entities    %s\n' % (s.name, summary_ent(s)))
        w('%-6s quotes      %s\n' % (s.name, summary_quo(s)))
        w('%-6s stance      %s\n' % (s.name, summary_sta(s)))


def summary_para(s):
    if s.para is None:
        return 'not scored: ' + s.para_why
    tg, to, tm = (sum(x[i] for x in s.para) for i in (1, 2, 3))
    return 'gold %d, ours %d, first words match %d (%s); right count in %d/%d docs' % (
        tg, to, tm, f3(ratio(tm, tg)), sum(1 for x in s.para if x[1] == x[2]), len(s.para))


def summary_ent(s):
    if s.ent is None:
        return 'not scored: ' + s.ent_why
    a = s.ent['all']
    p, r, f = prf(a['tp'], a['pred'], a['gold'])
    _, _, fm = prf(a['tp_m'], a['pred_m'], a['gold_m'])
    return 'rows P %s R %s F1 %s; mentions F1 %s; canonical %s' % (
        f3(p), f3(r), f3(f), f3(fm), f3(ratio(a['canon'], a['tp'])))


def summary_quo(s):
    if s.quo is None:
        return 'not scored: ' + s.quo_why
    a = s.quo['any']
    p, r, f = prf(a['tp'], a['pred'], a['gold'])
    _, _, fk = prf(s.quo['all']['tp'], s.quo['all']['pred'], s.quo['all']['gold'])
    return 'any kind P %s R %s F1 %s; same kind F1 %s; speaker %s' % (
        f3(p), f3(r), f3(f), f3(fk), f3(ratio(s.quo['speaker_ok'], a['tp'])))


def summary_sta(s):
    if s.sta is None:
        return 'not scored: ' + s.sta_why
    p, r, f = prf(s.sta['tp'], s.sta['pred'], s.sta['gold'])
    return 'target P %s R %s F1 %s; stance macro-F1 %s on %d matched rows' % (
        f3(p), f3(r), f3(f), f3(s.sta['macro']), s.sta['tp'])


def write_details(sets, w):
    w('\nDetails (--details)\n')
    for s in sets:
        if s.ent is not None:
            w('  %s entities: missed (gold rows we lack)\n' % s.name)
            for k in sorted(s.ent_gold):
                if k[1] in TYPES and k not in s.ent_pred:
                    w('    - %s %s %r x%d\n' % (k[0], k[1], k[2], s.ent_gold[k][0]))
            w('  %s entities: spurious (our rows not in gold)\n' % s.name)
            for k in sorted(s.ent_pred):
                if k[1] in TYPES and k not in s.ent_gold:
                    w('    + %s %s %r x%d\n' % (k[0], k[1], k[2], s.ent_pred[k][0]))
            w('  %s entities: canonical differs\n' % s.name)
            for k in sorted(s.ent_gold):
                if k[1] in TYPES and k in s.ent_pred:
                    ours = s.ent_pred[k][1].most_common(1)[0][0]
                    if ours != s.ent_gold[k][1]:
                        w('    ~ %s %s %r gold %r ours %r\n' % (k[0], k[1], k[2], s.ent_gold[k][1], ours))
        if s.quo is not None:
            loose = s.quo['loose']
            used = set(loose.values())
            w('  %s quotes: missed gold quotes\n' % s.name)
            for i, g in enumerate(s.qgold):
                if i not in loose:
                    w('    - %s q%s p%d %s [%s] %s\n' % (g['doc'], g['quote'], g['span'][0], g['kind'],
                                                     g['raw_speaker'], g['text'][:100]))
            w('  %s quotes: spurious tool quotes\n' % s.name)
            for j, q in enumerate(s.qpred):
                if j not in used:
                    w('    + %s q%s p%d %s [%s] %s\n' % (q['doc'], q['quote'], q['span'][0], q['kind'],
                                                     q['raw_speaker'], q['text'][:100]))
            w('  %s quotes: matched with another kind or speaker\n' % s.name)
            for i, j in sorted(loose.items()):
                g, q = s.qgold[i], s.qpred[j]
                if g['kind'] != q['kind'] or g['speaker'] != q['speaker']:
                    w('    ~ %s gold q%s %s [%s] / ours q%s %s [%s]\n' % (
                        g['doc'], g['quote'], g['kind'], g['raw_speaker'], q['quote'], q['kind'],
                        q['raw_speaker']))


# ------------------------------------------------------------------ selftest
def selftest():
    fails = []

    def check(name, got, want):
        if got != want:
            fails.append('%s: got %r, want %r' % (name, got, want))

    # fold and tokens
    check('fold quotes', fold('\u201cUkraine\u2019s\u00a0 troops\u201d'), '"Ukraine\'s troops"')
    check('fold dash/invisible', fold(' a\u2014b\u200bc\u00ad \ufb01 '), 'a-bc fi')
    check('fold NFKC', fold('\uff21\u2009B'), 'A B')
    check('tokens', tokens('\u201cIt\u2019s a U.S.-led deal,\u201d he said \u2014 OK.'),
          ('its', 'a', 'usled', 'deal', 'he', 'said', 'ok'))
    check('speakers as a set', fold_speakers('Pete Hegseth|Donald Trump'),
          fold_speakers('Donald Trump|Pete\u00a0Hegseth'))
    check('empty speaker', fold_speakers(''), frozenset())
    # stream reading
    check('unescape', unescape(b'a\\tb\\nc\\\\d\\qe\\'), b'a\tb\nc\\d\\qe\\')
    st = Stream(b'doc\ttext\r\nd1\tx\\ty\ndoc\ttext\nd1\tonly\textra\nd2\t\xff\x00z')
    check('stream cols', st.cols, ['doc', 'text'])
    check('stream rows', st.rows, [[b'd1', b'x\ty'], [b'd2', b'\xff\x00z']])
    check('stream problems', len(st.problems), 1)
    check('empty column', with_empty_column(b'doc\tx\r\na\tb\ndoc\tx\nc\td', b'e'),
          b'doc\tx\te\na\tb\t\ndoc\tx\te\nc\td\t')
    check('empty stream', Stream(b'').cols, [])
    # paragraphs per FORMAT.md
    check('paragraphs', doc_paragraphs('T\n\nshort\nwrapped\n\n' + 'x' * 81 + '\ny\n'),
          ['T', 'short wrapped', 'x' * 81, 'y'])
    # entity items: offsets are bytes of the unescaped text
    text = 'Zelensky\u2019s aide met Trump.'.encode()
    items, bad = parse_entities(text, b'PER:0-8:Volodymyr Zelensky|PER:22-27:Donald Trump|X:1|PER:3-99:Y')
    check('entity items', items, [('PER', 'Zelensky', 'Volodymyr Zelensky'), ('PER', 'Trump', 'Donald Trump')])
    check('entity bad', bad, 2)
    # entity scoring: gold 3 rows (6 mentions), pred 3 rows (5 mentions)
    gold = gold_entities([
        {'doc': 'd', 'type': 'PER', 'canonical': 'Donald Trump', 'surface': 'Trump', 'count': '3'},
        {'doc': 'd', 'type': 'GPE', 'canonical': 'Kyiv', 'surface': 'Kyiv', 'count': '2'},
        {'doc': 'd', 'type': 'ORG', 'canonical': 'NATO', 'surface': 'NATO', 'count': '1'}])
    pred = {('d', 'PER', 'Trump'): [2, collections.Counter({'Donald Trump': 2})],
            ('d', 'GPE', 'Kyiv'): [2, collections.Counter({'Kiev': 2})],
            ('d', 'PER', 'Kyiv'): [1, collections.Counter({'Kyiv': 1})],
            ('d', 'DATE', 'Monday'): [1, collections.Counter({'Monday': 1})]}
    e = score_entities(gold, pred)
    check('entities all rows', (e['all']['gold'], e['all']['pred'], e['all']['tp']), (3, 3, 2))
    check('entities all mentions', (e['all']['gold_m'], e['all']['pred_m'], e['all']['tp_m']), (6, 5, 4))
    check('entities canonical', e['all']['canon'], 1)
    check('entities PER', (e['PER']['gold'], e['PER']['pred'], e['PER']['tp']), (1, 2, 1))
    check('entities ORG', (e['ORG']['gold'], e['ORG']['pred'], e['ORG']['tp']), (1, 0, 0))
    check('prf', tuple(round(x, 4) for x in prf(2, 3, 4)), (0.6667, 0.5, 0.5714))
    check('prf zero', prf(0, 0, 0), (0.0, 0.0, 0.0))

    # quotes: 4 gold, 4 tool
    def q(doc, n, kind, spk, text, span):
        return {'doc': doc, 'quote': n, 'kind': kind, 'speaker': fold_speakers(spk),
                'tokens': tokens(text), 'span': span}
    g = [q('d', '1', 'direct', 'A B', 'We want peace now and we want it soon.', (2, 2)),
         q('d', '2', 'partial', 'C', 'a just deal', (3, 3)),
         q('d', '3', 'indirect', 'A B', 'the talks would resume in May', (4, 5)),
         q('e', '1', 'direct', 'D|E', 'Nothing is agreed.', (1, 1))]
    p = [q('d', '1', 'direct', 'A B', 'We want peace now', (2, 2)),        # 4/9 < half: no
         q('d', '2', 'direct', 'A  B', 'We want peace now and we want', (2, 2)),  # 7/9
         q('d', '3', 'partial', 'C', 'a just deal', (9, 9)),              # wrong paragraph
         q('d', '4', 'direct', 'A B', 'the talks would resume', (5, 5)),  # 4/6, other kind
         q('e', '1', 'direct', 'E|D', 'nothing is agreed', (1, 1))]
    r = score_quotes(g, p)
    check('quotes any', (r['any']['gold'], r['any']['pred'], r['any']['tp']), (4, 5, 3))
    check('quotes same kind', r['all']['tp'], 2)
    check('quotes direct', (r['direct']['gold'], r['direct']['pred'], r['direct']['tp']), (2, 4, 2))
    check('quotes indirect', r['indirect']['tp'], 0)
    check('quotes pairs', sorted(r['loose'].items()), [(0, 1), (2, 3), (3, 4)])
    check('speaker ok', r['speaker_ok'], 3)
    # greedy: the better-covering tool quote wins, each side used once
    g2 = [q('d', '1', 'direct', 'A', 'one two three four', (1, 1))]
    p2 = [q('d', '1', 'direct', 'A', 'one two x y z', (1, 1)),
          q('d', '2', 'direct', 'A', 'one two three', (1, 1))]
    check('greedy best', match_quotes(g2, p2, False), {0: 1})
    # gold span: the quote's last words are found two paragraphs on
    doc = 'Title\n\n\u201cWe will go on. We\n\n\u201cWill win.\n\n\u201cAnd be free,\u201d he said.\n\nEnd.\n'
    sp = gold_spans([{'doc': 'x', 'quote': '1', 'para': '2',
                      'text': 'We will go on. We will win. And be free,'}], {'x': doc})
    check('gold span', sp[('x', '1')], (2, 4))
    # tool span: context covering sentences 2-3, which lie in paras 1-2
    qs = Stream(b'doc\tquote\tpara\tsent\tcontext\nx\t1\t1\t2\tBb. Cc.\n')
    check('tool span', tool_spans(qs, {'x': [(1, '1', 'Aa.'), (1, '2', 'Bb.'), (2, '3', 'Cc.'),
                                             (3, '4', 'Dd.')]}), [(1, 2)])
    # stance
    gs = [('d', '1', 'nato-membership', 'favor'), ('d', '1', 'ceasefire', 'neutral'),
          ('d', '3', 'peace-talks', 'against'), ('d', '3', 'ceasefire', 'favor')]
    ps = [('d', '7', 'nato-membership', 'favor'), ('d', '7', 'ceasefire', 'favor'),
          ('d', '8', 'peace-talks', 'against'), ('d', '9', 'peace-talks', 'favor'),
          ('d', '8', '', '')]
    s = score_stance(gs, ps, {('d', '7'): '1', ('d', '8'): '3'})
    check('stance counts', (s['gold'], s['pred'], s['tp']), (4, 4, 3))
    check('stance f1', {c: round(v, 4) for c, v in s['f1'].items()},
          {'favor': 0.6667, 'against': 1.0, 'neutral': 0.0})
    check('stance macro', round(s['macro'], 4), 0.5556)
    check('stance confusion', s['conf']['neutral']['favor'], 1)
    check('stance per target', (s['per']['ceasefire'], s['per']['peace-talks']), ([1, 1, 2], [1, 2, 1]))

    for f in fails:
        print('selftest FAIL', f)
    print('selftest: %d failed' % len(fails) if fails else 'selftest: all checks passed')
    return 1 if fails else 0


# ------------------------------------------------------------------ main
def main(argv):
    ap = argparse.ArgumentParser(prog='eval.py', description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default=os.environ.get('NEWS_BIN') or 'bin',
                    help='directory of the tools (default $NEWS_BIN or bin)')
    ap.add_argument('--set', nargs=3, action='append', metavar=('NAME', 'DOCS', 'GOLD'),
                    help='score DOCS/*.txt against GOLD/*.tsv (repeatable; replaces the defaults)')
    ap.add_argument('--details', action='store_true',
                    help='also list missed and spurious entities and quotes')
    ap.add_argument('--selftest', action='store_true', help='check the scoring functions')
    a = ap.parse_args(argv)
    sys.stdout.reconfigure(encoding='utf-8', errors='replace')
    if a.selftest:
        return selftest()
    sets = a.set or [('seeds', 'corpus/articles', 'corpus/gold'),
                     ('dev', 'corpus/dev/docs', 'corpus/dev')]
    results = [evaluate_set(n, d, g, a.bin) for n, d, g in sets]
    report(results, a.bin, a.details)
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.exit(0)
