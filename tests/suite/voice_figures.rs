//! The renderer reads a line's figures and codes the way a customer says them on the phone
//! (`scripts/voices-words.py`, which `scripts/voices-render.sh` runs on every line before
//! the speech engine): codes sign by sign, telephone numbers figure by figure, Italian
//! amounts and numbers in words.

use crate::support::project;

/// The words the renderer gives the speech engine for `line` in `language`.
fn said(language: &str, line: &str) -> String {
    let mut child = std::process::Command::new("python3")
        .arg(project("scripts/voices-words.py"))
        .arg(language)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs the renderer's speller");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(line.as_bytes())
        .expect("the line goes in");
    let out = child.wait_with_output().expect("it ends");
    assert!(out.status.success(), "{line}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn an_italian_customer_reads_an_account_code_letter_by_letter_and_figure_by_figure() {
    assert_eq!(
        said("it", "Il codice è LU-3098847. Sono Lucia."),
        "Il codice è elle u, tre zero nove otto otto quattro sette. Sono Lucia."
    );
    assert_eq!(
        said("it", "ER-2010-39540."),
        "e erre, due zero uno zero, tre nove cinque quattro zero."
    );
}

#[test]
fn a_tax_code_is_read_in_the_groups_it_is_written_in() {
    assert_eq!(
        said("it", "BLLMRC71C12F205K. La data"),
        "bi elle elle, emme erre ci, sette uno, ci, uno due, effe, due zero cinque, cappa. La data"
    );
}

#[test]
fn a_telephone_number_is_read_figure_by_figure_a_pause_between_groups() {
    assert_eq!(
        said("it", "333 904 1127! Gennaro"),
        "tre tre tre, nove zero quattro, uno uno due sette! Gennaro"
    );
    assert_eq!(
        said("it", "Il PIN: 4 8 1 9 0 2."),
        "Il PIN: quattro otto uno nove zero due."
    );
}

#[test]
fn italian_amounts_prices_years_and_thousands_are_said_in_words() {
    assert_eq!(
        said("it", "Devo pagare 624,30 euro entro il 19 gennaio 2023."),
        "Devo pagare seicentoventiquattro euro e trenta entro il diciannove gennaio duemilaventitré."
    );
    assert_eq!(
        said("it", "da 0,219 a 0,498 euro al kilowattora"),
        "da zero virgola duecentodiciannove a zero virgola quattrocentonovantotto euro al kilowattora"
    );
    assert_eq!(
        said("it", "16.200 kWh, 180 giorni, 1.000 euro"),
        "sedicimiladuecento kWh, centottanta giorni, mille euro"
    );
}

#[test]
fn an_english_customer_spells_codes_and_says_the_cents_after_the_euros() {
    assert_eq!(
        said("en", "It's BW-2207-391, and I owe 145.60 euros."),
        "It's bee doubleyou, two two zero seven, three nine one, and I owe 145 euros 60."
    );
}

#[test]
fn a_date_in_figures_is_said_as_a_date() {
    assert_eq!(
        said("en", "It's 30/10/1981. And 02/11/1949, 21/06/1985."),
        "It's the 30th of October 1981. And the 2nd of November 1949, the 21st of June 1985."
    );
    assert_eq!(
        said("it", "Sono nata il 01/03/1950."),
        "Sono nata il primo marzo millenovecentocinquanta."
    );
}

#[test]
fn a_language_without_a_speller_passes_through_unchanged() {
    assert_eq!(
        said("de", "Kunde BW-2207, 145,60 €"),
        "Kunde BW-2207, 145,60 €"
    );
}
