//! The words that make a sentence guidance or keep a figure out of it: forward verbs in every
//! voice ("we expect", "is expected to", "should be", "our outlook remains"), result verbs
//! ("came in at", "grew"), comparisons and earlier guides ("up from", "prior guidance of"),
//! refusals, market outlooks and exclusions.

use std::sync::LazyLock;

use regex::Regex;

use super::re;

/// Forward-looking wording, in any voice.
static FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:",
        // Active: we expect / we now anticipate / we are also lifting / I'd expect / we see.
        r"(?:we|i|and|but|so|which|company)(?:'d|’d|\s+would|\s+do|\s+still|\s+now|\s+also|\s+continue\s+to|\s+currently|\s+further|\s+therefore|\s+then)*\s+(?:expect|anticipate|project|forecast|estimate|guide|target|believe|assume|plan|intend|look\s+for|are\s+looking\s+for|are\s+planning)\b",
        r"|(?:we|i)(?:'re|’re|\s+are|'ve|’ve|\s+have|\s+will\s+be|\s+am|'m)\s+(?:now\s+|also\s+|again\s+|currently\s+|further\s+|therefore\s+|once\s+again\s+|today\s+)*(?:guiding|targeting|initiating|raising|lowering|lifting|narrowing|reiterating|projecting|expecting|anticipating|forecasting|reaffirming|affirming|introducing|increasing|updating|providing|issuing|setting|establishing|maintaining|estimating|planning|modeling|modelling|assuming|looking\s+for|tightening|trimming|reducing|cutting|revising|moving|confirming|guided|raised|lifted|lowered|increased|updated|narrowed|tightened|reaffirmed|affirmed|set|planned|estimated|budgeted|forecasted|projected|assumed|modeled|modelled)\b",
        // Passive and impersonal: is (now) expected to / are anticipated to / is projected.
        r"|(?:is|are|was|were|be|being|remains?|'s|’s)\s+(?:now\s+|still\s+|currently\s+|also\s+)?(?:expected|anticipated|projected|forecast(?:ed)?|estimated|guided|targeted|planned|budgeted|assumed|likely|set)\s+(?:to|at|for|in|between|of|as|up|down|flat|higher|lower)\b",
        // Modal: should be / will total / would represent / could reach.
        r"|(?:should|will|could|ought\s+to)\s+(?:now\s+|still\s+|also\s+|likely\s+|probably\s+)?(?:be|come|range|total|grow|increase|decrease|decline|approximate|remain|land|end|reach|exceed|generate|represent|imply|deliver|produce|contribute|add|run|average|fall|rise|improve|expand|amount|equate|result)\b",
        // The guide as subject or object: our outlook/guidance/forecast/expectation.
        r"|(?:guidance|outlook|forecast|expectations?|projections?|targets?|guide|range)\s+(?:for|is|are|of|to|range|remains?|calls?|now|implies|indicates|assumes|includes|reflects|contemplates|would|will|at|as)\b",
        r"|(?:guidance|outlook|forecast)\b",
        r"|\bsees\b|\bexpects\b|\banticipates\b|\bguiding\b|\bunchanged\s+at\b",
        r")",
    ))
});

/// Phrases with forward words that look back: "better than expected", "as anticipated".
static NOT_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:than\s+(?:we\s+|had\s+|previously\s+|originally\s+|initially\s+|what\s+we\s+)*(?:had\s+)?(?:expected|anticipated|projected|forecast(?:ed)?|planned|guided|estimated)|as\s+(?:we\s+)?(?:had\s+)?(?:expected|anticipated|planned|forecast(?:ed)?)|unexpected(?:ly)?|(?:exceed(?:ed|ing)?|beat|ahead\s+of|above|below|top\s+end\s+of|high\s+end\s+of|low\s+end\s+of|in\s+line\s+with|within|met|surpass(?:ed)?)\s+(?:our\s+|the\s+|its\s+)?(?:\w+\s+){0,6}?(?:expectations?|guidance|outlook|forecast|estimates?|targets?)|forward[\s-]looking\s+statements?|than\s+(?:our|the|its|their)\s+(?:\w+\s+){0,2}(?:expectations?|guidance|outlook|forecast|estimates?)|(?:previously|originally|initially)\s+(?:expected|anticipated|projected|forecast(?:ed)?|guided|estimated)|expected\s+(?:credit\s+)?loss(?:es)?)",
    )
});

/// Result verbs: the sentence reports what happened.
static RESULT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|came\s+in|grew|increased|decreased|declined|fell|rose|totaled|totalled|reached|delivered|reported|achieved|generated|ended|improved|expanded|contracted|reduced|exceeded|beat|finished|posted|recorded|produced|returned|had|did|saw|closed|(?:is|are|was|were)\s+(?:up|down|flat)|realized|booked|repurchased|drove|resulted|incurred|completed|accounts\s+for|led|funded|stabilized|dropped|climbed|jumped|surged|doubled|tripled|outpaced|represented|accounted|contributed|amounted|averaged)\b",
    )
});

/// A result verb that speaks of the guide itself ("we increased our outlook", "raised its
/// guidance") is a direction, not a result.
static GUIDE_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:increased|reduced|raised|lifted|lowered|updated|narrowed|tightened|trimmed|improved|revised)\s+(?:our\s+|its\s+|the\s+|their\s+)?(?:\S+\s+){0,4}?(?:guidance|outlook|forecast|expectations?|range|targets?|guide)\b|\b(?:guidance|outlook|forecast|range|target|guide)\s+(?:is|was|has\s+been|have\s+been|being)\s+(?:now\s+)?(?:increased|raised|lowered|reduced|revised|updated|narrowed|decreased|cut|adjusted|tightened|improved)\b|\bas[\s-]reported\b|\breported\s+basis\b",
    )
});

/// The words just before a figure that make it a past or earlier figure: "up from", "compared
/// to", "prior guidance of", "was", "last year's".
static PAST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:\bcompared?s?\s+(?:to|with)|\bversus|\bvs\.?)\s+(?:[\w&-]+\s+){0,5}?(?:of|at)|\bfrom|\bversus|\bvs\.?|compared?s?\s+(?:to|with)|\bachieved|came\s+in\s+at|\bexceeded|\bbeat|\bon\s+top\s+of|\brelative\s+to|\bwas|\bwere|\bgrew|\bdelivered|\breported|\bgenerated|\btotaled|\bposted|\brecorded|\bended|\bat\s+the\s+(?:high|low|top)\s+end\s+of|last\s+year(?:'s|’s)?|a\s+year\s+ago|prior[\s-]year|\bafter\s+(?:showing|posting|delivering|reporting|achieving|seeing|generating|recording)|\b(?:lap|laps|lapping|anniversary|anniversarying)|(?:prior|previous|previously|original(?:ly)?|initial|earlier|last|old)\s+(?:[\w-]+\s+){0,4}?(?:guidance|outlook|range|guide|forecast|expectations?|estimates?|assumptions?|views?|projections?|plan|midpoint)(?:\s+(?:range|was|midpoint))?(?:\s+of)?|\bincluding|\bexcluding|\bexcludes?|\bincludes?|\bexclusive\s+of|\bnet\s+of|\bimpact\s+of|\bheadwind\s+of|\btailwind\s+of|\bbenefit\s+of|\bcharges?\s+of|\bthan\s+(?:[\w'’-]+\s+){0,4}?(?:of|at)|\bpreviously\s+(?:mentioned|discussed|noted|disclosed|reported|announced|described)|\bpreviously(?:\s+(?:at|of|expected|guided|forecasted|forecast|projected|anticipated))?|(?:guidance|outlook|forecast|plan|expectations?)\s+(?:had\s+called|called)\s+for|\b(?:above|below|exceed(?:ed|ing)?|beat(?:ing)?|ahead\s+of|surpass(?:ed|ing)?|outperform(?:ed|ing)?|short\s+of|miss(?:ed|ing))\s+(?:our|the|its)\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook|expectations?|forecast|range|estimates?|targets?)(?:\s+range)?(?:\s+of)?|(?:issued|provided|gave|announced)\s+(?:\S+\s+){0,4}?(?:guidance|outlook|range)\s+(?:of|at)|(?:guidance|outlook|estimates?|expectations?|range|consensus)\s+by|\b(?:increase|decrease|raise|cut|reduction|improvement|change)\s+(?:in|to)\s+(?:our\s+|the\s+)?(?:\S+\s+){0,3}?(?:guidance|outlook|forecast)\s+(?:of|by)|\b(?:an?\s+)?(?:increase|decrease|reduction|improvement|raise|cut)\s+(?:at\s+the\s+midpoint\s+)?of)\W*(?:the\s+|a\s+|an\s+|our\s+|negative\s+|approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|just\s+|over\s+|under\s+|range\s+of\s+|ranges?\s+|level\s+of\s+|greater\s+than\s+|more\s+than\s+|less\s+than\s+|at\s+least\s+|(?:high|higher|low|lower|upper|top|bottom)\s+end\s+of\s+)*$",
    )
});

/// "range from", "ranging from", "grow from ... to": the "from" of a range being given.
static RANGE_FROM: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:rang(?:e|es|ing)|vary|varying|anywhere)\s+from\W*(?:a\s+)?$"));

/// Words just after a figure that make it past: "last year", "in the prior year".
static PAST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:(?:per\s+(?:diluted\s+)?share\s+)?(?:in|for|of|during)\s+(?:the\s+)?(?:same\s+(?:period|quarter)|prior[\s-]year|year[\s-]ago|last\s+year|previous\s+year|\w+\s+quarter\s+of\s+(?:last\s+year|(?:fiscal\s+)?(?:19|20)\d\d)|(?:19|20)\d\d\s+(?:quarter|period))|last\s+year|a\s+year\s+ago|year[\s-]to[\s-]date|(?:this|the)\s+past\s+quarter\b|(?:of\s+)?(?:additional|incremental)\b|(?:[\w-]+\s+){0,3}?(?:below|above|versus|compared\s+(?:to|with))\s+(?:the\s+)?(?:prior|last|same|year[\s-]ago)|(?:[\w-]+\s+){0,4}?(?:we|which\s+we|that\s+we)\s+(?:recently\s+|just\s+|already\s+|had\s+|previously\s+|originally\s+|initially\s+)?(?:completed|announced|reported|delivered|achieved|generated|paid|repurchased|closed|recorded|posted|saw|had|did|guided|gave|provided|communicated)\b|(?:[\w-]+\s+){0,2}?(?:was|were)\s+(?:at|in\s+line\s+with|ahead\s+of|above|below|better\s+than)\b|(?:increase|decrease|improvement|reduction|raise|cut|decline|change)\b)",
    )
});

/// A balance at a date, not a guide: "$400 million remaining as of June 30".
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bas\s+of\s+(?:the\s+end\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|quarter[\s-]end|year[\s-]end|(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:first|second|third|fourth)?\s*quarter)\b",
    )
});

/// A part of the guide, not the guide: "contributes roughly $0.25 to our fiscal 2021 EPS
/// guidance".
static COMPONENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:\w+\s+){0,3}?(?:to|of|in|from|within)\s+(?:our|the|this|that)\s+(?:\S+\s+){0,5}?(?:guidance|outlook|guide|forecast)\b",
    )
});

/// Refusals to guide: "we won't guide to", "we're not providing guidance".
static REFUSAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:won't|will\s+not|wouldn't|would\s+not|not\s+going\s+to|don't|do\s+not|didn't|did\s+not|aren't|are\s+not|not|no\s+longer|can't|cannot|unable\s+to)\s+(?:\w+\s+){0,3}?(?:guide|guiding|guidance|provide|providing|give|giving|update|updating|comment)\b",
    )
});

/// Someone else's outlook: the market, the industry, the economy, the Street.
static NOT_COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:markets?\s+(?:is|are|will|should|to|could|would)|industry|economy|gdp|inflation|consensus|analysts?|the\s+street|street\s+estimates?|unemployment|interest\s+rates?\s+(?:to|will)|fed\b|treasury|emissions|carbon|greenhouse|headcount|employees|hires|tam\b|addressable|economists?|forecasters|replacement\s+costs?|market\s+rents?|cap\s+rates?|home\s+prices?|housing\s+starts|(?-i:[A-Z][\w&]*'s)\s+(?:forecast|outlook|estimates?|projections?)|(?:this|which|that|it)\s+would\s+imply|your\s+(?:model|numbers?|math)|market\s+cap(?:italization)?|valuation|stock\s+price|share\s+price|global\s+(?:retail\s+sales|sales\s+of|demand|population|market\s+(?:for|is|will))|worldwide\s+(?:demand|sales|production)|(?:light\s+)?vehicle\s+production|industry\s+(?:production|volumes?|demand)|production\s+from\s+(?:major|the\s+major)|according\s+to|market\s+(?:volumes?|demand|growth|size))\b",
    )
});

/// Absolute: "with rate base still expected to grow at 5% to 6%".
static WITH_EXPECTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwith\s+(?:[\w&-]+\s+){1,4}?(?:now\s+|still\s+|also\s+)?(?:expected|anticipated|projected|forecast(?:ed)?|estimated)\s+to\b",
    )
});

/// True when the sentence looks forward.
pub(super) fn forward(s: &str) -> bool {
    // "We see fourth quarter EBITDA ranging from": "see" looks forward when a coming period
    // follows it; "we continue to see strong growth" reports.
    static SEE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bwe(?:\s+now|\s+currently|\s+still|\s+also|\s+continue\s+to)*\s+see\s+(?:\S+\s+){0,4}?(?:(?:first|second|third|fourth)\s+quarter|q[1-4]|full[\s-]year|fiscal|(?:19|20)\d\d|next\s+year|the\s+year|this\s+year)\b",
        )
    });
    let forward_in = |t: &str| FORWARD.is_match(t) || SEE.is_match(t) || WITH_EXPECTED.is_match(t);
    if !NOT_FORWARD.is_match(s) {
        return forward_in(s);
    }
    forward_in(&NOT_FORWARD.replace_all(s, " "))
}

/// True when the sentence reports results: a result verb that does not speak of the guide.
pub(super) fn reports_result(s: &str) -> bool {
    // "Based on ... increased investment in our brands, we are providing the following
    // guidance": the premise a sentence opens with reports nothing.
    static PREMISE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s*(?:based\s+on|given|considering|in\s+light\s+of)\b[^,;.]{0,160},")
    });
    let s = PREMISE.find(s).map_or(s, |m| &s[m.end()..]);
    let cleaned = not_result_words(s);
    let cleaned = GUIDE_CHANGE.replace_all(&cleaned, " ");
    RESULT.is_match(&cleaned) || past_tense_clause(&cleaned)
}

/// Words in "-ed" that are no past result: forward participles ("expected"), changes made
/// to a guide ("raised"), and adjectives ("adjusted", "diluted").
const NOT_A_RESULT: &[&str] = &[
    "expected",
    "anticipated",
    "projected",
    "forecasted",
    "estimated",
    "guided",
    "targeted",
    "planned",
    "assumed",
    "need",
    "raised",
    "lowered",
    "increased",
    "reduced",
    "updated",
    "narrowed",
    "reaffirmed",
    "affirmed",
    "reiterated",
    "revised",
    "budgeted",
    "committed",
    "pleased",
    "excited",
    "focused",
    "encouraged",
    "confident",
    "based",
    "embedded",
    "included",
    "excluded",
];

/// "we stabilized", "it reached", "which has led": a subject and a verb in the past tense
/// that is not a forward word ("we expected" is not a result).
fn past_tense_clause(s: &str) -> bool {
    static SUBJECT_PAST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:we|it|they|which|that|this)\s+(?:\w+ly\s+|also\s+|just\s+|then\s+|have\s+|has\s+|had\s+|'ve\s+)?([a-z]+ed)\b",
        )
    });
    const NOT_PAST: &[&str] = &[
        "introduced",
        "initiated",
        "modeled",
        "modelled",
        "positioned",
    ];
    SUBJECT_PAST.captures_iter(s).any(|c| {
        let w = c[1].to_ascii_lowercase();
        !NOT_A_RESULT.contains(&w.as_str()) && !NOT_PAST.contains(&w.as_str())
    })
}

/// True when the words since the previous figure name an earlier guide that the figure
/// quotes ("compares to previous guidance of adjusted EPS in the range of", "down from our
/// revised August guidance of", "compared to our previously provided"), unless the sentence
/// says that guide still holds ("reaffirming our previous guidance of").
pub(super) fn old_guide(before: &str, upto: &str) -> bool {
    static OLD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:previous(?:ly)?|prior|original(?:ly)?|(?:our|the|its)\s+initial|earlier|old|revised\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:january|february|march|april|may|june|july|august|september|october|november|december))\s+(?:[\w'’-]+\s+){0,4}?(?:guidance|outlook|range|guide|forecast|expectations?|estimates?|view)\b|\bpreviously\s+(?:provided|given|issued|announced|communicated|guided)\b|\b(?:previous|prior|original|earlier)\s*$",
        )
    });
    static KEPT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:remains?|remaining|unchanged|consistent\s+with|maintain(?:s|ing|ed)?|reaffirm(?:s|ing|ed)?|reiterat(?:e|es|ing|ed)|confirm(?:s|ing|ed)?|same\s+as|in\s+line\s+with|still)\b",
        )
    });
    // A recap of what was said a year ago: "So exactly a year ago, we said to you that we think
    // loans will grow mid-single digits", "At the start of 2019, we gave the market an
    // indication that ...", "we gave you some guidance around margin ... we said we'll
    // probably be in the 2.50% to 2.60% range", "Also recall that we said, in fiscal year '22,
    // we expected adjusted EPS of".
    static RECAP: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:a\s+year\s+ago|this\s+time\s+last\s+year|at\s+the\s+(?:start|beginning)\s+of\s+(?:(?:19|20)\d\d|the\s+year|last\s+year)|(?:recall|remember|as\s+a\s+reminder)\b[^.;]{0,20}?)\b[^.;]{0,80}?\bwe\s+(?:said|told|gave|guided|indicated|thought|expected|projected)\b|\bwe\s+gave\s+(?:you|the\s+market|the\s+street)\s+(?:some\s+|an?\s+)?(?:guidance|indication)",
        )
    });
    // Only in the figure's own clause: "up $20 million from prior guidance, reflecting ...
    // capex at $70 million" quotes no old capex guide.
    let clause = before.rsplit(',').next().unwrap_or(before);
    OLD.is_match(clause) && !KEPT.is_match(upto) || RECAP.is_match(upto)
}

/// True when the words before a figure make it a past or earlier figure, or an item left out.
pub(super) fn past_before(before: &str) -> bool {
    static KEPT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:remains?|remaining|unchanged|consistent|flat|maintain(?:s|ing)?|reaffirm(?:s|ing)?|reiterat(?:e|es|ing)|same\s+as|in\s+line)\b",
        )
    });
    let Some(m) = PAST_BEFORE.find(before) else {
        return false;
    };
    // "capex guidance remains flat to our original guidance of": the guide still holds.
    let earlier = m.as_str().trim_start().to_ascii_lowercase();
    let held = (earlier.starts_with("original") || earlier.starts_with("prior"))
        && KEPT.is_match(&before[..m.start()]);
    // "we have raised the range from 765 million to 775 million to ...": the range a change
    // starts from is the old guide.
    static CHANGED_FROM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:rais|increas|lower|cut|reduc|lift|boost)\w*\s+(?:[\w-]+\s+){0,4}?range\s+from\W*(?:a\s+)?$",
        )
    });
    !held && (!RANGE_FROM.is_match(before) || CHANGED_FROM.is_match(before))
}

/// True when the sentence changes or restates the guide itself: "we are raising our guidance
/// for", "our updated net sales guidance of", "we're narrowing our outlook", "both broadly
/// consistent with prior guidance".
pub(super) fn changes_guide(s: &str) -> bool {
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:rais|increas|lower|updat|narrow|tighten|lift|revis|reaffirm|reiterat|cut|reduc)\w*\s+(?:our\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:guidance|outlook|forecast|guide)\b|\b(?:consistent\s+with|in\s+line\s+with|unchanged\s+from)\s+(?:our\s+|the\s+)?(?:prior|previous|earlier|original)\s+(?:guidance|outlook|guide)\b",
        )
    });
    CHANGE.is_match(s)
}

/// True when the words before a figure say the guide was issued earlier ("In January, we
/// issued adjusted OIBDA guidance of").
pub(super) fn issued_before(before: &str) -> bool {
    static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:issued|provided|gave|announced|introduced|initiated|established)\s+(?:\S+\s+){0,4}?(?:guidance|outlook|range|guide)\s+(?:of|at)\W*(?:approximately\s+|about\s+|a\s+range\s+of\s+|between\s+)?$",
        )
    });
    ISSUED.is_match(before)
}

/// True when the rest of a paragraph says the guide stands unchanged ("we are not adjusting
/// full year 2021 guidance at this time", "we are reaffirming that guidance") and changes no
/// guide.
pub(super) fn guide_holds(rest: &str) -> bool {
    static HOLDS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:not\s+(?:adjusting|changing|updating|revising|modifying)|(?:reaffirm|reiterat|maintain|confirm)(?:s|ed|ing)?)\s+(?:\S+\s+){0,5}?(?:guidance|outlook|range|guide)\b|\b(?:guidance|outlook|range|guide)\s+(?:remains?|is)\s+unchanged\b",
        )
    });
    static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:rais|lower|increas|reduc|narrow|cut|revis|updat)(?:e|es|ed|ing)\s+(?:\S+\s+){0,5}?(?:guidance|outlook|range|guide)\b",
        )
    });
    HOLDS.is_match(rest) && !CHANGED.is_match(&HOLDS.replace_all(rest, ""))
}

/// The text with words that look like result verbs but report nothing blanked (same length,
/// so positions agree): "to declined" (a transcript's slip for "to decline"), "reported and
/// adjusted EPS", "reported EPS of" (an adjective: the GAAP figure).
fn not_result_words(s: &str) -> std::borrow::Cow<'_, str> {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bto\s+[a-z]+ed\b|\b(?:of|the|a|an|with|from|for|on|by)\s+(?:[a-z]+ly\s+)?(?:increased|decreased|reduced|improved|expanded|contracted|completed|repurchased|realized|doubled|tripled)\s+[a-z]|\breported\s+(?:and|an|&)\s+adjusted\b|\breported\s+(?:diluted\s+|gaap\s+|full[\s-]year\s+)?(?:eps|earnings\s+per|revenues?|sales|net\s+sales|ebitda|operating\s+(?:income|margin)|growth|tax\s+rate)\b",
        )
    });
    WORDS.replace_all(s, |c: &regex::Captures| {
        let w = &c[0];
        if w.to_ascii_lowercase().starts_with("to") {
            // Keep "to", blank the past form.
            format!("to{}", " ".repeat(w.len() - 2))
        } else {
            " ".repeat(w.len())
        }
    })
}

/// True when the words after a figure make it a past figure.
pub(super) fn past_after(after: &str) -> bool {
    PAST_AFTER.is_match(after) || AS_OF.is_match(after) || COMPONENT.is_match(after)
}

/// True when a result verb stands between the last forward word and the figure ("we estimate
/// the storms reduced Q3 EPS by $0.06").
pub(super) fn result_since_forward(before: &str) -> bool {
    let cleaned = NOT_FORWARD.replace_all(before, " ");
    let cleaned = not_result_words(&cleaned);
    // The last forward word counts also inside a change to the guide ("our revised adjusted EPS
    // range is now"); the change's own words are no result. Blanked to the same length, so
    // positions agree.
    let from = [&*FORWARD, &*WITH_EXPECTED]
        .iter()
        .filter_map(|r| r.find_iter(&cleaned).last().map(|m| m.end()))
        .max()
        .unwrap_or(0);
    let cleaned = GUIDE_CHANGE.replace_all(&cleaned, |c: &regex::Captures| " ".repeat(c[0].len()));
    let from = from.min(cleaned.len());
    // "our July outlook contemplated $2 million": the outlook of before, in the past tense.
    static CONTEMPLATED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:contemplated|assumed|included|implied|called\s+for|(?:anticipated|expected|projected)\s+(?:\$|\d|an?\s|approximately|about|roughly|around))",
        )
    });
    RESULT.is_match(&cleaned[from..])
        || past_tense_clause(&cleaned[from..])
        || CONTEMPLATED.is_match(&cleaned[from..])
}

/// True when the sentence declines to guide.
pub(super) fn refuses(s: &str) -> bool {
    REFUSAL.is_match(s)
}

/// True when a sentence states a present fact ("we have $420 million of liquidity"): such a
/// sentence inside an outlook is no item of it.
pub(super) fn states_fact(s: &str) -> bool {
    static FACT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:we|it|they|there|this|that)\s+(?:now\s+|only\s+|still\s+|also\s+)?(?:have|has|is|are|was|were|had|did|'s|’s)\b|\b(?:we|they)(?:'ve|’ve)\b",
        )
    });
    FACT.is_match(s)
}

/// True when a sentence has a verb in the past tense ("EBITDA gained almost $5 million"):
/// such a sentence inside an outlook reports, it does not list.
pub(super) fn has_past_verb(s: &str) -> bool {
    static ED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[a-z]+ed\b"));
    static IRREGULAR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:grew|rose|fell|gained|lost|came|saw|made|took|won|drove|brought|got|began|built|sold|paid|spent|met|beat)\b",
        )
    });
    // Besides the words no clause reports with, adjectives and words of reference.
    const NOT_PAST: &[&str] = &[
        "adjusted",
        "diluted",
        "related",
        "combined",
        "consolidated",
        "weighted",
        "levered",
        "unlevered",
        "implied",
        "continued",
        "sustained",
        "dedicated",
        "limited",
        "speed",
        "hundred",
        "detailed",
        "listed",
        "noted",
        "compared",
        "versus",
        "red",
        "unchanged",
        "exceed",
        "proceed",
        "succeed",
        "feed",
        "seed",
        "shed",
        "bed",
        "mixed",
        "fixed",
        "advanced",
        "balanced",
        "concerned",
        "interested",
        "annualized",
        "normalized",
        "realized",
        "recognized",
        "deferred",
        "accelerated",
        "owned",
        "operated",
        "incurred",
        "required",
        "scheduled",
        "contracted",
        "backed",
        "priced",
        "rated",
        "sized",
        "skilled",
        "advanced",
        "integrated",
        "centered",
        "led",
    ];
    IRREGULAR.is_match(s)
        || ED.find_iter(s).any(|m| {
            let w = m.as_str().to_ascii_lowercase();
            !NOT_A_RESULT.contains(&w.as_str()) && !NOT_PAST.contains(&w.as_str())
        })
}

/// True when the sentence names the guide itself, so a figure with no metric word is still a
/// guide ("We're guiding to 5% to 6% in Q3").
pub(super) fn names_guide(s: &str) -> bool {
    static GUIDE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:guid(?:e|ed|ing|ance)|outlook|forecast)\b"));
    GUIDE.is_match(s)
}

/// True when the words before a figure give someone else's outlook or a non-financial target.
pub(super) fn not_company(before: &str) -> bool {
    NOT_COMPANY.is_match(before)
}

/// True when the sentence up to the figure gives someone else's forecast: "The Moody's
/// forecast now calls for growth of 8% in 2021, 8.1% in 2022".
pub(super) fn others_forecast(upto: &str) -> bool {
    static OTHERS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?-i:[A-Z][\w&]*'s)\s+(?:forecast|outlook|estimates?|projections?)|consensus|analysts?'?\s+(?:estimates?|expectations?)|economists?|forecasters|(?:staff|commission|regulators?|(?-i:PSC|PUC|ALJ))\s+(?:recommended|proposed|approved|ordered))\b",
        )
    });
    OTHERS.is_match(upto)
}

/// True when the words right after a figure say it is not a company figure ("$1 billion
/// market cap").
pub(super) fn not_company_after(after: &str) -> bool {
    NOT_COMPANY
        .find(after)
        .is_some_and(|m| after[..m.start()].split_whitespace().count() <= 1)
}

/// True when a dividend or buyback figure is a capital action taken or a level held, not a
/// figure the company expects: "the Board approved an increase in the quarterly dividend to
/// $0.085", "our Board declared a quarterly cash dividend of $0.23", "our share repurchase
/// authorization is now approximately $339 million", "our current annualized dividend of
/// $3.20". A buyback the company expects to make is a guide ("we intend to complete the
/// remaining $800 million of authorized repurchases by year-end").
pub(super) fn capital_action(sentence: &str, upto: &str) -> bool {
    static ACTION: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:declared|declares|approved|approves|authori[sz]ed|announced?|announcing|paid|payable|indicative|(?:have|has|had)\s+(?:increased|raised|reduced|cut)|increasing\s+our\s+(?:share\s+)?(?:repurchase|buyback)\s+authori[sz]ation)\b",
        )
    });
    static HELD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:current(?:ly)?\s+(?:annual(?:ized)?\s+|quarterly\s+|regular\s+)?(?:cash\s+)?dividend|authori[sz]ation\s+(?:is|was|stands|of)|(?:remaining|outstanding|left)\b)",
        )
    });
    // "today announced we're raising the annualized dividend to $1.66 per share": a dividend
    // set now, not a forecast, though "we're raising" reads forward.
    static RAISING_NOW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:we(?:'re|’re|\s+are)|we\s+will\s+be|today\s+(?:we\s+)?(?:announced|declared))\s+(?:[\w']+\s+){0,3}?(?:raising|increasing|declaring)\s+(?:the\s+|our\s+)?(?:annual(?:ized)?\s+|quarterly\s+|regular\s+)?(?:cash\s+)?dividend",
        )
    });
    // "We intend to complete the remaining $800 million of authorized repurchases by
    // year-end": the company's intent before the figure makes it a guide.
    // "The new declared quarterly common share dividend, which will be paid in the first
    // quarter, will be $0.12 per share": declared, though it is paid later.
    static DECLARED_DIVIDEND: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bdeclared\s+(?:[\w-]+\s+){0,4}?dividends?\b"));
    (ACTION.is_match(sentence) || HELD.is_match(upto)) && !forward(upto)
        || RAISING_NOW.is_match(upto)
        || DECLARED_DIVIDEND.is_match(upto)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_of_forward_statements() {
        for s in [
            "Adjusted EPS is now expected to be in the range of $2.37 to $2.46.",
            "Net sales are anticipated to grow between 6.5% and 7.5%.",
            "Capex should be roughly $87 million.",
            "We are also lifting our EPS outlook to $3.10.",
            "We set our new range at $0.91 to $0.97 per share.",
            "Our revenue forecast remains $612 million to $628 million.",
            "Our expectations for the year are organic growth of 4.5% to 5.5%.",
            "For 2021, we've estimated total capital expenditures of $65 million to $85 million.",
            "We have budgeted maintenance capital of about $40 million for the year.",
            "On capex, we're unchanged at $40 million.",
            "For the second quarter, we now expect sales in the range of $2.4 billion.",
        ] {
            assert!(forward(s), "{s}");
        }
        for s in [
            "Revenue was better than expected at $40 million.",
            "Results came in as anticipated.",
            "Revenue grew 12% to $40 million.",
        ] {
            assert!(!forward(s) || reports_result(s), "{s}");
        }
    }

    #[test]
    fn past_and_earlier_figures() {
        assert!(past_before("up from "));
        assert!(past_before("compared to adjusted EPS of "));
        assert!(past_before("from our prior guidance range of "));
        assert!(past_before(
            "an increase from the previously communicated range of "
        ));
        assert!(!past_before("in a range "));
        assert!(!past_before("to range from "));
        assert!(!past_before("up to a range of "));
        assert!(past_after(" last year"));
        assert!(past_after(" in the prior year period"));
        assert!(result_since_forward(
            "we estimate the storms reduced Q3 EPS by "
        ));
        assert!(!result_since_forward("we expect revenue of "));
        assert!(!reports_result(
            "We increased our outlook for the full year to $9.6 billion."
        ));
        assert!(refuses("We won't guide to 13.5% today."));
    }
}
#[cfg(test)]
mod old_guide_tests {
    use super::old_guide;

    #[test]
    fn an_earlier_guide_quoted_is_old_unless_it_still_holds() {
        for b in [
            "This compares to previous guidance of adjusted EPS in the range of ",
            ", down from our revised August guidance of ",
            " compared to our previously provided ",
            ", an increase from our previous guidance of plus ",
        ] {
            assert!(old_guide(b, b), "{b}");
        }
        let kept = "We are reaffirming our previous guidance of ";
        assert!(!old_guide(kept, kept));
        for new in [
            "For the full year, we now expect adjusted EPS of ",
            "to offer an initial EPS outlook for 2022 ",
            "Free cash flow guidance was increased, up $20 million from prior guidance, reflecting lower capex at ",
        ] {
            assert!(!old_guide(new, new), "{new}");
        }
        assert!(old_guide(" and this is better than our prior ", ""));
    }
}
