//! Prints the results (`guidance::actuals`) each transcript named reports, one line each:
//! `file<TAB>line<TAB>period<TAB>label<TAB>value<TAB>unit`. For looking at why the history
//! does not find a result: `cargo run --release --example actuals -- FILE...`.

use std::path::Path;

fn main() {
    for arg in std::env::args().skip(1) {
        let t = match callread::library::load_file(Path::new(&arg)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{arg}: {e}");
                std::process::exit(1);
            }
        };
        for a in callread::guidance::actuals(&t) {
            println!(
                "{arg}\t{}\t{}\t{}\t{}\t{:?}",
                a.line, a.period, a.label, a.value, a.unit
            );
        }
    }
}
