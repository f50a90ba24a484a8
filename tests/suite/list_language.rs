//! `frontline list` speaks the interface's language: an Italian trainee's table names the
//! difficulties and counts the scenarios in Italian; the JSON keeps its codes.

use serde_json::Value;

use crate::support::{frontline_in, stderr, stdout};

#[test]
fn an_italian_interface_lists_the_library_with_italian_difficulties_and_count() {
    let listed = frontline_in("it", &["list", "scenarios"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    let text = stdout(&listed);
    let english = frontline_in("en", &["list", "scenarios"]);
    let rows = text.lines().count();
    assert_eq!(rows, stdout(&english).lines().count(), "the same table");
    assert!(text.ends_with(&format!("{} scenari\n", rows - 1)), "{text}");
    let aggressive = text
        .lines()
        .find(|line| line.starts_with("cliente-aggressivo-it "))
        .expect("the angry customer's row");
    assert!(aggressive.contains(" avanzato "), "{aggressive}");
    for row in text.lines().take(rows - 1) {
        let difficulty = row.split_whitespace().nth(2).expect("a difficulty");
        assert!(
            ["principiante", "intermedio", "avanzato", "esperto"].contains(&difficulty),
            "{row}"
        );
    }
}

#[test]
fn the_json_list_is_the_same_in_every_language() {
    let json = |language| {
        let listed = frontline_in(language, &["list", "scenarios", "--format", "json"]);
        assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
        serde_json::from_str::<Value>(&stdout(&listed)).expect("JSON")
    };
    let italian = json("it");
    assert_eq!(italian, json("en"));
    assert!(
        italian
            .as_array()
            .expect("rows")
            .iter()
            .any(|row| row["difficulty"] == "Advanced"),
        "{italian}"
    );
}
