//! A loop whose rounds lose (or gain) points has no lowest (or highest) score: the
//! analysis says so instead of the total a few rounds of relaxation happened to reach.

use std::path::Path;

use frontline::engine::{Answer, Mode, Session};
use frontline::library::load_bytes;
use frontline::scenario::{AssetRoots, Points};

use crate::support::{frontline, stdout, temp_dir};

/// A question asked again each time the timer runs out, a point of empathy lost each time.
const REPEATED: &str = r#"Scenario(
    id: "repeated-question",
    title: "Repeated question",
    language: "en",
    shuffle_choices: false,
    customer: (name: "Ada"),
    nodes: {
        "ask": (
            say: ["Are you still there?"],
            timer: (seconds: 10, silence: (points: (empathy: -1), feedback: "Say something.", next: "ask")),
            choices: [
                (text: "Yes, I'm here. Let's sort it out.", points: (empathy: 2, resolution: 1), feedback: "Good.", next: "done"),
            ],
        ),
    },
    endings: {
        "done": (outcome: Resolved, say: "Thanks."),
    },
)"#;

#[test]
fn a_silence_that_loses_points_each_time_round_leaves_no_lowest_score_however_often_it_is_let_run_out()
 {
    let entry = load_bytes(
        Path::new("repeated.ron"),
        REPEATED.as_bytes(),
        &AssetRoots::default(),
    );
    let prepared = entry.prepared.expect("the call plays");
    let analysis = &prepared.analysis;
    assert_eq!(
        (analysis.min_points(), analysis.max_points()),
        (
            Points {
                empathy: i32::MIN,
                accuracy: 0,
                resolution: 1
            },
            Points {
                empathy: 2,
                accuracy: 0,
                resolution: 1
            }
        )
    );
    assert_eq!(analysis.worst_weighted(), i64::MIN);
    let mut session = Session::new(prepared.clone(), 0, Mode::Coach);
    for _ in 0..70 {
        session
            .answer(Answer::Silence)
            .expect("the timer may run out");
    }
    session
        .answer(Answer::Pick(1))
        .expect("the answer is offered");
    let result = session.result().expect("the call ended");
    assert_eq!(result.ending.as_deref(), Some("done"));
    assert_eq!(
        result.points,
        Points {
            empathy: -68,
            accuracy: 0,
            resolution: 1
        }
    );
}

#[test]
fn analyze_shows_a_bound_a_loop_leaves_open_as_infinite_in_text_and_null_in_json() {
    let dir = temp_dir("loop-bounds");
    let path = dir.join("repeated.ron");
    std::fs::write(&path, REPEATED).expect("the call is written");
    let path = path.to_str().expect("a UTF-8 path");
    let text = stdout(&frontline(&["analyze", path]));
    assert!(
        text.contains("points      min   max\n  empathy     -∞     2\n  accuracy     0     0\n  resolution   1     1\n  weighted    -∞     3\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&frontline(&["analyze", path, "--format", "json"])))
            .expect("analyze writes JSON");
    assert_eq!(
        (&json["dimensions"]["empathy"], &json["weighted"]),
        (
            &serde_json::json!({"min": null, "max": 2}),
            &serde_json::json!({"min": null, "max": 3})
        )
    );
}
