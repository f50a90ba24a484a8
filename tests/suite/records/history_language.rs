//! The terminal's own words follow the interface's language (`FRONTLINE_LANGUAGE`, else the
//! system's): an Italian trainee's `frontline history` is an Italian table, and `play` says in
//! Italian which call it recorded. The JSON stays the same in every language.

use super::harness::{EXAMPLE, path};
use crate::support::{frontline_in, stderr, stdout, temp_dir};

#[test]
fn an_italian_interface_lists_the_history_in_italian_words_and_formats() {
    let dir = temp_dir("history-italian");
    let played = frontline_in(
        "it",
        &[
            "play",
            EXAMPLE,
            "--auto",
            "expert",
            "--trainee",
            "Giulia",
            "--data-dir",
            path(&dir),
        ],
    );
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));
    assert!(
        stderr(&played).contains("registrata come chiamata 1 (frontline replay 1)"),
        "{}",
        stderr(&played)
    );

    let listed = frontline_in("it", &["history", "--data-dir", path(&dir)]);
    let text = stdout(&listed);
    let lines: Vec<&str> = text.lines().collect();
    for heading in [
        "FINE (UTC)",
        "ALLIEVO",
        "SCENARIO",
        "MODALITÀ",
        "ESITO",
        "RISULTATO",
    ] {
        assert!(
            lines[0].contains(heading),
            "no {heading:?} in {:?}",
            lines[0]
        );
    }
    assert!(lines[1].contains("Giulia"), "{text}");
    assert!(lines[1].contains("guidata"), "the mode in Italian: {text}");
    assert!(lines[1].contains("SUPERATA"), "{text}");
    assert_eq!(lines.last(), Some(&"1 chiamata"));

    let english = frontline_in("en", &["history", "--data-dir", path(&dir)]);
    let english = stdout(&english);
    assert!(
        english
            .lines()
            .next()
            .is_some_and(|l| l.contains("ENDED (UTC)"))
    );
    assert!(
        english.contains("PASSED") && english.ends_with("1 call\n"),
        "{english}"
    );

    let json = |language| {
        stdout(&frontline_in(
            language,
            &["history", "--format", "json", "--data-dir", path(&dir)],
        ))
    };
    assert_eq!(
        json("it"),
        json("en"),
        "the JSON is the same in every language"
    );
}
