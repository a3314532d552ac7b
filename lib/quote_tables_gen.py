# Writes lib/quote_tables.c, the hand-compiled word classes of news-extract-quotes:
# edit the lists here, then: python3 lib/quote_tables_gen.py > lib/quote_tables.c
S, ST, P, Q = "QW_SAY", "QW_STANCE", "QW_PART", "QW_QUOTEONLY"
rows = {}
def add(words, flag, group=0, particle=None):
    for w in words.split():
        f, g, p = rows.get(w, (set(), 0, None))
        f.add(flag)
        rows[w] = (f, group or g, particle or p)

# verbs of saying: base, -s, past, -ing
say = """say says said saying|add adds added adding|tell tells told telling|state states stated stating|
explain explains explained explaining|note notes noted noting|stress stresses stressed stressing|
emphasize emphasizes emphasized emphasizing|emphasise emphasises emphasised emphasising|
insist insists insisted insisting|argue argues argued arguing|claim claims claimed claiming|
warn warns warned warning|announce announces announced announcing|declare declares declared declaring|
write writes wrote writing|acknowledge acknowledges acknowledged acknowledging|
admit admits admitted admitting|confirm confirms confirmed confirming|deny denies denied denying|
suggest suggests suggested suggesting|caution cautions cautioned cautioning|
reiterate reiterates reiterated reiterating|predict predicts predicted predicting|
maintain maintains maintained maintaining|contend contends contended contending|
assert asserts asserted asserting|allege alleges alleged alleging|testify testifies testified testifying|
recall recalls recalled recalling|concede concedes conceded conceding|complain complains complained complaining|
reveal reveals revealed revealing|suspect suspects suspected|indicate indicates indicated indicating|report reports reported|
believe believes believed|think thinks thought|feel feels felt|
observe observes observed|remark remarks remarked|comment comments commented|conclude concludes concluded|
tweet tweets tweeted|describe describes described describing|characterize characterizes characterized characterizing|
characterise characterises characterised|promise promises promised promising|pledge pledges pledged pledging|
vow vows vowed vowing|threaten threatens threatened threatening|urge urges urged urging|
accuse accuses accused accusing|estimate estimates estimated|blame blames blamed blaming|
cite cites cited citing|chide chides chided chiding|disclose discloses disclosed disclosing|
forecast forecasts forecasting|fear fears feared|signal signals signalled signaled|
hint hints hinted hinting|question questions questioned questioning|predicted|agree agrees agreed|
point points pointed pointing|refer refers referred referring|stated"""
parts = []
for grp in say.split("|"):
    ws = grp.split()
    for w in ws:
        add(w, S)
        if w.endswith("ing"):
            add(w, P)
quoteonly = "ask asks asked asking reply replies replied replying respond responds responded responding continue continues continued continuing joke jokes joked laugh laughed smile smiled quip quipped shout shouted exclaim exclaimed went goes write wrote posted post posts"
for w in quoteonly.split():
    add(w, S); add(w, Q)
for w in "asking replying responding continuing".split():
    add(w, P)
# weak cues: a position only when a quoted fragment follows (wants to "work directly")
for w in "want wants wanted hopes hoped".split():
    rows[w] = ({ST, "QW_WEAK"}, 0, None)
stance = """reject rejects rejected rejecting|favors favored favoring|favours favoured favouring|
supports supported supporting|backs backed backing|oppose opposes opposed opposing|
welcomes welcomed|demands demanded demanding|propose proposes proposed proposing|
floated|vow vows vowed vowing|threaten threatens threatened threatening|
pledge pledges pledged pledging|promise promises promised promising|endorse endorses endorsed endorsing|
defends defended defending|recommends recommended recommending|requests requested requesting|
dismiss dismisses dismissed dismissing|condemn condemns condemned condemning|
criticize criticizes criticized criticizing|criticise criticises criticised criticising|
urge urges urged urging|express expresses expressed expressing|praise praises praised praising|
"""
for grp in stance.split("|"):
    for w in grp.split():
        add(w, ST)
        if w.endswith("ing"):
            add(w, P)
# verbs that need a particle
for w in "call calls called calling".split():
    rows[w] = ({ST, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "for")
for w in "pushes pushed pushing".split():
    rows[w] = ({ST, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "for")
for w in "point points pointed pointing".split():
    rows[w] = ({S, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "out")
for w in "refer refers referred referring".split():
    rows[w] = ({S, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "to")
rows["according"] = ({S, "QW_PARTICLE"}, 0, "to")
# "he went on:" -- the particle is taken when present, not required
for w in "went goes".split():
    rows[w] = ({S, Q, "QW_PARTICLE"}, 0, "on")
for w in "agree agrees agreed".split():
    rows[w] = ({S, "QW_PARTICLE"}, 0, "that")
# a position laid out, a court that ruled that: only with the particle
for w in "lay lays laid laying".split():
    rows[w] = ({ST, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "out")
for w in "rule rules ruled find finds found".split():
    rows[w] = ({ST, "QW_PARTICLE"}, 0, "that")
# throw its weight behind (the particle comes three words on; see the tool)
for w in "throw throws threw thrown throwing".split():
    rows[w] = ({ST, "QW_PARTICLE"} | ({P} if w.endswith("ing") else set()), 0, "behind")

aux = """has have had are am also would will could can may might must should did does do is was were be been being
just previously later earlier repeatedly again long then once recently already further separately publicly
privately firmly strongly explicitly flatly often frequently subsequently initially first last still
quickly immediately swiftly clearly reportedly openly bluntly angrily sharply simply only even himself herself
themselves itself now today yesterday tonight personally directly specifically apparently sometimes even later"""
for w in aux.split():
    if w not in rows:
        add(w, "QW_AUX")
    else:
        rows[w][0].add("QW_AUX")
for w in "not never n't didn't don't doesn't won't wouldn't hasn't haven't hadn't cannot can't declined refused".split():
    add(w, "QW_NEG")
add("he", "QW_HE"); add("she", "QW_SHE"); add("they", "QW_THEY"); add("it", "QW_IT")
for w in "the a an its his her their our this that these those".split():
    add(w, "QW_DET")
add("that", "QW_THAT")
for w in """with to by for from about against of on at in into over under between among toward towards like than
during after before since via across amid despite without within per upon around near behind beside
beyond through throughout inside outside onto alongside including regarding concerning""".split():
    add(w, "QW_PREP")
for w in "however meanwhile moreover also but and yet still furthermore additionally instead separately now so then thus therefore indeed".split():
    add(w, "QW_CONN")
for w in "dubbed nicknamed titled entitled so-called named headlined branded labelled labeled termed".split():
    add(w, "QW_NAMING")
for w in "book film movie song album show series novel play documentary essay podcast programme program poem slogan hashtag motto term word phrase expression headline single track opera musical painting exhibition".split():
    add(w, "QW_WORK")
for w in "but although though while whereas because unless".split():
    add(w, "QW_BREAK")
add("mr", "QW_MR"); add("mr.", "QW_MR"); add("sir", "QW_MR"); add("lord", "QW_MR")
for w in "mrs mrs. ms ms. miss dame lady".split():
    add(w, "QW_MRS")
# role nouns, by group
groups = [
 (1, "president leader premier chancellor ruler king queen monarch sultan emir head"),
 (2, "ceo executive boss chairman chairwoman chair founder owner cfo coo"),
 (3, "coach manager trainer skipper"),
 (4, "spokesman spokeswoman spokesperson"),
 (5, "minister secretary"),
 (6, "envoy ambassador diplomat emissary representative negotiator"),
 (7, "judge magistrate justice"),
 (8, "lawyer attorney solicitor barrister counsel"),
 (9, "prosecutor prosecutors"),
 (10, "mayor governor"),
 (17, "delegate delegation"),
 (11, "senator congressman congresswoman lawmaker legislator mp"),
 (12, "general commander admiral colonel officer"),
 (13, "scientist researcher professor economist analyst expert doctor epidemiologist virologist"),
 (14, "player striker midfielder defender goalkeeper forward captain winger"),
 (15, "director-general commissioner"),
 (16, "chief"),
]
for g, ws in groups:
    for w in ws.split():
        add(w, "QW_ROLE", g)
for w in """adviser advisor aide vice deputy premier candidate nominee founder inspector detective sergeant
constable superintendent official spokesperson pilot author editor correspondent activist campaigner
organiser organizer president-elect vice-president chancellor-elect driver rider athlete champion
defendant witness victim resident teacher student nurse surgeon physician chairperson treasurer
secretary-general regulator economist strategist investor banker trader partner principal dean
rector bishop pope cardinal archbishop imam rabbi pastor priest coroner sheriff pathologist
auditor ombudsman referee umpire curator architect engineer historian teenager youngster
veteran newcomer debutant""".split():
    if w not in rows or "QW_ROLE" not in rows[w][0]:
        add(w, "QW_ROLE")
for w in "company firm group club team government ministry agency airline bank department party council court committee organisation organization union board carrier insurer retailer lender regulator administration alliance bloc federation league association authority authorities police".split():
    add(w, "QW_ORGNOUN")
for w in "critics observers witnesses residents campaigners activists analysts economists experts researchers scientists officials official sources source spokesman spokeswoman spokesperson spokespeople representatives diplomats officers intelligence ministry administration".split():
    add(w, "QW_GROUPNOUN")
# more organizations and groups of people that speak as one (any beat)
for w in """hospital university school college institute commission tribunal jury prosecution defence
defense army military embassy cabinet parliament senate congress watchdog charity foundation studio
publisher manufacturer carmaker automaker broadcaster network operator utility provider supplier
developer startup mission office service brand chain museum trust study survey poll""".split():
    add(w, "QW_ORGNOUN")
for w in """investigators lawyers attorneys doctors nurses fans supporters authors lawmakers legislators
protesters groups media teachers parents players coaches engineers detectives paramedics rescuers
workers employees staff shareholders investors traders voters scholars historians forecasters
epidemiologists organisers organizers executives managers regulators neighbours neighbors
locals villagers passengers customers commuters survivors relatives families patients pupils
students citizens opponents bosses chiefs leaders farmers owners tenants landlords""".split():
    add(w, "QW_GROUPNOUN")

for w in """former foreign prime defense defence interior finance state of special deputy vice acting
interim head chief senior top executive opposition party press health economy trade treasury energy
climate general national security team club dr dr. prof prof. lead""".split():
    add(w, "QW_ROLEMOD")
for w in """monday tuesday wednesday thursday friday saturday sunday week month year morning afternoon
evening night weekend january february march april may june july august september october november
december today yesterday spring summer autumn winter""".split():
    add(w, "QW_TIME")

# nouns that report a statement: "a statement by X that", "X's claim that"
for w in """statement statements claim claims call calls warning warnings assertion assertions
announcement remarks comments pledge pledges promise promises suggestion insistence demand demands
argument""".split():
    add(w, "QW_NOUNCUE")

out = []
for w in sorted(rows):
    f, g, p = rows[w]
    fl = " | ".join(sorted(f))
    out.append('\t{ "%s", %s, %d, %s },' % (w, fl, g, ('"%s"' % p) if p else "NULL"))
print("""/*
 * quote_tables: word classes for news-extract-quotes.  WRITTEN by
 * lib/quote_tables_gen.py from its hand-kept lists: edit them there.
 *
 * Hand-compiled, 2026-11-25, sources: general English grammar (verbs of
 * saying and of stance as listed in reporting-verb guides for journalists,
 * closed classes of pronouns, determiners, prepositions and connectives)
 * and common role nouns of news writing (politics, business, sport,
 * courts, science).  Sorted by word; looked up through a hash table built
 * at start-up.  Groups let a description find a role of the same kind
 * ("the leader" -> "President"): 1 head of state or government, 2 company
 * head, 3 coach, 4 spokesperson, 5 minister, 6 envoy, 7 judge, 8 lawyer,
 * 9 prosecutor, 10 mayor or governor, 11 legislator, 12 officer,
 * 13 expert, 14 player, 15 commissioner, 16 chief, 17 delegate.
 */
#include "quote_tables.h"

const struct quote_word quote_words[] = {""")
print("\n".join(out))
print("""};

const size_t quote_words_count = sizeof(quote_words) / sizeof(quote_words[0]);""")
