/*
 * stance_cues: the cue tables of news-stance.  Hand-compiled, 2026-11-25,
 * sources: general English stance vocabulary (verbs of support and demand,
 * of refusal and opposition, deontic and epistemic modals, negators,
 * conditional and concessive connectives) as described in English grammars
 * (e.g. Biber et al., "stance adverbials" and "stance complement clauses")
 * and the project brief's cue list.  Nothing here names a topic: the words
 * apply to any target.  Phrases use the --targets syntax: words matched
 * case-insensitively on word boundaries, "*" at the end of a word for any
 * ending.  Where two cues start at the same word the longer one wins.
 */
#include <stddef.h>

#include "stance_cues.h"

#define F(p, w)	{ p, CUE_FAVOR, w, 0 }
#define FF(p, w) { p, CUE_FAVOR, w, CUE_FWD }	/* favor what follows */
#define A(p, w)	{ p, CUE_AGAINST, w, 0 }
/* attitudes: held by the clause's subject, who may not be the speaker */
#define FH(p, w) { p, CUE_FAVOR, w, CUE_HOLDER }
#define AH(p, w) { p, CUE_AGAINST, w, CUE_HOLDER }
#define N(p)	{ p, CUE_NEG, 0, 0 }
#define D(p)	{ p, CUE_DESTROY, 60, 0 }
#define G(p, w)	{ p, CUE_DO, w, 0 }
#define H(p)	{ p, CUE_HEDGE, 70, 0 }
#define C(p)	{ p, CUE_COND, 60, 0 }
#define O(p)	{ p, CUE_OPEN, 0, 0 }

const struct stance_cue stance_cues[] = {
	/* support, demand, necessity */
	FH("want*", 80), FH("would like", 75), FH("wish*", 60), FH("hope*", 60),
	F("need*", 80), F("must", 80), F("have to", 70), F("has to", 70),
	F("should", 60), F("ought to", 60),
	F("call* for", 90), F("called for", 90), F("urg*", 80),
	F("call* on", 80), F("called on", 80), F("call* instead for", 90),
	F("call* again for", 90),
	FH("demand*", 80), FH("insist*", 70), FH("push* for", 80),
	FH("press* for", 80), FH("seek*", 60), FH("sought", 60),
	F("advocat*", 80), F("endors*", 80), F("champion*", 70),
	FH("support*", 80), FH("back", 50), FH("backs", 70), FH("backed", 70),
	FH("backing", 70), FH("welcom*", 80), FH("favor*", 80), FH("favour*", 80),
	F("in favor", 80), F("in favour", 80), FH("approv*", 70),
	FH("agree* to", 60), F("agree* on", 50), FH("accept*", 60),
	FH("embrac*", 70), FH("commit* to", 70), FH("committed", 70),
	FH("ready to", 70), FH("ready for", 70), FH("prepared to", 60),
	FH("willing to", 60), FH("open to", 60), FH("interested in", 70),
	FH("look* forward", 70), F("believe in", 60), F("trust*", 50),
	F("count on", 60), F("rely on", 50), F("stand* with", 60),
	F("stand* by", 50), F("work on", 40), F("work* toward*", 50),
	F("work* to", 40), F("strive*", 50), F("fight for", 60),
	F("necessary", 80), F("essential", 80), F("needed", 80),
	F("important", 70), F("importance", 70), F("crucial", 80),
	F("critical", 70), F("vital", 80), F("key", 50), F("priority", 70),
	F("indispensable", 80), F("urgent*", 70), F("imperative", 80),
	F("only path", 90), F("only way", 85), F("only option", 85),
	F("only solution", 85), F("best option", 70), F("best way", 70),
	F("cheapest", 70), F("bonus", 60), F("benefit*", 50),
	F("beneficial", 60), F("good", 40), F("great", 40), F("positive", 50),
	F("fair", 40), F("right to", 50), F("deserv*", 70),
	F("realistic", 60), F("achievabl*", 60), F("feasible", 60),
	F("possible", 40), F("happen*", 50), F("irreversible", 70),
	F("emphasi*", 50), F("stress* the need", 70),
	F("yes", 50), F("success", 40), F("successful", 40), F("progress", 40),
	F("weight behind", 80), F("got it right", 60), F("the right thing", 60),
	F("the right decision", 70), F("the right call", 60), F("get behind", 70), F("in support of", 80),
	F("step forward", 50), F("not against", 60), F("on the table", 50),
	FH("defend", 70), FH("defends", 70),
	FH("defended", 70), FH("defending", 70),
	F("overdue", 70), F("goal", 60), F("objective", 60),
	F("our place is", 70), F("its place is", 70), F("rightful place", 70),
	F("belong* in", 70), F("precondition*", 60),
	F("save", 50), F("saves", 50), F("saved", 50), F("saving", 50),
	FH("take part in", 50), FH("taking part in", 50),

	/* intention and commitment: the speaker means to bring it about */
	FH("plan to", 60), FH("plans to", 60), FH("planning to", 60),
	FH("planned to", 60), FH("intend*", 70), FH("aim to", 60),
	FH("aims to", 60), FH("aiming to", 60), FH("determined to", 80),
	FH("vow*", 80), FH("pledg*", 80), FH("promis*", 70),
	FH("keen to", 70), FH("eager to", 70), F("as long as it takes", 80),
	F("whatever it takes", 80),

	/* feasibility and timing: read as the speaker's position */
	F("on the cards", 50), F("in the cards", 50), F("within reach", 60),
	F("within sight", 50), F("the sooner", 60), F("an option", 50),
	F("ask* for", 70), F("asked for", 70), F("non-negotiable", 80),
	A("negotiable", 50),
	F("once and for all", 60), F("as soon as possible", 60),

	/* dependence: what the speaker says something rests on is needed */
	FF("depend* on", 60), FF("depends upon", 60), FF("relies on", 50),
	FF("relying on", 50),
	FF("requir*", 60), FF("cannot do without", 80),
	FF("can't do without", 80), FF("impossible without", 80),
	FF("only with", 60),

	/* actions that favor what they govern right after them */
	G("provid*", 50), G("suppl*", 50), G("send", 50), G("sends", 50),
	G("sending", 50), G("sent", 50), G("deliver*", 50), G("give", 40),
	G("giving", 40), G("gave", 40), G("grant*", 50), G("deploy*", 50),
	G("broker*", 50), G("keep", 40), G("keeps", 40), G("keeping", 40),
	G("maintain*", 50), G("protect*", 50), G("improv*", 50),
	G("put", 50), G("boost*", 60), G("increase*", 50), G("expand*", 50),
	G("extend*", 50), G("strengthen*", 50), G("speed up", 50),
	G("accelerat*", 50), G("continue", 40), G("resum*", 50),
	G("ensure*", 50), G("achiev*", 50), G("reach", 40), G("reached", 40),
	G("reaching", 40), G("secure", 40), G("enable*", 40), G("allow*", 40),
	G("let", 30), G("letting", 30), G("join", 40), G("joining", 40),
	G("sign", 40), G("signing", 40), G("open", 40), G("opening", 40),
	G("launch*", 40), G("start*", 40), G("restart*", 40), G("raise", 50),
	G("introduc*", 40), G("adopt*", 50), G("pass", 40),
	G("recogni*", 40), G("hand over", 50), G("hand* over", 50),
	G("give away", 50), G("gave away", 50), G("giving away", 50),

	/* refusal, opposition, infeasibility */
	AH("reject*", 90), AH("rejection", 90), AH("refus*", 90),
	AH("oppose", 90), AH("opposes", 90), AH("opposed", 90),
	AH("opposing", 90), AH("opposition", 80), AH("condemn*", 90), AH("denounc*", 80),
	A("unrealistic", 80), A("unacceptable", 90), A("impossible", 70),
	A("unthinkable", 80), A("out of the question", 90),
	A("red line", 80), A("red lines", 80), A("forget about", 90),
	A("forget it", 90), AH("rule* out", 90), AH("ruled out", 90),
	A("is against", 80), A("are against", 80), A("was against", 80),
	A("were against", 80), A("am against", 80), A("be against", 80),
	A("stand* against", 80), A("against it", 80), A("against this", 80),
	A("against that", 80), A("vote* against", 80), AH("veto*", 80), AH("dismiss*", 70),
	A("criticiz*", 70), A("criticis*", 70), A("criticism", 60),
	A("mistake", 70), A("dangerous", 70), A("naive", 60), A("no way", 80),
	A("counter to", 70), A("unconstitutional", 80), A("illegal", 70),
	A("illegitimate", 70), A("skeptic*", 60), A("sceptic*", 60),
	A("doubt*", 50), A("premature", 60), A("too early", 50),
	AH("object* to", 70), A("objection*", 60), A("protest*", 50),
	AH("resist*", 60), A("waste", 60), A("pointless", 70), A("futile", 70),
	A("betray*", 70), A("capitulat*", 80), AH("unwilling", 70),
	AH("reluctan*", 60), A("hesitan*", 50), A("warn* against", 70),
	A("inflammatory", 60), A("harmful", 60), A("bad idea", 70),
	A("wrong", 50), A("never again", 90), A("catastroph*", 70),
	A("disaster*", 70), A("meaningless", 70), A("worthless", 70),
	A("useless", 60), A("terrible", 60), A("bad", 40), A("ruin*", 70),
	A("trap", 70), A("farce", 70), A("sham", 70), A("absurd", 70),
	A("ridiculous", 70), A("nonsense", 70), A("fantasy", 60),
	A("illusion*", 60), A("delusion*", 60), A("delusional", 70),
	A("non-starter", 80), A("nonstarter", 80), A("dead end", 60),
	A("pipe dream", 70), A("wishful thinking", 60), A("surrender", 70),
	A("reward* aggression", 70), A("reward* the aggressor", 70),
	A("reward* the invader", 70), AH("hate", 70), AH("hates", 70),
	AH("hated", 70), A("blunder*", 70), A("madness", 70),
	A("no point", 80), A("unworkable", 80), A("counterproductive", 70),
	A("counter-productive", 70), A("reckless", 70),

	/* negators */
	N("not"), N("cannot"), N("nor"), N("neither"), N("nobody"),
	N("nothing"), N("hardly"), N("no longer"), N("not yet"),
	N("don't"), N("doesn't"), N("didn't"),
	N("can't"), N("couldn't"), N("shouldn't"), N("isn't"), N("aren't"),
	N("wasn't"), N("weren't"), N("haven't"), N("hasn't"), N("hadn't"),
	N("mustn't"), N("needn't"), N("ain't"),
	{ "never", CUE_NEVER, 70, 0 }, { "no", CUE_NO, 60, 0 },
	/* a refusal to act: flips a cue, and refuses the target on its own */
	{ "will not", CUE_NEVER, 60, 0 }, { "won't", CUE_NEVER, 60, 0 },
	{ "would not", CUE_NEVER, 50, 0 }, { "wouldn't", CUE_NEVER, 50, 0 },
	{ "not going to", CUE_NEVER, 60, 0 }, { "shall not", CUE_NEVER, 60, 0 },
	{ "will never", CUE_NEVER, 70, 0 }, { "would never", CUE_NEVER, 70, 0 },
	{ "none", CUE_NO, 60, 0 },

	/* verbs that undo what they govern */
	D("stop*"), D("end"), D("ends"), D("ended"), D("ending"), D("halt*"),
	D("abandon*"), D("scrap*"), D("cancel*"), D("suspend*"), D("cut*"),
	D("withdraw*"), D("undermin*"), D("violat*"), D("break*"),
	D("broke"), D("sabotag*"), D("delay*"), D("postpon*"), D("exclud*"),
	D("derail*"), D("torpedo*"), D("freez*"), D("reduc*"), D("limit*"),
	D("restrict*"), D("ban"), D("bans"), D("banned"), D("block*"),
	D("pull out"), D("walk away from"), D("quit"), D("fight"),
	D("fights"), D("fought"), D("combat"), D("repeal*"), D("abolish*"),
	D("scrap"), D("kill"), D("get rid of"), D("got rid of"),
	D("getting rid of"),

	/* hedges: weaker, same direction */
	H("would"), H("could"), H("may"), H("might"), H("possibly"),
	H("perhaps"), H("maybe"), H("potential*"), H("eventually"),
	H("later"), H("someday"), H("in the future"),

	/* conditions: partial support */
	C("only if"), C("provided"), C("providing"), C("as long as"),
	C("on condition"), C("on the condition"), C("in exchange for"),
	C("in return for"), C("unless"), C("conditional"),
	C("at a later stage"), C("but only"),
	{ "if", CUE_IF, 50, 0 }, { "even if", CUE_IF, 50, 0 },

	/* open questions: neutral */
	O("whether"), O("consider*"), O("question is"), O("unclear"),
	O("uncertain"), O("undecided"), O("wonder*"), O("ask* if"),
	O("ask* whether"), O("debate*"),
};

const size_t stance_ncues = sizeof(stance_cues) / sizeof(stance_cues[0]);
