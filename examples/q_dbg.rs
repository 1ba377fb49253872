fn main() {
    for s in std::env::args().skip(1) {
        for q in callread::text::numbers::english(&s) {
            println!("EN {:?}", q);
        }
        for q in callread::text::numbers::chinese(&s) {
            println!("ZH {:?}", q);
        }
    }
}
