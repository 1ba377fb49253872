//! Invented calls for the tests (#28): a fixed-seed generator of bilingual and English-only
//! earnings calls, and the generator itself for making damage.

/// xorshift64*: a small generator with a fixed seed, so the damage is the same on every run
/// (any seed but 0, which stays 0).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// English sentences of an invented call with their Traditional Chinese translations; `{n}`
/// and `{m}` are filled with figures.
pub const SENTENCES: &[(&str, &str)] = &[
    (
        "Revenue grew {n}% year over year to ${m} million.",
        "營收年增 {n}%，達到 {m} 百萬美元。",
    ),
    (
        "We expect operating margin of about {n}% for the full year.",
        "我們預計全年營業利潤率約為 {n}%。",
    ),
    (
        "Customers with more than $100,000 in annual revenue grew to {m}.",
        "年營收超過十萬美元的客戶增加至 {m} 家。",
    ),
    (
        "Our enterprise business continued to perform well in every region.",
        "我們的企業業務在各個地區持續表現良好。",
    ),
    (
        "Free cash flow was ${m} million, up {n}% from a year ago.",
        "自由現金流為 {m} 百萬美元，較去年同期成長 {n}%。",
    ),
    (
        "Net retention rate was {n}% in the quarter.",
        "本季淨留存率為 {n}%。",
    ),
    (
        "We remain focused on disciplined investment and profitable growth.",
        "我們將繼續專注於有紀律的投資和獲利成長。",
    ),
    (
        "Thank you for taking my question, and congratulations on the quarter.",
        "感謝您回答我的問題，並祝賀本季的成績。",
    ),
];

pub const SPEAKERS: &[&str] = &[
    "Dana Whitfield - Head of Investor Relations",
    "Sam Ortiz - Chief Executive Officer",
    "Lee Park - Chief Financial Officer",
];

/// One paragraph pair of 3 to 6 sentences.
pub fn paragraph(rng: &mut Rng) -> (String, String) {
    let (mut en, mut zh) = (Vec::new(), Vec::new());
    for _ in 0..3 + rng.below(4) {
        let (e, z) = SENTENCES[rng.below(SENTENCES.len())];
        let (n, m) = (1 + rng.below(40), 10 + rng.below(900));
        let fill = |s: &str| {
            s.replace("{n}", &n.to_string())
                .replace("{m}", &m.to_string())
        };
        en.push(fill(e));
        zh.push(fill(z));
    }
    (en.join(" "), zh.concat())
}

/// An invented bilingual call (English line, then its Chinese line) of at least `bytes` bytes.
pub fn bilingual_call(seed: u64, bytes: usize) -> String {
    bilingual_call_of("Initrode", seed, bytes)
}

/// An invented bilingual call of `company` of at least `bytes` bytes.
pub fn bilingual_call_of(company: &str, seed: u64, bytes: usize) -> String {
    let mut rng = Rng(seed);
    let mut out =
        String::from("使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主\n");
    out.push_str(&format!(
        "Operator\nOperator\nGood afternoon, and welcome to the {company} earnings call.\n午安，歡迎參加 {company} 財報電話會議。\n"
    ));
    while out.len() < bytes {
        let speaker = SPEAKERS[rng.below(SPEAKERS.len())];
        out.push_str(&format!("{speaker}\n{speaker}\n"));
        for _ in 0..1 + rng.below(3) {
            let (en, zh) = paragraph(&mut rng);
            out.push_str(&format!("{en}\n{zh}\n"));
        }
    }
    out
}

/// An invented English-only call (`Name -- Title` once, blank lines) of at least `bytes` bytes.
pub fn english_call(seed: u64, bytes: usize) -> String {
    let mut rng = Rng(seed);
    let mut out = String::from(
        "Initrode (INIT) Q3 2025 Earnings Call Transcript\n\nPrepared Remarks:\n\nOperator\n\nGood afternoon, and welcome to the Initrode earnings call.\n\n",
    );
    while out.len() < bytes {
        let speaker = SPEAKERS[rng.below(SPEAKERS.len())].replace(" - ", " -- ");
        out.push_str(&format!("{speaker}\n\n"));
        for _ in 0..1 + rng.below(3) {
            out.push_str(&paragraph(&mut rng).0);
            out.push_str("\n\n");
        }
    }
    out
}
