//! In an own-words call the reply being typed is a text field named by its heading, with the
//! focus; once answers are on show to take, the focus is on the one under the cursor.

use accesskit::Role;
use bevy::input::keyboard::Key;
use bevy::prelude::*;

use super::harness::*;

/// The reply field as the tree has it: its name, its words, and whether it has the focus.
fn field(app: &mut App) -> (String, Option<String>, bool) {
    let fields = with_role(&spoken(app), Role::TextInput);
    assert_eq!(fields.len(), 1, "{fields:#?}");
    let field = fields[0].clone();
    (field.name, field.value, focused(app) == Some(field.entity))
}

#[test]
fn the_reply_is_a_named_field_with_the_words_typed_and_the_focus_until_answers_are_shown() {
    let (mut app, _library) = own_words_call(7);
    skip_speech(&mut app);
    app.update();
    let heading = call_session(&app);
    let heading = frontline::words::Words::of(&heading.scenario().language).your_reply;
    assert_eq!(
        field(&mut app),
        (heading.to_owned(), Some(String::new()), true)
    );
    type_text(&mut app, "hello there");
    app.update();
    assert_eq!(
        field(&mut app),
        (heading.to_owned(), Some("hello there".to_owned()), true)
    );

    // Tab shows every answer to take: the cursor's answer has the focus.
    key(&mut app, KeyCode::Tab, Key::Tab);
    app.update();
    let answers = with_role(&spoken(&mut app), Role::ListBoxOption);
    assert_eq!(answers.len(), call_session(&app).offers().len());
    assert_eq!(answers[0].selected, Some(true));
    assert_eq!(focused(&app), Some(answers[0].entity));
    assert_eq!(field(&mut app).1.as_deref(), Some("hello there"));
}
