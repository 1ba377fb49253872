//! Prints the participants and the question list of each bundled call.
fn main() {
    for t in callread::library::bundled() {
        println!("== {}", t.source);
        for p in callread::speakers::participants(&t) {
            println!(
                "  {:9} {:28} turns {:3} words {:5} {:?}",
                p.role.label(),
                p.name,
                p.turns,
                p.words,
                p.firm
            );
        }
        let qs = callread::speakers::questions(&t);
        println!("  questions: {}", qs.len());
        for q in &qs {
            let who: Vec<&str> = q
                .answered_by
                .iter()
                .map(|&s| t.speakers[s].name.as_str())
                .collect();
            println!(
                "   - {} [{}]: {} -> {}",
                t.speakers[q.speaker].name,
                q.turn,
                callread::speakers::opening_words(&t, q.turn, false, 8),
                who.join(", ")
            );
        }
    }
}
