//! Prints the guidance figures of the bundled calls.
fn main() {
    for t in callread::library::bundled() {
        println!("== {} {:?}", t.source, callread::guidance::call_period(&t));
        for f in callread::guidance::extract(&t) {
            let zh =
                f.zh.as_ref()
                    .map(|z| {
                        if z.matches {
                            "ok".to_string()
                        } else {
                            format!("ZH! {:?}-{:?}", z.low, z.high)
                        }
                    })
                    .unwrap_or_default();
            println!(
                "{:>4} {:<16} {:<44} {:<10} {:<26} {:<11} {:?} {}",
                f.line,
                format!("{:?}", f.metric),
                f.label,
                f.period.clone().unwrap_or_default(),
                callread::guidance::format_value(&f),
                f.unit,
                f.direction,
                zh
            );
        }
    }
}
