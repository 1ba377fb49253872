//! Guidance figures and their history (`callread guidance [--history]`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::guidance::GuideUnit;

use super::{csv_field, csv_num, json_name, load_all, write_json, write_table};

/// `callread guidance --history`: the guidance ledger across calls.
pub fn history(paths: &[PathBuf], json: bool, csv: bool) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    let ledger = crate::history::Ledger::from_transcripts(&transcripts);
    let steps = ledger.steps();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        write_json(&mut out, &steps)?;
        writeln!(out)?;
    } else if csv {
        write_history_csv(&mut out, &steps)?;
    } else {
        write_history_table(&mut out, &ledger, &steps)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `callread guidance`: every call's guidance figures (with `all`, also those under the
/// model's confidence threshold).
pub fn run(paths: &[PathBuf], json: bool, csv: bool, all: bool) -> Result<ExitCode> {
    let transcripts = load_all(paths)?;
    let figures: Vec<crate::guidance::GuidanceFigure> = transcripts
        .iter()
        .flat_map(crate::guidance::extract)
        .filter(|f| all || f.shown())
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        write_json(&mut out, &figures)?;
        writeln!(out)?;
    } else if csv {
        write_guidance_csv(&mut out, &figures)?;
    } else {
        let rows: Vec<Vec<String>> = figures
            .iter()
            .map(|f| {
                let zh = match &f.zh {
                    Some(z) if !z.matches => format!("⚠ 中文: {}", z.text),
                    _ => String::new(),
                };
                vec![
                    f.source.rsplit('/').next().unwrap_or("").to_string(),
                    f.line.to_string(),
                    match f.kind {
                        crate::guidance::Kind::Target => {
                            format!("target {}", f.period.as_deref().unwrap_or_default())
                        }
                        crate::guidance::Kind::Guide => f.period.clone().unwrap_or_default(),
                    },
                    f.label.clone(),
                    crate::guidance::format_value(f),
                    f.direction
                        .map_or("", crate::guidance::Direction::as_str)
                        .to_string(),
                    zh,
                ]
            })
            .collect();
        write_table(
            &mut out,
            &[
                "file",
                "line",
                "period",
                "figure",
                "value",
                "direction",
                "translation",
            ],
            &rows,
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes guidance figures as CSV (RFC 4180 quoting).
fn write_guidance_csv(
    out: &mut impl Write,
    figures: &[crate::guidance::GuidanceFigure],
) -> io::Result<()> {
    let field = csv_field;
    let num = csv_num;
    writeln!(
        out,
        "source,line,kind,metric,label,basis,period,low,high,unit,approximate,direction,speaker,section,zh_low,zh_high,zh_matches,confidence,text"
    )?;
    for f in figures {
        let name = json_name;
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{:.3},{}",
            field(&f.source),
            f.line,
            name(serde_json::to_value(f.kind)),
            name(serde_json::to_value(f.metric)),
            field(&f.label),
            f.basis.map_or("", crate::guidance::Basis::as_str),
            field(f.period.as_deref().unwrap_or("")),
            num(f.low),
            num(f.high),
            f.unit.as_str(),
            f.approximate,
            f.direction.map_or("", crate::guidance::Direction::as_str),
            field(&f.speaker),
            name(serde_json::to_value(f.section)),
            num(f.zh.as_ref().and_then(|z| z.low)),
            num(f.zh.as_ref().and_then(|z| z.high)),
            f.zh.as_ref()
                .map_or(String::new(), |z| z.matches.to_string()),
            f.confidence,
            field(&f.text),
        )?;
    }
    Ok(())
}

/// The guidance history as CSV: one row per step, both calls' sources and lines.
fn write_history_csv(out: &mut impl Write, steps: &[crate::history::Step]) -> io::Result<()> {
    let field = csv_field;
    let num = csv_num;
    let name = json_name;
    writeln!(
        out,
        "company,kind,metric,label,basis,period,unit,step,from_source,from_line,from_call,from_low,from_high,to_source,to_line,to_call,to_low,to_high,actual,verdict,position,change,midpoint_change,midpoint_change_pct,word,disagrees"
    )?;
    for s in steps {
        let from = s.from.as_ref();
        let (to_source, to_line, to_call) = match (&s.to, &s.actual) {
            (Some(p), _) => (p.source.as_str(), p.line.to_string(), p.call.as_str()),
            (None, Some(a)) => (a.source.as_str(), a.line.to_string(), a.call.as_str()),
            (None, None) => ("", String::new(), ""),
        };
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(&s.company),
            name(serde_json::to_value(s.kind)),
            name(serde_json::to_value(s.metric)),
            field(&s.label),
            s.basis.map_or("", crate::guidance::Basis::as_str),
            field(&s.period),
            s.unit.as_str(),
            s.step,
            field(from.map_or("", |p| p.source.as_str())),
            from.map_or(String::new(), |p| p.line.to_string()),
            from.map_or("", |p| p.call.as_str()),
            num(from.and_then(|p| p.low)),
            num(from.and_then(|p| p.high)),
            field(to_source),
            to_line,
            to_call,
            num(s.to.as_ref().and_then(|p| p.low)),
            num(s.to.as_ref().and_then(|p| p.high)),
            num(s.actual.as_ref().map(|a| a.value)),
            name(serde_json::to_value(s.actual.as_ref().map(|a| a.verdict))),
            num(s.actual.as_ref().and_then(|a| a.position)),
            name(serde_json::to_value(s.change)),
            num(s.midpoint_change),
            num(s.midpoint_change_pct),
            s.word.map_or("", crate::guidance::Direction::as_str),
            s.disagrees,
        )?;
    }
    Ok(())
}

/// The guidance history for people: per sequence, its guides call by call, then the result.
fn write_history_table(
    out: &mut impl Write,
    ledger: &crate::history::Ledger,
    steps: &[crate::history::Step],
) -> io::Result<()> {
    if ledger.sequences.is_empty() {
        let companies = ledger
            .calls
            .iter()
            .filter_map(|c| c.company.as_deref())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        writeln!(
            out,
            "No guidance history: {} of {}, no metric guided in two calls of one company.",
            crate::text::count(ledger.calls.len(), "call", "calls"),
            crate::text::count(companies, "company", "companies")
        )?;
        return Ok(());
    }
    // The bars, in the order `steps` lists the sequences' steps.
    let bars: Vec<String> = ledger
        .sequences
        .iter()
        .flat_map(crate::history::text_bars)
        .collect();
    let rows: Vec<Vec<String>> = steps
        .iter()
        .zip(bars)
        .map(|(s, bar)| history_row(s, bar))
        .collect();
    write_table(
        out,
        &[
            "company", "period", "figure", "call", "value", "range", "change", "words", "where",
        ],
        &rows,
    )
}

/// One row of the history table: a step of a sequence with its bar.
fn history_row(s: &crate::history::Step, bar: String) -> Vec<String> {
    use crate::guidance::format_range;
    let file = |src: &str| src.rsplit('/').next().unwrap_or("").to_string();
    let (call, at, value, change) = match (&s.to, &s.actual) {
        (Some(p), _) => {
            let change = s.change.map_or(String::new(), |c| {
                let mut w = format!("{} {}", c.arrow(), c.words());
                match (s.midpoint_change_pct, s.midpoint_change, s.unit) {
                    (Some(pct), _, _) if pct.abs() >= 0.05 => {
                        w.push_str(&format!(" ({pct:+.1}% mid)"));
                    }
                    (None, Some(d), GuideUnit::Percent) if d.abs() >= 0.005 => {
                        let d = format!("{d:+.2}");
                        let d = d.trim_end_matches('0').trim_end_matches('.');
                        w.push_str(&format!(" ({d} pts mid)"));
                    }
                    (None, Some(d), GuideUnit::Bps) if d.abs() >= 0.5 => {
                        w.push_str(&format!(" ({d:+.0} bps mid)"));
                    }
                    _ => {}
                }
                w
            });
            (
                p.call.clone(),
                format!("{}:{}", file(&p.source), p.line),
                format_range(p.low, p.high, s.unit),
                change,
            )
        }
        (None, Some(a)) => {
            let v = json_name(serde_json::to_value(a.verdict));
            let at = a
                .position
                .map_or(String::new(), |p| format!(" ({:.0}% of range)", p * 100.0));
            (
                a.call.clone(),
                format!("{}:{}", file(&a.source), a.line),
                format!(
                    "actual {}",
                    format_range(Some(a.value), Some(a.value), s.unit)
                )
                .replace("≈ ", ""),
                format!("{v}{at}"),
            )
        }
        (None, None) => Default::default(),
    };
    let word = match (s.word, s.disagrees) {
        (Some(w), true) => format!("⚠ said \"{w}\""),
        (Some(w), false) => format!("said \"{w}\""),
        (None, _) => String::new(),
    };
    let kind = match s.kind {
        crate::guidance::Kind::Target => format!("target {}", s.period),
        crate::guidance::Kind::Guide => s.period.clone(),
    };
    vec![
        s.company.clone(),
        kind,
        s.label.clone(),
        call,
        value,
        bar,
        change,
        word,
        at,
    ]
}
