//! The intelligibility measure (`scripts/voices-wer.py`) compares a line and what the
//! recogniser heard word by word, with figures, amounts and codes compared as they are said,
//! however either side wrote them; and it still counts a real mishearing.

use crate::support::project;

/// The word error count and the reference's words for `line` heard as `heard`, as the
/// measure scores them (`as_written`: the figures compared as written).
fn scored(language: &str, line: &str, heard: &str, as_written: bool) -> (u32, u32) {
    let script = format!(
        "import json, sys\nsys.path.insert(0, {dir:?})\nfrom importlib import import_module\n\
         w = import_module('voices-wer')\n\
         line, heard, language, written = json.loads(sys.argv[1])\n\
         print(*w.wer(w.words(line, language, written), w.words(heard, language, written)))",
        dir = project("scripts").display().to_string()
    );
    let args = serde_json::json!([line, heard, language, as_written]).to_string();
    let out = std::process::Command::new("python3")
        .args(["-c", &script, &args])
        .output()
        .expect("python3 runs the measure");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut numbers = text.split_whitespace().map(|n| n.parse().expect("a count"));
    (numbers.next().unwrap(), numbers.next().unwrap())
}

#[test]
fn an_amount_heard_right_is_no_error_whichever_way_it_is_written() {
    let line = "Devo pagare 58,30 € entro giovedì.";
    for heard in [
        "devo pagare 58 e 30 euro entro giovedì",
        "Devo pagare 58 euro e 30, entro giovedì.",
        "devo pagare cinquantotto euro e trenta entro giovedì",
        "Devo pagare 58,30€ entro giovedì?",
    ] {
        assert_eq!(scored("it", line, heard, false), (0, 6), "{heard}");
    }
    assert_eq!(
        scored("it", line, "devo pagare 58 e 30 euro entro giovedì", true),
        (3, 6),
        "as written, the cents apart are three errors"
    );
    assert_eq!(
        scored(
            "en",
            "That's € 145.60 for two months.",
            "That's 145 euros 60 for 2 months",
            false
        ),
        (0, 7)
    );
}

#[test]
fn a_code_or_a_phone_number_spelt_out_is_one_word_and_a_wrong_figure_is_an_error() {
    let code = "Il codice è LU-3098847.";
    assert_eq!(
        scored("it", code, "Il codice è L-U, 3, 0, 9, 8, 8, 4, 7.", false),
        (0, 4)
    );
    assert_eq!(scored("it", code, "il codice è LU 3098847", false), (0, 4));
    assert_eq!(scored("it", code, "Il codice è LU 309847.", false), (1, 4));
    assert_eq!(
        scored("it", code, "Il cadice è l'EU 3098847.", false),
        (3, 4)
    );
    let phone = "Mi chiami al 333 904 1127. Grazie.";
    assert_eq!(
        scored("it", phone, "Mi chiami al 333-904-1127, grazie.", false),
        (0, 5)
    );
    assert_eq!(
        scored("it", phone, "mi chiami al 133 904 127 grazie", false),
        (1, 5)
    );
}

#[test]
fn numbers_in_words_are_their_figures_and_the_end_of_a_sentence_ends_a_code() {
    assert_eq!(
        scored(
            "it",
            "Quarantasei anni insieme, e tre figli.",
            "46 anni insieme e 3 figli",
            false
        ),
        (0, 6)
    );
    assert_eq!(
        scored(
            "it",
            "ER-2010-39540. E speriamo bene.",
            "ER 2, 0, 1, 0, 3, 9, 5, 4, 0. E speriamo bene.",
            false
        ),
        (0, 4)
    );
}

#[test]
fn a_date_heard_as_it_is_said_is_no_error() {
    assert_eq!(
        scored(
            "en",
            "It's 30/10/1981. € 9.90 a month.",
            "It's the 30th of October, 1981. Nine euros, 90 a month.",
            false
        ),
        (0, 11)
    );
}

#[test]
fn misheard_words_are_errors_as_ever() {
    assert_eq!(
        scored(
            "it",
            "Va bene, domani mattina c'è Paola.",
            "va bene, domani mattina ce paula",
            false
        ),
        (3, 7)
    );
}
