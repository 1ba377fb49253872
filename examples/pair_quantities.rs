//! Prints the quantities read from one pair: `cargo run --example pair_quantities -- 000 81`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = callread::library::bundled()
        .into_iter()
        .find(|t| t.file_name().starts_with(&args[1]))
        .unwrap();
    let line: usize = args[2].parse().unwrap();
    let (_, p) = t.paragraphs().find(|(_, p)| p.line == line).unwrap();
    let en = p.en.as_deref().unwrap_or("");
    let zh = p.zh.as_deref().unwrap_or("");
    let show = |qs: Vec<callread::text::numbers::Quantity>| {
        qs.iter()
            .map(|q| format!("{}={}{:?}", q.text, q.value, q.unit))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    println!(
        "EN: {}\n ZH: {}",
        show(callread::text::numbers::english(en)),
        show(callread::text::numbers::chinese(zh))
    );
    println!("length units {:?}", callread::check::length_units(en, zh));
}
