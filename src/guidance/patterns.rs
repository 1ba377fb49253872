//! The phrase patterns the extraction loop tests sentence by sentence and figure by figure:
//! outlook openers, comparisons, changes, scenarios, parts and exclusions, effects, and the
//! helpers that blank comparisons out of a sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::re;

/// A sentence that opens an outlook: the figures after it in the paragraph are guidance even
/// without a verb ("Turning to our outlook. For the full year, between 166,000 and 171,000
/// units.").
pub(super) static OPENS_GUIDANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:turning|moving|turn|move|now|shifting|as|looking|let\s+me\s+(?:now\s+)?(?:turn|move|discuss|talk|walk|provide|share|cover|give)|i'll\s+(?:now\s+)?(?:turn|move|discuss|talk|walk|cover)|with\s+respect)\s+(?:(?:now\s+)?(?:to|for|on|at|ahead|through|about|you\s+through)\s+)?(?:our\s+|the\s+|my\s+)?(?:\w+\s+){0,3}?(?:guidance|outlook|expectations|forecast)|(?:reiterating|reaffirming|reiterate|reaffirm|affirming|updating|raising|introducing|initiating)\s+(?:our\s+|its\s+|the\s+)?(?:[a-z0-9'\s-]+)?(?:guidance|outlook)|(?:the\s+following|(?:are|'re|’re|am|is)\s+(?:now\s+)?(?:providing|issuing|giving|initiating|introducing))\s+(?:our\s+|the\s+|its\s+)?(?:[a-z0-9'\s-]+?)?(?:guidance|outlook)|(?:guidance|outlook)\s+(?:is|are)\s+as\s+follows|(?:guidance|outlook)\s*(?::|is\s+as\s+follows)",
    )
});
/// A sentence that opens with its topic: "For the fourth quarter, ...", "Turning to 2022", "As
/// we look toward the second quarter of fiscal '21 for the Offshore segment.".
pub(super) static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:and\s+|now\s+|so\s+|then\s+)?(?:for|in|turning\s+(?:now\s+)?to|looking\s+(?:now\s+)?(?:at|to|into|toward|towards|ahead\s+to|forward\s+to)|as\s+we\s+look\s+(?:now\s+)?(?:to|toward|towards|into|ahead\s+to|ahead\s+into|forward\s+to)|moving\s+(?:now\s+)?(?:on\s+)?to|as\s+for|on|regarding|with\s+respect\s+to)\b",
    )
});
/// Where a comparison with the past starts in a sentence: periods after it are not the
/// figure's ("up from 59% in Q2 of last year"; "the first quarter margins will be the lowest
/// for the year": the quarter's, not the year's).
pub(super) static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:,\s*)?\b(?:up|down)\s+from\b|\bversus\b|\bcompared\s+(?:to|with)\b|\bvs\.?\s|\bfrom\s+the\s+(?:same|year)|\bsimilar\s+to\b|\bin\s+line\s+with\b|\binclusive\s+of\b|\bover\s+(?:the\s+)?(?:prior|last|same)\b|\brelative\s+to\b|\bfrom\s+(?:these|those|current|today's|this|last)\b|\b(?:higher|lower|more|less|better|worse|above|below)\s+than\b|\bin\s+excess\s+of\b|\bfrom\s+(?:\$\d|\d+(?:\.\d+)?\s*(?:%|percent|basis|bps))|\b(?:lowest|highest|strongest|weakest|best|worst|biggest|largest|smallest)\s+(?:\w+\s+){0,2}?(?:for|of|in)\s+the\s+(?:full\s+|fiscal\s+)?year\b",
    )
});
/// A change by an amount: "increase by approximately".
pub(super) static USD_DELTA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:increase|decrease|grow|decline|improve|rise|reduce|lower|cut|fall|expand|contract|save)[sd]?\s+(?:[\w-]+\s+){0,5}?by|\b(?:up|down)|\badd(?:s|ing)?(?:\s+(?:a\s+)?combined)?)\s+(?:over\s+|approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+|another\s+|an\s+additional\s+|a\s+net\s+|(?:somewhere\s+)?in\s+the\s+(?:neighborhood|vicinity|area|range)\s+of\s+)?$",
    )
});
/// "sales are now divided 48% first half, 52% second half": a split, not a guide.
pub(super) static SPLIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:split|divided|weighted|phased|allocated)\b"));
/// "Adjusted EPS" → "adjusted EPS", "EPS" stays.
pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(n)) if n.is_lowercase() => {
            f.to_lowercase().chain(s[f.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

/// "$0.63 or $106 million", "15 to 20 megawatts or mid-teens": the figure before, again.
pub(super) static OR_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:[a-z-]+\s+){0,2}?or(?:\s+(?:a|an|about|approximately|roughly|around|rounded|nearly))*\s*$",
    )
});
/// "at the high end of guidance", "the low end of our range".
pub(super) static END_OF_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:high|low|top|bottom|upper|lower)\s+end\s+of\s+(?:the\s+|our\s+|that\s+)?(?:\w+\s+){0,2}?(?:guidance|range|outlook)\b",
    )
});
/// A commodity price or an exchange rate after an amount: "$4 copper", "$70 per barrel", "$1.35
/// per 1GBP".
pub(super) static COMMODITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:per\s+(?:barrel|ounce|pound|ton|tonne|mmbtu|gallon|bushel|megawatt|mwh|therm)|per\s+(?:1\s*)?(?:gbp|eur|euros?|pounds?\s+sterling|yen|jpy|cad|aud|chf|rmb|cny|£|€)|(?:copper|oil|gold|silver|gas|brent|wti|crude|lumber|steel|aluminum|corn|wheat|soybeans?)\b)",
    )
});
/// A sentence that goes on from the one before: "And for the full year, ...".
pub(super) static FOLLOW_ON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:and|also|then|plus|while|with)\b"));
/// Words after which the figures of a sentence are parts of the one before: "$215 million of
/// revenue, comprised of $155 million of ... and the $60 million of ...".
pub(super) static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:comprised\s+of|consisting\s+of|made\s+up\s+of|composed\s+of|of\s+which|broken\s+down\s+as|split\s+between)\b",
    )
});
/// "This excludes", "excluding": what follows is left out of the guide.
pub(super) static EXCLUDES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:this|that|it|which|guidance|outlook|\w+)\s+(?:also\s+)?exclude[sd]?\b")
});
/// "... using these price assumptions": a scenario.
pub(super) static ASSUMED_PRICES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\busing\s+(?:these|those|the|current)\s+(?:[\w-]+\s+){0,2}?(?:assumptions|prices)\b|\bat\s+(?:these|current|today's)\s+(?:[\w-]+\s+)?prices\b",
    )
});
/// "..., respectively": figures paired in order with the metrics named before them.
pub(super) static RESPECTIVELY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\brespectively\b"));
/// "from roughly flat to down 4%": a move from one figure to the next.
pub(super) static FROM_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bfrom\s+(?:roughly\s+|about\s+|approximately\s+)?flat\s+to\s+(?:down|up)\s*$")
});
/// "... per annum at $5 copper": a figure at an assumed price.
pub(super) static AT_PRICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bat\s+\$[\d.]+\s+(?:per\s+\w+\s+)?(?:copper|oil|gold|silver|gas|brent|wti|crude|lumber|steel)\b",
    )
});
/// A sentence whose subject is a change, its figures the change's parts: "That increase for
/// acquisitions reflects $250 million in total revenue", "The raise includes ...".
pub(super) static CHANGE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:and\s+|so\s+)?(?:that|this|the)\s+(?:\w+\s+)?(?:increase|raise|rise|reduction|decrease|change|cut|improvement)\b[^,;]{0,50}?\b(?:reflects|includes|represents|comprises|consists\s+of|is\s+made\s+up\s+of)\b",
    )
});
/// "reduces our capacity outlook by about four points": a change of a guide.
pub(super) static GUIDE_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:outlook|guidance|guide|forecast|range|midpoint)\s+by\s+(?:about\s+|approximately\s+|roughly\s+|around\s+|an?\s+additional\s+)?$",
    )
});
/// "55% of earnings in the first half": how the year divides.
pub(super) static PHASING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*of\s+(?:[\w-]+\s+){0,4}?(?:to\s+(?:be|fall|land|come)\s+)?in\s+(?:the\s+)?(?:(?:first|second|back|front)\s+half|q[1-4]|(?:first|second|third|fourth)\s+quarter)\b",
    )
});
/// A change made to a guide: "lowering our capex guidance around $42 million".
pub(super) static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:rais|lower|increas|reduc|cutt|trimm|lift|narrow)(?:e|es|ed|ing)?\s+(?:our\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?(?:guidance|outlook|guide|forecast|range)\s+(?:by\s+|around\s+)?(?:approximately\s+|about\s+|roughly\s+)?$",
    )
});
/// "in the quarter", "this quarter": the quarter just reported, where nothing looks forward.
pub(super) static IN_THE_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\W*(?:in|for|during)\s+(?:the|this)\s+quarter\b"));
/// "which would imply": arithmetic on a guide, not a guide.
pub(super) static IMPLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:would|could|might)\s+(?:imply|suggest|mean)\b"));
/// "down 3%", "down in the low to mid-teens", "a decline of": a fall.
pub(super) static DOWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:down|decline\s+of|decrease\s+of|declines?|decrease)(?:\s+(?:in\s+the|by|to|about|approximately|roughly))?(?:\s+(?:over|more\s+than|nearly|almost|at\s+least|up\s+to))?\s*$",
    )
});
/// "revenues to decline in the range of", "net sales to decrease approximately", "declining
/// between", "a decline in revenue of", "a reduction in our capacity of": a percentage after
/// these is a fall (not "decline to", a level).
pub(super) static DECLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:down|declin(?:e|es|ing|ed)|decreas(?:e|es|ing|ed)|contract(?:ion)?|drop|fall)(?:\s+(?:of|in|the|range|by|about|approximately|roughly|around|between|an?|somewhere|anywhere|within|and|mid|low|high|single|double|digits?|less\s+than|more\s+than|nearly|over))*\s*$|\b(?:declines?|decreases?|reductions?|drops?|falls?|contraction)\s+in\s+(?:our\s+|the\s+|its\s+)?(?:[\w&-]+\s+){1,4}?(?:of|by)(?:\s+(?:about|approximately|roughly|around|between|an?|the|range|mid|low|high|single|double|digits?))*\s*$",
    )
});
/// Where an assumption or an aside begins after a figure: its period is not the figure's.
pub(super) static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:assuming|assumes?|excluding|including|includes?|due\s+to|because|given|reflecting|which|while|compared|versus|as\s+well\s+as|driven\s+by|based\s+on)\b",
    )
});
/// "use $110 million to $125 million of cash": an outflow.
pub(super) static USE_OF_CASH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:use|burn|consume)\s*$"));
/// "$40 million to $60 million of use": an outflow.
pub(super) static OF_USE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*of\s+(?:cash\s+|free\s+cash\s+)?(?:use|burn|outflow)\b"));
/// A loss named before a figure.
pub(super) static LOSS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bloss(?:es)?\b"));
/// "3 million units or more": a lower bound.
pub(super) static OR_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:[a-z-]+\s+){0,2}?or\s+(?:more|higher|better|greater|above|beyond)\b")
});
/// "$100 million higher than the second quarter": a difference.
pub(super) static THAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:per|a)\s+(?:diluted\s+)?share\s+)?(?:higher|lower|more|less|better|worse|above|below)\s+than\b",
    )
});
/// Figures so far: "year-to-date", "to date", "so far".
pub(super) static TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:year[\s-]to[\s-]date|ytd|to\s+date|so\s+far|thus\s+far|through\s+(?:the\s+)?(?:first|second|third)\s+(?:quarter|half|nine\s+months))\b",
    )
});
/// Where a figure's own words after it end: "up approximately 7% for the year or a headwind
/// of about $45 million" gives the 7% no headwind.
pub(super) static CLAUSE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)[,;]|\b(?:or|and|but|while|which|with|as)\b"));
/// Words of expectation that carry a guide in Q&A, where "would be" and "I think" are talk.
pub(super) static STRONG_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:expect|anticipat|guid|forecast|project|target|outlook|plan)\w*")
});
/// "... by $95 million", "by an additional $0.06": a change.
pub(super) static BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bby\s+(?:an?\s+additional\s+|another\s+|approximately\s+|about\s+|roughly\s+|around\s+|nearly\s+|a\s+net\s+|a\s+further\s+)?$",
    )
});
/// "100 basis points better", "$100 million higher": a change.
pub(super) static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:or\s+[\d.]+%\s+)?(?:better|worse|higher|lower|more|less|greater|above|below)\b")
});
/// "a $0.50 or 8.3% increase at the midpoint", "a 5% raise to our prior outlook": the change
/// made to the guide, not a guide.
pub(super) static GUIDE_CHANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:or\s+(?:an?\s+)?\$?[\d.,]+\s*(?:%|percent|million|billion)?\s+)?(?:(?:per|a)\s+(?:diluted\s+)?share\s+)?(?:increase|decrease|raise|reduction|improvement|decline|cut|rise|lift)\s+(?:at|in|to|from|over|compared\s+(?:to|with)|versus|vs\.?|relative\s+to)\s+(?:the\s+|our\s+)?(?:midpoint|(?:prior\s+|previous\s+|original\s+|initial\s+)?(?:guidance|outlook|range|forecast))\b",
    )
});
/// "higher than 2019's record": a rise over a named year.
pub(super) static THAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:higher|lower|above|below|more|less|greater)\s+than\s+(?:the\s+|our\s+)?(20\d\d)",
    )
});
/// "the corresponding prior year period", "last year": a past period to compare with.
pub(super) static PRIOR_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:prior[\s-]year|last\s+year|year[\s-]ago|same\s+period|corresponding\s+period)\b")
});
/// A modal that looks ahead.
pub(super) static MODAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:would|will|should|could|expect\w*|anticipat\w*)\b"));
/// Sensitivities: "would change earnings by", "would be favorably impacted by".
pub(super) static SENSITIVITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:would|could|might)\s+(?:\w+\s+){0,3}?(?:change|impact|affect|reduce|increase|decrease|lower|raise|add|be\s+(?:favorably|unfavorably|positively|negatively|adversely)\s+(?:impacted|affected))\b|\b(?:would|could|might)\s+have\s+(?:been|grown|come\s+in|increased|decreased|risen|fallen)\b",
    )
});
/// A sentence that sets a scenario: "If the Section 45L tax credit is extended, ...".
pub(super) static IF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:and\s+|but\s+|so\s+)?(?:if|assuming)\s+(?:the|our|we|it|there|that|this|these|those|current|demand|rates?|prices?|[a-z]+\s+(?:is|are|were|was)\b)",
    )
});
/// "a low-20s percentage of our full year EPS", "84% of our backlog".
pub(super) static PERCENTAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:percentage\s+of|of\s+(?:that|this|these|those)\s|of\s+(?:our|its|this|the\s+company's)\s+(?:full[\s-]year\s+|total\s+)?(?:backlog|orders|portfolio|pipeline|eps|earnings|adjusted\s+eps|sales\s+mix|customers|stores|fleet|workforce))\b",
    )
});
/// "$47 million in incremental O&M": an increment.
pub(super) static INCREMENT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:in|of)\s+(?:incremental|additional)\b"));
/// "incremental revenue", "additional annualized revenue": an increment.
pub(super) static INCREMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:incremental|additional)\b"));
/// A headwind or tailwind to a metric.
pub(super) static WIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:constant[\s-])?(headwind|tailwind|impact|savings|synerg(?:y|ies)|contribution|contribute|benefit|effect|currency|fx|foreign[\s-]exchange|accretive|accretion|dilutive|dilution)s?\b(?:\s+(profit|margin))?",
    )
});
/// A deal, an investment or a product line as the subject of what the figure brings: "the
/// contract, which we expect to generate approximately", "the acquisition is expected to add",
/// "those investments will generate about", "these new products could contribute incremental
/// revenue of more than".
pub(super) static DEAL_BRINGS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:contracts?|awards?|agreements?|acquisitions?|deals?|transactions?|orders?|wins?|partnerships?|investments?|(?:new\s+)?products?|business|programs?|initiatives?|projects?|facilit(?:y|ies)|assets?|purchases?)\b[^.;]{0,80}?\b(?:generate|add|bring|contribute|deliver)s?\b(?:\s+[\w-]+){0,5}?\s*$",
    )
});
/// "at the upper end of our usual 6% to 8% range": a standing range the company measures
/// itself against, not this period's guide.
pub(super) static STANDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:usual|normal|typical|historical|traditional|long-standing)\s+(?:[\w-]+\s+){0,2}?$",
    )
});
/// The end of an effect's own words before its figure: "impact of the higher tax rate of
/// approximately".
pub(super) static OF_END: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:of|at|by)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+)?$")
});
/// "local currency sales growth", "currency-neutral": a growth measure, not a currency effect.
pub(super) static LOCAL_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:local|in\s+local|constant|neutral)[\s-]+currency\b|\b(?:currency|fx|foreign[\s-]exchange)[\s-]+neutral\b",
    )
});
/// Words that make a percentage a growth rate.
pub(super) static GROWTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:growth|grow(?:ing|s)?|up|down|increase[sd]?|decrease[sd]?|decline[sd]?|higher|lower|flat|rise|fall|expand|contract)\b",
    )
});
/// Words that start a new clause after a comparison.
pub(super) static MASK_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:with|while|and\s+(?:we|our|the)|but|which|whereas)\b"));

/// Blanks out the comparisons of a sentence ("compared to 2020", "up from 59% in Q2 of last
/// year") up to the end of their clause, keeping every byte offset.
pub(super) fn mask_comparisons(s: &str) -> String {
    if !COMPARISON.is_match(s) {
        return s.to_string();
    }
    let mut out = s.to_string();
    for m in COMPARISON.find_iter(s) {
        // "more than $25 million", "less than 10%": a bound of the figure, not a comparison.
        let word = m
            .as_str()
            .trim_start_matches([',', ' '])
            .to_ascii_lowercase();
        if (word.starts_with("more") || word.starts_with("less"))
            && s[m.end()..]
                .trim_start()
                .starts_with(|c: char| c == '$' || c.is_ascii_digit())
        {
            continue;
        }
        // The clause ends at a comma, a semicolon or a full stop, not at the point inside a
        // figure ("from 19.9% in 2021").
        let b = s.as_bytes();
        let stop = (m.end()..b.len())
            .find(|&i| {
                matches!(b[i], b',' | b';')
                    || b[i] == b'.' && !b.get(i + 1).is_some_and(u8::is_ascii_digit)
            })
            .unwrap_or(b.len());
        // "... higher than the second quarter with margins between 22.3% and 23.1%": the
        // comparison ends where another clause starts.
        let end = MASK_END
            .find(&s[m.end()..stop])
            .map_or(stop, |w| m.end() + w.start());
        let blank: String = s[m.start()..end]
            .chars()
            .map(|c| " ".repeat(c.len_utf8()))
            .collect();
        out.replace_range(m.start()..end, &blank);
    }
    out
}

/// A year as digits.
pub(super) static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d\d\b"));
/// Words that lead into a count being guided.
pub(super) static COUNT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:of|between|be|to|at|approximately|about|around|roughly|is|are|total|deliver|produce|ship|open|add|from)\s*$",
    )
});

/// The words between a new range and the old one it replaces, said after it: ", up from",
/// "from our prior guidance of", "compared to our previous".
pub(super) static QUOTED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:an?\s+(?:increase|decrease|raise|reduction)\s+)?(?:(?:up|down|raised|increased|lowered|reduced)\s+from|from|compared\s+(?:to|with)|versus|vs\.?)\s+(?:the\s+|our\s+|its\s+)?(?:(?:prior|previous|previously|original|earlier|initial)\s+)?(?:[\w-]+\s+){0,3}?(?:(?:guidance|outlook|range|target|expectations?|forecast)\s+(?:range\s+)?(?:of\s+)?)?$",
    )
});

/// A sentence that points back to the one before: "This represents year-on-year growth of",
/// "That implies", "which equates to".
pub(super) static POINTS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:and\s+)?(?:this|that|which|it)\s+(?:would\s+|will\s+|also\s+)?(?:represents?|implies|imply|reflects?|equates?|means?)\b",
    )
});

/// "with a midpoint of", "or at the midpoint": words before a range's midpoint.
pub(super) static MIDPOINT_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:a|the|its)\s+mid-?point\s+(?:of\s+|at\s+|is\s+|being\s+|an?\s+)?(?:about\s+|approximately\s+)?$",
    )
});

/// "at the midpoint of our earnings guidance range of $3": the midpoint of a range given
/// elsewhere, not a guide of its own.
pub(super) static MIDPOINT_OF_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmid-?point\s+of\s+(?:our|the|its)\s+(?:[\w-]+\s+){0,3}?range\s+(?:of|at|is)\s+(?:about\s+|approximately\s+)?$",
    )
});

/// "80 to 100 basis points as a percentage of sales": a change in a ratio to sales.
pub(super) static AS_SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:basis\s+points?|bps|points?)?\s*(?:as\s+a\s+(?:percentage|percent|%)\s+of|of)\s+(?P<of>(?:net\s+)?(?:sales|revenues?))\b",
    )
});

/// "For Subsea Products, ...", "And for the Conferences segment, ...": a sentence led by "for".
pub(super) static FOR_PART: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\W*(?:(?:[Aa]nd|[Nn]ow|[Aa]lso|[Ss]o)\s+)?(?:[Ff]or)\s"));

/// "70% in 2019", "$1.2 billion for fiscal 2019": the year a figure is of, named right after it.
pub(super) static IN_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:in|for|during)\s+(?:fiscal\s+(?:year\s+)?|FY\s?|calendar\s+(?:year\s+)?)?((?:19|20)\d{2})\b",
    )
});

/// "20% lower than fiscal '19", "5% below last year": a percentage of a fall.
pub(super) static LOWER_THAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:lower|less|below|smaller|fewer|down)\s+(?:than|from|versus|vs\.?|compared|relative|year[\s-]over[\s-]year|last\s+year|the\s+prior\s+year)\b",
    )
});

/// "in the upper half of the range of 5% to 7%", "the lower half of our guidance range of",
/// "the upper half of the 5% to 7% range" (lower case: read on the lowered words before a figure).
pub(super) static HALF_OF_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(upper|top|higher|lower|bottom)\s+half\s+of\s+(?:the|our|its|that)\s+(?:(?:[\w-]+\s+){0,3}?range\s+(?:of\s+)?(?:between\s+)?(?:the\s+)?)?$",
    )
});

/// "a positive currency impact on", "foreign exchange headwind of": an effect of currency.
pub(super) static CURRENCY_BEFORE_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:currency|fx|foreign[\s-]exchange)(?:[\s-]+(?:translation|rate))?\s+(?:impact|effect|headwind|tailwind|benefit|drag|pressure)s?\b",
    )
});

/// Words between two figures of one list: "in 2024 and", ", and about", "or another".
pub(super) static LIST_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:in|for|during|by|over|through)\s+(?:the\s+)?[\w\s'-]{0,24}?)?,?\s*(?:and|or|then)\s+(?:about|approximately|roughly|around|nearly|another|an?\s+(?:further|additional)\s+)?\s*$",
    )
});

/// "per share per quarter of EPS ": the words between an amount per share and the effect it
/// names ("$0.03 per share per quarter of EPS benefit").
pub(super) static PER_SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^per\s+share(?:\s+per\s+(?:quarter|year|annum))?\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}$")
});

/// "per quarter", "per year", "a month": a pace over time, not a unit price.
pub(super) static PER_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:per|a|each)\s+(?:quarter|year|annum|month|week)\b"));

/// The text with an exclusion clause between a metric and its verb blanked ("adjusted EPS,
/// excluding ... lost revenue and other items, is estimated to be"): same byte offsets.
pub(super) fn mask_exclusions(s: &str) -> std::borrow::Cow<'_, str> {
    static EXCLUSION: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i),\s*(?:excluding|before|net\s+of|exclusive\s+of|which\s+excludes?)\b[^;:]*?\s(?:is|are|will|should|would|to\s+be|expected|estimated|projected|anticipated)\b",
        )
    });
    // Most figures' words hold no exclusion: skip the pattern.
    let lower = s.to_ascii_lowercase();
    if !s.contains(',')
        || !["exclu", "before", "net of"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let Some(m) = EXCLUSION.find_iter(s).last() else {
        return std::borrow::Cow::Borrowed(s);
    };
    // Blank from the comma up to the verb, keeping the verb; a clause with its own subject
    // ("..., we expect capital expenditures to be") is no exclusion, and one that goes on
    // with "and" to another noun ("excluding inventory impact and total capital spending to
    // be") ends there ("and other discrete items" goes on with the list).
    let span = m.as_str();
    if span.contains(" we ") || span.contains(" they ") {
        return std::borrow::Cow::Borrowed(s);
    }
    let verb = span
        .rfind(char::is_whitespace)
        .map_or(m.end(), |i| m.start() + i);
    let verb = span
        .match_indices(" and ")
        .map(|(i, _)| m.start() + i)
        .find(|&i| {
            let next = s[i + 5..].trim_start().to_ascii_lowercase();
            ![
                "other",
                "certain",
                "one-time",
                "non-recurring",
                "nonrecurring",
            ]
            .iter()
            .any(|w| next.starts_with(w))
        })
        .unwrap_or(verb)
        .min(verb);
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..m.start()]);
    out.extend(
        s[m.start()..verb]
            .chars()
            .map(|c| if c.is_ascii() { ' ' } else { c }),
    );
    out.push_str(&s[verb..]);
    std::borrow::Cow::Owned(out)
}

/// "raising the low end of our full year EPS guidance to": one end of a range moved.
pub(super) static END_MOVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:low|high|lower|upper|bottom|top)\s+end\s+of\s+(?:[\w'’-]+\s+){0,10}?(?:guidance|range|outlook|forecast)\s+(?:range\s+)?(?:to|by|at)\s+(?:about\s+|approximately\s+)?$",
    )
});

/// "60% over 2019", "14% to 17% below first quarter 2019 levels": growth measured against a
/// year named after the figure (the year in group 1).
pub(super) static AGAINST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:(?:growth|increase|decrease|decline|higher|lower)\s+)?(?:over|versus|vs\.?|compared\s+(?:to|with)|relative\s+to|below|above)\s+(?:the\s+|our\s+)?(?:record\s+|pre-?(?:pandemic|covid)\s+)?(?:(?:first|second|third|fourth)\s+quarter\s+(?:of\s+)?|q[1-4]\s+)?(?:fiscal\s+|calendar\s+)?[’']?(20\d\d)\b",
    )
});

/// "more than $5 million in annual sales potential": what an opportunity could bring.
pub(super) static POTENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:(?:in|of)\s+)?(?:[\w-]+\s+){0,3}?(?:potential|opportunity|upside)\b")
});

/// Where a list of names splits: "the third quarter and full-year 2021", "Q3, Q4 and 2022".
pub(super) static LIST_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i),\s*(?:and\s+)?|\s+and\s+"));

/// A paragraph that opens on a new slide or page: "Moving to Slide 10.", "Turning to page 12,".
pub(super) static NEW_SLIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:(?:and\s+)?(?:now\s+)?(?:moving|turning|turn|move|going|let's\s+(?:move|turn|go))\s+(?:on\s+|over\s+|now\s+)?to|(?:on|if\s+you\s+(?:turn|go|move)\s+to))\s+(?:the\s+next\s+)?(?:slide|page|chart)\b",
    )
});

/// Words that speak of the whole company again after a part of it: "on a consolidated basis",
/// "for the total company", "overall", "company-wide".
pub(super) static WHOLE_COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:consolidated|total\s+company|company[\s-]wide|enterprise[\s-]wide|overall|for\s+the\s+(?:whole\s+|entire\s+)?company|at\s+the\s+(?:company|corporate|enterprise)\s+level|in\s+total)\b",
    )
});

/// A sentence that turns to a new topic: "Now let me turn to the third fiscal quarter",
/// "Turning to the balance sheet", "I'll move to our outlook".
pub(super) static TURN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:(?:and|so|now|next|finally)[,\s]+)?(?:(?:let\s+me|let(?:'|’)?s|I(?:'|’)ll|I\s+will|I\s+would\s+like\s+to|I(?:'|’)d\s+like\s+to)\s+(?:now\s+)?(?:turn|move|shift|go|switch|update)|turning|shifting|moving|switching)\b",
    )
});

/// Labels of what only the whole company has: debt, leverage, dividends, buybacks, interest,
/// corporate costs, taxes.
pub(super) static COMPANY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:debt|leverage|dividends?|repurchases?|buybacks?|interest|corporate|tax(?:es)?|share\s+count|liquidity)\b",
    )
});

/// A sentence that opens on a topic of its own: "In corporate and other, ...", "For the
/// Specialty segment, ...". The topic is group 1.
pub(super) static TOPIC_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*(?:and\s+|so\s+|now\s+)?(?:for|in|at|within|across)\s+([^,.;]{1,60}),")
});

/// How many sentences after a turn to a part of the business its figures are still taken as
/// that part's.
pub(super) const PART_HOLDS: usize = 4;

/// Words of a time, not a topic: "For the year,", "In the second half,", "For 2022,".
pub(super) static TIME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:years?|quarters?|half|months?|periods?|fiscal|seasons?|fy|q[1-4]|h[12]|today|now|time)\b|\d",
    )
});

/// What an effect comes from, when it is currencies: "a 2% top-line benefit from the impact of
/// FX", "from foreign exchange".
pub(super) static FROM_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:[\w-]+\s+){0,3}?(?:from|due\s+to|driven\s+by|because\s+of)\s+(?:the\s+)?(?:(?:impact|effect)s?\s+of\s+)?(?:the\s+)?(?:fx|foreign[\s-]exchange|currenc(?:y|ies))\b",
    )
});

/// A sale of part of the business the figure is the size of: "complete the disposition of
/// approximately $1 billion in combustion revenue", "divest certain businesses with revenues
/// totaling up to $1 billion".
pub(super) static DIVESTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:divest\w*|dispos(?:e|ed|ing|al|ition)s?|sell(?:ing)?\s+(?:off\s+)?(?:certain\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}?business(?:es)?|exit(?:ing)?\s+(?:certain\s+|the\s+)?(?:[\w-]+\s+){0,2}?business(?:es)?)\b",
    )
});

/// A sentence opening on how figures moved, with no verb of its own: "With revenue up 14.5%
/// and adjusted earnings per share up 30.5%, the health of our business is very strong." A
/// comment on results, not an item of an outlook list.
pub(super) static WITH_MOVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*with\s+(?:[\w&'’-]+\s+){1,6}?(?:up|down|growing|increasing|declining|rising|falling)\s+(?:by\s+)?(?:approximately\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?\$?\d",
    )
});

/// The physical unit a cost is given per: "$5.10 per barrel", "$0.45 per gallon".
pub(super) static PER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*per\s+(barrel|boe|mcfe?|gallon|ton|tonne|ounce|pound|unit|mwh|megawatt[\s-]hour|available\s+seat\s+mile|asm|square\s+foot|sq\.?\s*ft\.?|room|passenger|vehicle|bed|head)\b",
    )
});

/// "average sales per store", "revenue per customer": an amount per one of many, named after
/// the figure.
pub(super) static PER_ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:million|billion|thousand)?\s*(?:in\s+|of\s+)?(?:average\s+|annual\s+|annualized\s+)?(?:sales|revenues?|volumes?|ebitda|profit|income|spend(?:ing)?|usage|cash\s+flow)\s+per\s+(?:store|location|restaurant|customer|subscriber|user|member|employee|rig|well|site|branch|outlet|door|center|clinic|hospital|household|account|club|unit|box|truck|vessel)\b",
    )
});

/// What a per-share amount is of, when it is not earnings: "$0.04 per share of interest
/// related to our developments".
pub(super) static PER_SHARE_OF_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*per\s+(?:diluted\s+)?share\s+of\s+(?:the\s+)?((?:interest|dilution|amortization|depreciation|costs?|expenses?|charges?|benefit|headwind|tailwind|impact|savings|accretion|noise)(?:\s+(?:expense|costs?|income))?)\b",
    )
});

/// A region named shortly before a figure in its clause: "momentum in APAC with close to",
/// "we expect revenue in North America to grow".
pub(super) static REGION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in|across|for|from|[Ii]n)\s+(?:the\s+|our\s+)?(APAC|EMEA|LATAM|Asia[\s-]Pacific|Europe|North\s+America|Latin\s+America|South\s+America|Greater\s+China|China|Japan|India|Canada|Mexico|Brazil|the\s+Americas|Americas)\b[^,;]{0,40}$",
    )
});

/// A sentence whose subject is a market, an industry or the economy: "The China market
/// continues to be more robust, with volumes predicted to be down 9%".
pub(super) static MARKET_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:and\s+|but\s+|so\s+)?(?:the\s+)?(?:overall\s+|global\s+|total\s+|u\.?s\.?\s+|[A-Z][\w-]*\s+){0,3}(?:[\w-]+\s+){0,2}?(?:market|markets|industry|economy|sector)\s+(?:is|are|was|were|continues?|remains?|should|will|has|have|volumes?|demand|growth|sales)\b",
    )
});

/// The company speaking of itself: "we", "our", "us".
pub(super) static WE_OUR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:we|our|us|i)\b"));

/// A figure whose subject is a pronoun for what the sentence before named: "We expect that to be
/// 22% now", "we see it at about $40 million", "that is now expected to be around 3%".
pub(super) static POINTS_TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:expect|expects|see|sees|anticipate|forecast|project|estimate|guide|guiding)\s+(?:that|it)\s+(?:to\s+(?:be|come\s+in|land|end\s+up|run)|at|around|in\s+the)|\b(?:that|it)\s+(?:is|will\s+be|should\s+be|would\s+be)\s+(?:now\s+)?(?:expected|going|forecast(?:ed)?|projected|estimated|likely)\s+to\s+be)\b[^,;]*$",
    )
});

/// A sentence that turns to something else, whose figures a change said before does not
/// concern: "With regard to the recently acquired companies, ...", "Separately, ...".
pub(super) static NEW_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*(?:and\s+|now\s+|so\s+)?(?:with\s+regard\s+to|in\s+regard\s+to|separately)\b")
});

/// The words right after a figure that put it "on" a measure: "$0.12 on EPS", "200 basis points
/// on revenue": an effect's size.
pub(super) static ON_MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:per\s+share\s+)?on\s+(?:our\s+|the\s+)?(?:adjusted\s+|reported\s+|diluted\s+|gaap\s+|non-gaap\s+)*(?:eps|earnings|revenues?|sales|margins?|ebitda|operating\s+income|net\s+income)\b",
    )
});
