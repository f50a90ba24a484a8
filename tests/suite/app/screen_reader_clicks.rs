//! A screen reader's click on a button or an answer does what the mouse's does.

use frontline::app::{Request, Screen};
use frontline::engine::{Answer, Stage};

use super::harness::*;

#[test]
fn clicking_for_the_screen_reader_opens_a_screen_and_picks_an_answer() {
    let mut app = app_on(example_library().path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    app.update();
    let progress = widget_sending(&mut app, &Request::Progress);
    click_for_screen_reader(&mut app, progress);
    step_until_on(
        &mut app,
        "the click opens the progress screen",
        Screen::Progress,
    );
    escape_to(&mut app, Screen::Library);

    answer_the_first_call(&mut app);
    skip_speech(&mut app);
    app.update();
    assert_eq!(stage(&app), Stage::Choosing);
    let second = widget_sending(&mut app, &Request::Pick(2));
    click_for_screen_reader(&mut app, second);
    app.update();
    let decisions = call_session(&app).decisions().to_vec();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].answer, Answer::Pick(2));
}
