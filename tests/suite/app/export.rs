//! Exporting from the debrief: the call as CSV and xAPI beside the records.

use bevy::prelude::*;
use frontline::app::Screen;
use frontline::engine::Session;

use super::harness::*;

#[test]
fn e_on_the_debrief_exports_its_call_as_csv_and_xapi_beside_the_records() {
    let (mut app, core) = play_by_keys(example_library(), 7, Session::expert_answer, drop);
    assert!(
        texts(&mut app).iter().any(|t| t == "Export (E)"),
        "the debrief offers it"
    );
    press(&mut app, KeyCode::KeyE);
    app.update();
    let record = stored(&app).remove(0);
    let folder = records_folder(&app)
        .join("exports")
        .join(format!("call-{}-example-late-bill", record.id));
    assert_eq!(
        notice(&app),
        format!(
            "Exported to {}: calls.csv and decisions.csv (open them in a spreadsheet) and xapi.json (for a learning record store).",
            folder.display()
        )
    );
    let read = |file: &str| std::fs::read_to_string(folder.join(file)).expect("exported");
    let calls = read("calls.csv");
    assert_eq!(calls.lines().count(), 2, "a header and the call: {calls}");
    assert!(calls.contains(&record.call.uid));
    let decisions = read("decisions.csv");
    assert_eq!(decisions.lines().count(), 1 + core.decisions().len());
    let statements: serde_json::Value = serde_json::from_str(&read("xapi.json")).expect("JSON");
    assert_eq!(
        statements.as_array().map(Vec::len),
        Some(core.decisions().len() + 1),
        "one statement per decision and one for the call"
    );
    escape_to(&mut app, Screen::Library);
    assert_eq!(notice(&app), "", "the note was the debrief's");
}
