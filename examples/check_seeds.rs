//! Prints the findings of the check on the bundled calls, and the omission ratios.
fn main() {
    for t in callread::library::bundled() {
        for f in callread::check::check(&t) {
            println!(
                "{} {:>4} {:<12} {}",
                &t.source[8..11],
                f.line,
                f.kind.name(),
                f.detail
            );
        }
    }
}
