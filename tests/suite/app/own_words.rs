//! A call answered in the trainee's own words: each typed reply is taken to the answer the
//! core's matcher ranks first, the call goes on exactly as if that answer had been picked,
//! and the words stay with the decision on the debrief and in the records.

use bevy::input::keyboard::Key;
use bevy::prelude::*;
use frontline::app::{CurrentCall, Debrief, Replying, Screen, Trainee};
use frontline::engine::{Answer, Mode, Phase, Session, Stage, Taken, Typed};
use frontline::matcher::Showing;

use super::harness::*;
use crate::support::matcher;

/// The replies typed at the example's decisions on its expert path (seed 7), as a trainee
/// would type them: paraphrases, lower case, an abbreviation.
const REPLIES: [&str; 4] = [
    "I can hear you're worried, let's go through it together. What's your customer number?",
    "thanks mrs rossi, can u confirm ur date of birth",
    "I'll send you a breakdown of the bill showing the winter months and the new price",
    "i can offer 3 monthly instalments of 70,80 with no fees",
];

/// What the reply box shows now.
fn showing(app: &App) -> Showing {
    own(app).reply.showing()
}

fn own(app: &App) -> &frontline::app::OwnWords {
    app.world()
        .resource::<CurrentCall>()
        .own_words()
        .expect("an own-words call")
}

#[test]
fn replies_typed_in_own_words_play_the_call_the_matched_answers_would_and_stay_with_each_decision()
{
    let (mut app, _library) = own_words_call(7);
    let played = call_session(&app);
    let mut core = Session::new(played.prepared().clone(), 7, Mode::Coach);
    for reply in REPLIES {
        // The core's matcher on the same answers, as shown.
        let offers = core.offers();
        let ranking = matcher().rank_prepared(&matcher().prepare_offers(&offers), reply);
        let best = ranking.ranked[0];
        assert!(ranking.confident, "the matcher is sure of {reply:?}");
        core.answer_typed(
            Answer::Pick(offers[best.index].number),
            None,
            Some(Typed {
                words: reply.to_owned(),
                score: best.score,
                confident: true,
                taken: Taken::Understood,
            }),
        )
        .expect("the core takes the answer");

        assert!(texts(&mut app).iter().any(|t| t.starts_with("YOUR REPLY")));
        type_text(&mut app, reply);
        assert_eq!(showing(&app), Showing::Typing);
        assert!(
            texts(&mut app).contains(&format!("“{reply}▏”")),
            "the words typed are on screen as they are typed"
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(showing(&app), Showing::Understood, "{reply:?}");
        let shown = texts(&mut app);
        assert!(
            shown
                .iter()
                .any(|t| t.contains(&offers[best.index].text) && t.ends_with("%)")),
            "what it was understood as is shown with how sure: {shown:?}"
        );
        press(&mut app, KeyCode::Enter);
        skip_speech(&mut app);
    }
    // The wrap-up's disposition code is picked.
    assert!(matches!(core.phase(), Phase::WrapUp(_)));
    let code = core.expert_answer().expect("a wrap-up answer");
    core.answer(code).expect("the core takes the code");
    let Answer::Pick(n) = code else {
        panic!("a code is picked")
    };
    press(&mut app, digit(n));
    assert_eq!(core.phase(), Phase::Ended);
    skip_speech(&mut app);
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter opens the debrief", Screen::Debrief);
    app.update();

    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.session.transcript(), core.transcript());
    assert_eq!(
        debrief.result(),
        core.result().expect("the core call ended")
    );
    let typed: Vec<Option<&str>> = debrief
        .session
        .decisions()
        .iter()
        .map(|d| d.typed.as_ref().map(|t| t.words.as_str()))
        .collect();
    let expected: Vec<Option<&str>> = REPLIES.iter().map(|r| Some(*r)).chain([None]).collect();
    assert_eq!(typed, expected);
    assert_eq!(untimed(debrief.session.decisions()), core.decisions());

    let shown = texts(&mut app);
    for reply in REPLIES {
        assert!(
            shown.contains(&format!("You said: “{reply}”")),
            "the debrief shows the words typed: {shown:?}"
        );
    }
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("→ understood as (") && t.contains("% match): ")),
        "and the answer they were taken as, with how sure: {shown:?}"
    );

    let stored = stored(&app);
    let words: Vec<Option<String>> = stored[0]
        .call
        .decisions
        .iter()
        .map(|d| d.typed.as_ref().map(|t| t.words.clone()))
        .collect();
    assert_eq!(
        words,
        expected
            .iter()
            .map(|w| w.map(str::to_owned))
            .collect::<Vec<_>>(),
        "the records keep the words typed"
    );

    // Reopened from the progress screen, the debrief still shows the words typed.
    escape_to(&mut app, Screen::Library);
    press(&mut app, KeyCode::KeyP);
    step_until_on(&mut app, "P opens the progress screen", Screen::Progress);
    app.update();
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "Enter reopens the debrief", Screen::Debrief);
    app.update();
    let reopened = texts(&mut app);
    for reply in REPLIES {
        assert!(
            reopened.contains(&format!("You said: “{reply}”")),
            "{reopened:?}"
        );
    }
}

#[test]
fn a_reply_the_matcher_is_not_sure_of_offers_the_closest_answers_to_pick_from() {
    let (mut app, _library) = own_words_call(7);
    type_text(&mut app, "ok");
    press(&mut app, KeyCode::Enter);
    assert_eq!(showing(&app), Showing::Closest);
    let offers = call_session(&app).offers();
    let on_show = own(&app).reply.on_show(offers.len());
    assert!(
        (2..=3).contains(&on_show.len()),
        "two or three closest: {on_show:?}"
    );
    let (second, _) = on_show[1];
    type_text(&mut app, "2");
    let decision = call_session(&app).decisions()[0].clone();
    assert_eq!(
        decision.text, offers[second].text,
        "2 picks the second closest"
    );
    let typed = decision.typed.expect("the words are kept");
    assert_eq!((typed.words.as_str(), typed.taken), ("ok", Taken::Closest));
    assert!(!typed.confident);
}

#[test]
fn tab_shows_every_answer_and_typing_again_takes_the_reply_back_to_rephrase() {
    let (mut app, _library) = own_words_call(7);
    type_text(&mut app, "what is your customer number");
    press(&mut app, KeyCode::Enter);
    assert_ne!(showing(&app), Showing::Typing);
    assert!(app.world().resource::<CurrentCall>().flow().is_sent());

    type_text(&mut app, " please");
    assert_eq!(showing(&app), Showing::Typing, "typing again rephrases");
    assert!(
        !app.world().resource::<CurrentCall>().flow().is_sent(),
        "and the timer runs again"
    );
    assert_eq!(
        own(&app).reply.draft(),
        "what is your customer number please"
    );

    key(&mut app, KeyCode::Tab, Key::Tab);
    assert_eq!(showing(&app), Showing::All);
    let offers = call_session(&app).offers();
    assert_eq!(own(&app).reply.on_show(offers.len()).len(), offers.len());
    // ↓ then Enter picks the second answer as shown.
    key(&mut app, KeyCode::ArrowDown, Key::ArrowDown);
    press(&mut app, KeyCode::Enter);
    let decision = call_session(&app).decisions()[0].clone();
    assert_eq!(decision.text, offers[1].text);
    assert_eq!(
        decision.typed.map(|t| (t.words, t.taken)),
        Some((
            "what is your customer number please".to_owned(),
            Taken::Revealed
        ))
    );
}

#[test]
fn letters_and_digits_go_into_the_reply_and_only_escape_hangs_up() {
    let (mut app, _library) = own_words_call(7);
    type_text(&mut app, "h1 ");
    press(&mut app, KeyCode::KeyH);
    assert_eq!(own(&app).reply.draft(), "h1 ");
    assert!(call_session(&app).decisions().is_empty(), "no digit picked");
    press(&mut app, KeyCode::Escape);
    assert_eq!(stage(&app), Stage::Confirming);
}

#[test]
fn own_words_is_kept_for_the_next_start_of_the_app() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_recording_in(library.path(), records.path(), 7);
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::KeyO);
    app.update();
    drop(app);
    let app = app_recording_in(library.path(), records.path(), 7);
    assert_eq!(
        app.world().resource::<Trainee>().replying,
        Replying::OwnWords
    );
}

#[test]
fn without_the_matchers_model_the_library_says_why_and_the_answers_stay_printed() {
    let library = example_library();
    let records = tempfile::tempdir().expect("a temporary folder");
    // An assets folder with the fonts but no matcher model.
    let assets = tempfile::tempdir().expect("a temporary folder");
    let fonts = assets.path().join("fonts");
    std::fs::create_dir(&fonts).expect("a fonts folder");
    for font in std::fs::read_dir(crate::support::project("assets/fonts")).expect("fonts") {
        let font = font.expect("a font").path();
        std::fs::copy(&font, fonts.join(font.file_name().expect("a name"))).expect("copied");
    }
    let mut app = frontline::app::headless(frontline::app::Options {
        libraries: vec![library.path().to_path_buf()],
        assets: Some(assets.path().to_path_buf()),
        seed: Some(7),
        data_dir: Some(records.path().to_path_buf()),
    });
    app.update();
    step_until(&mut app, "the library loads", library_loaded);
    press(&mut app, KeyCode::KeyO);
    step_until(&mut app, "the load fails and the trainee is told", |w| {
        w.resource::<Trainee>().replying == Replying::Pick
    });
    app.update();
    let said = notice(&app);
    assert!(
        said.starts_with("Own words is not available (cannot read the matcher model ")
            && said.contains("use-m3-latin.bin")
            && said.ends_with("the answers stay printed."),
        "{said}"
    );
    press(&mut app, KeyCode::Enter);
    step_until_on(&mut app, "the call opens", Screen::Call);
    assert!(
        app.world().resource::<CurrentCall>().own_words().is_none(),
        "the call is played by picking"
    );
}
