//! A call as the trainee lives it, in time: the phone rings, the customer's lines come one by
//! one as if spoken, the offers wait under a running timer, a confirm stands between the
//! trainee and hanging up.
//!
//! [`CallFlow`] wraps a [`Session`] with everything that is not the scenario's rules: the
//! stage, the reveal pace, the decision's timer, the keyboard cursor. It is plain data driven
//! by plain calls (the app turns keys and frames into them), so a whole call can be played
//! and checked without a window.

use std::time::Duration;

use super::session::{Answer, Entry, Phase, Session, Typed};
use crate::scenario::{BuiltinCue, Cue};

/// Where the call stands for the trainee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The phone rings; nothing said yet.
    Ringing,
    /// Lines are still being spoken: the offers wait until they are all on screen.
    Speaking,
    /// The customer has spoken; the trainee chooses (a timer may run).
    Choosing,
    /// The call is over; the trainee answers wrap-up question `n` (0-based).
    WrapUp(usize),
    /// Everything is said: the debrief is next.
    Ended,
    /// The trainee asked to hang up and is asked whether to leave; the timer stops.
    Confirming,
    /// The trainee left the call.
    Left,
}

/// The running time limit of the decision on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Countdown {
    limit: Duration,
    run: Duration,
}

impl Countdown {
    fn is_over(&self) -> bool {
        self.run >= self.limit
    }

    /// The fraction of the time left, from 1 to 0.
    fn left(&self) -> f32 {
        if self.limit.is_zero() {
            return 0.0;
        }
        1.0 - (self.run.as_secs_f32() / self.limit.as_secs_f32()).min(1.0)
    }
}

/// A call in progress, with its pace, timer and cursor.
#[derive(Debug, Clone)]
pub struct CallFlow {
    session: Session,
    /// Whether the phone was picked up.
    answered: bool,
    /// Whether the trainee is being asked whether to leave.
    confirming: bool,
    /// Whether the trainee left.
    left: bool,
    /// Transcript entries on screen; the rest are still to be "spoken".
    shown: usize,
    /// Time before the next entry appears.
    until_next: Duration,
    /// Time the last line shown is still being said, once every line is on screen: the
    /// offers wait for it.
    heard: Duration,
    /// The keyboard cursor over the offers, 0-based.
    cursor: usize,
    /// The decision's time limit, once its offers are on screen.
    countdown: Option<Countdown>,
    /// The call's clock: the wall time that has passed since it started.
    clock: Duration,
    /// When the offers on screen appeared, on the call's clock.
    offered_at: Option<Duration>,
    /// When the trainee sent a reply typed in their own words, on the call's clock: the
    /// decision's time, and the timer stands while the reply is being understood.
    sent_at: Option<Duration>,
    /// How long sent replies stood waiting for the trainee this decision: the simulator's
    /// time, not the call's, so it does not count in the decision's time.
    stood: Duration,
}

/// How long an entry takes to appear: customer lines as if spoken, the rest at once.
fn reveal_delay(entry: &Entry) -> Duration {
    let seconds = match entry {
        Entry::Customer { text, .. } => (0.6 + text.chars().count() as f32 * 0.018).min(3.0),
        Entry::End { .. } | Entry::HungUp => 0.8,
        Entry::Feedback { .. } | Entry::RuleBroken { .. } => 0.3,
        _ => 0.0,
    };
    Duration::from_secs_f32(seconds)
}

/// The sound an entry plays as it appears: its scenario cue, or the busy tone of a hang-up.
fn cue_of(entry: &Entry) -> Option<Cue> {
    match entry {
        Entry::Customer { cue, .. } | Entry::Agent { cue, .. } | Entry::End { cue, .. } => {
            cue.clone()
        }
        Entry::HungUp => Some(Cue::Builtin(BuiltinCue::HangUp)),
        _ => None,
    }
}

impl CallFlow {
    /// A call whose phone is ringing.
    pub fn ringing(session: Session) -> CallFlow {
        CallFlow {
            session,
            answered: false,
            confirming: false,
            left: false,
            shown: 0,
            until_next: Duration::ZERO,
            heard: Duration::ZERO,
            cursor: 0,
            countdown: None,
            clock: Duration::ZERO,
            offered_at: None,
            sent_at: None,
            stood: Duration::ZERO,
        }
    }

    /// The session being played.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Where the call stands.
    pub fn stage(&self) -> Stage {
        if self.left {
            Stage::Left
        } else if !self.answered {
            Stage::Ringing
        } else if self.confirming {
            Stage::Confirming
        } else if self.shown < self.session.transcript().len() || !self.heard.is_zero() {
            Stage::Speaking
        } else {
            match self.session.phase() {
                Phase::Choosing => Stage::Choosing,
                Phase::WrapUp(n) => Stage::WrapUp(n),
                Phase::Ended => Stage::Ended,
            }
        }
    }

    /// Whether the offers are on screen to be picked (choosing or wrapping up).
    pub fn is_choosing(&self) -> bool {
        matches!(self.stage(), Stage::Choosing | Stage::WrapUp(_))
    }

    /// How many transcript entries are on screen.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// The offer under the keyboard cursor, 0-based.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Fraction of the decision's time left, when a timer runs.
    pub fn time_left(&self) -> Option<f32> {
        self.countdown.as_ref().map(Countdown::left)
    }

    /// Seconds of the decision's time left, when a timer runs (what a screen reader says).
    pub fn seconds_left(&self) -> Option<f32> {
        self.countdown
            .as_ref()
            .map(|c| c.limit.saturating_sub(c.run).as_secs_f32())
    }

    /// How long until the call changes by itself if the trainee does nothing: the next
    /// line's turn, the end of the line still being heard; zero while the offers come up or
    /// their timer drains (it moves all the time). `None` when only the trainee moves it on:
    /// ringing, asked whether to leave, offers with no time limit, ended. The app draws
    /// frames only when this is near, and otherwise sleeps until it comes.
    pub fn next_change(&self) -> Option<Duration> {
        match self.stage() {
            Stage::Ringing | Stage::Left | Stage::Confirming => None,
            Stage::Speaking if self.shown < self.session.transcript().len() => {
                Some(self.until_next)
            }
            Stage::Speaking => Some(self.heard),
            Stage::Choosing | Stage::WrapUp(_) | Stage::Ended => {
                let coming = self.offered_at.is_none() && self.session.phase() != Phase::Ended;
                (coming || self.countdown.is_some()).then_some(Duration::ZERO)
            }
        }
    }

    /// Picks up the ringing phone; `false` if it was not ringing.
    pub fn pick_up(&mut self) -> bool {
        if self.stage() != Stage::Ringing {
            return false;
        }
        self.answered = true;
        true
    }

    /// Shows every line still being spoken at once; gives the cues of the lines shown.
    pub fn skip(&mut self) -> Vec<Cue> {
        if self.stage() != Stage::Speaking {
            return Vec::new();
        }
        self.heard = Duration::ZERO;
        self.reveal(self.session.transcript().len())
    }

    /// The line just shown is heard for `length` (its voice file's): the next entry, or the
    /// offers and their timer, wait until it is said, so the transcript keeps in step with
    /// the voice ([`CallFlow::skip`] stops waiting).
    pub fn hold(&mut self, length: Duration) {
        if self.shown < self.session.transcript().len() {
            self.until_next = self.until_next.max(length);
        } else if self.session.phase() != Phase::Ended {
            self.heard = self.heard.max(length);
        }
    }

    /// Moves the cursor down an offer (it stops at the last).
    pub fn cursor_down(&mut self) {
        if self.is_choosing() {
            let last = self.session.offers().len().saturating_sub(1);
            self.cursor = (self.cursor + 1).min(last);
        }
    }

    /// Moves the cursor up an offer (it stops at the first).
    pub fn cursor_up(&mut self) {
        if self.is_choosing() {
            self.cursor = self.cursor.saturating_sub(1);
        }
    }

    /// Picks the offer with this number (1-based, as displayed), timed from when the offers
    /// appeared; `false` if there is no such offer on screen.
    pub fn pick(&mut self, number: usize) -> bool {
        if !self.is_choosing() {
            return false;
        }
        let elapsed = self
            .offered_at
            .map(|at| self.clock.saturating_sub(at).as_millis() as u64);
        self.take(Answer::Pick(number), elapsed, None)
    }

    /// The trainee sends a reply typed in their own words: the time to this moment is the
    /// decision's, and the timer stands while the reply is understood and confirmed.
    /// `false` unless the trainee is answering a decision of the call.
    pub fn send(&mut self) -> bool {
        if self.stage() != Stage::Choosing {
            return false;
        }
        self.sent_at = Some(self.clock);
        true
    }

    /// The trainee takes the sent reply back to rephrase it: the timer runs on.
    pub fn rephrase(&mut self) {
        if let Some(sent) = self.sent_at.take() {
            self.stood += self.clock.saturating_sub(sent);
        }
    }

    /// Whether a typed reply was sent and waits to be confirmed.
    pub fn is_sent(&self) -> bool {
        self.sent_at.is_some()
    }

    /// Takes the offer with this number as the meaning of the trainee's typed words, timed
    /// from when the offers appeared to when the reply was sent (to now if it was not),
    /// less the time earlier replies stood sent before being rephrased; `false` if there is
    /// no such offer on screen.
    pub fn pick_typed(&mut self, number: usize, typed: Typed) -> bool {
        if self.stage() != Stage::Choosing {
            return false;
        }
        let at = self.sent_at.unwrap_or(self.clock);
        let elapsed = self.offered_at.map(|offered| {
            at.saturating_sub(offered)
                .saturating_sub(self.stood)
                .as_millis() as u64
        });
        self.take(Answer::Pick(number), elapsed, Some(typed))
    }

    /// Asks to hang up: the trainee is asked to confirm; `false` if not on the line.
    pub fn hang_up(&mut self) -> bool {
        let on_the_line = matches!(
            self.stage(),
            Stage::Speaking | Stage::Choosing | Stage::WrapUp(_) | Stage::Ended
        );
        if on_the_line {
            self.confirming = true;
        }
        on_the_line
    }

    /// Stays on the call after asking to hang up.
    pub fn stay(&mut self) {
        self.confirming = false;
    }

    /// Leaves the call, while it rings or once leaving is confirmed: the session is
    /// abandoned. `false` (and nothing changes) at any other moment.
    pub fn leave(&mut self) -> bool {
        if !matches!(self.stage(), Stage::Ringing | Stage::Confirming) {
            return false;
        }
        self.session.abandon();
        self.confirming = false;
        self.left = true;
        true
    }

    /// Time passing on the wall clock: the next line appears when its turn comes, the offers'
    /// timer starts once they are on screen and drains `pace` times as fast as the wall clock
    /// (the confirm stops it); when it runs out, the trainee's silence is the answer, timed at
    /// the whole limit. Gives the cues of the lines that appeared.
    pub fn elapse(&mut self, wall: Duration, pace: f32) -> Vec<Cue> {
        self.clock += wall;
        if matches!(self.stage(), Stage::Ringing | Stage::Left) {
            return Vec::new();
        }
        if self.shown < self.session.transcript().len() {
            // The customer waits while the trainee is asked whether to leave.
            if self.confirming {
                return Vec::new();
            }
            self.until_next = self.until_next.saturating_sub(wall);
            if !self.until_next.is_zero() {
                return Vec::new();
            }
            let cues = self.reveal(self.shown + 1);
            self.until_next = self
                .session
                .transcript()
                .get(self.shown)
                .map_or(Duration::ZERO, reveal_delay);
            return cues;
        }
        if !self.heard.is_zero() {
            if !self.confirming {
                self.heard = self.heard.saturating_sub(wall);
            }
            return Vec::new();
        }
        if self.offered_at.is_none() && self.session.phase() != Phase::Ended {
            self.offered_at = Some(self.clock);
            self.countdown = self.session.time_limit().map(|seconds| Countdown {
                limit: Duration::from_secs(u64::from(seconds)),
                run: Duration::ZERO,
            });
        }
        if self.confirming || self.sent_at.is_some() {
            return Vec::new();
        }
        if let Some(countdown) = &mut self.countdown {
            countdown.run += wall.mul_f32(pace.max(0.0));
            if countdown.is_over() {
                // A silence lasts the whole limit, however the clock ran (or paused).
                let limit = countdown.limit.as_millis() as u64;
                self.take(Answer::Silence, Some(limit), None);
            }
        }
        Vec::new()
    }

    /// Shows the entries up to `to`; gives their cues.
    fn reveal(&mut self, to: usize) -> Vec<Cue> {
        let from = self.shown;
        self.shown = to;
        self.session.transcript()[from..to]
            .iter()
            .filter_map(cue_of)
            .collect()
    }

    /// Gives the session an answer; a new decision starts with a fresh cursor and timer.
    fn take(&mut self, answer: Answer, elapsed_ms: Option<u64>, typed: Option<Typed>) -> bool {
        let taken = self.session.answer_typed(answer, elapsed_ms, typed).is_ok();
        if taken {
            self.cursor = 0;
            self.countdown = None;
            self.offered_at = None;
            self.sent_at = None;
            self.stood = Duration::ZERO;
            self.until_next = Duration::ZERO;
            self.heard = Duration::ZERO;
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::{Mode, Prepared};
    use crate::scenario::{Outcome, parse_str};

    /// docs/example.ron, prepared (the engine's own tests read it without the library).
    fn example() -> Arc<Prepared> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron");
        let text = std::fs::read_to_string(&path).expect("docs/example.ron reads");
        let scenario = parse_str(&path, &text).expect("docs/example.ron parses");
        Prepared::new(scenario).expect("docs/example.ron is playable")
    }

    fn seconds(s: f32) -> Duration {
        Duration::from_secs_f32(s)
    }

    /// A ringing call of the example, in coach mode.
    fn ringing(seed: u64) -> CallFlow {
        CallFlow::ringing(Session::new(example(), seed, Mode::Coach))
    }

    /// Lets time pass a frame at a time until every line is on screen; gives the cues
    /// played and the time it took.
    fn listen(call: &mut CallFlow) -> (Vec<Cue>, Duration) {
        let frame = seconds(1.0 / 60.0);
        let (mut cues, mut took) = (Vec::new(), Duration::ZERO);
        while call.stage() == Stage::Speaking {
            cues.extend(call.elapse(frame, 1.0));
            took += frame;
            assert!(took < seconds(60.0), "the lines never finish");
        }
        // The next moment puts the offers (and their timer) on screen.
        call.elapse(Duration::ZERO, 1.0);
        (cues, took)
    }

    /// A call of the example at its timed decision (the second), the offers just on screen.
    fn at_the_timer(seed: u64) -> CallFlow {
        let mut call = ringing(seed);
        call.pick_up();
        call.skip();
        let n = expert_pick(&call);
        call.pick(n);
        listen(&mut call);
        assert_eq!(call.time_left(), Some(1.0), "the timer is on screen");
        call
    }

    /// The number the expert would pick now.
    fn expert_pick(call: &CallFlow) -> usize {
        match call.session().expert_answer() {
            Some(Answer::Pick(n)) => n,
            other => panic!("the expert picks here, not {other:?}"),
        }
    }

    #[test]
    fn the_call_says_when_it_next_changes_so_the_app_can_sleep_until_then() {
        let mut call = ringing(9);
        assert_eq!(
            call.next_change(),
            None,
            "a ringing phone waits for the trainee"
        );
        call.pick_up();
        assert_eq!(
            call.next_change(),
            Some(Duration::ZERO),
            "the first line comes at once"
        );
        call.elapse(seconds(0.016), 1.0);
        // Its voice lasts 5 s: nothing changes on screen until it has been said.
        call.hold(seconds(5.0));
        assert_eq!(call.next_change(), Some(seconds(5.0)));
        call.elapse(seconds(4.0), 1.0);
        assert_eq!(call.stage(), Stage::Speaking);
        assert_eq!(call.next_change(), Some(seconds(1.0)));
        call.elapse(seconds(1.0), 1.0);
        assert_eq!(call.stage(), Stage::Choosing);
        assert_eq!(
            call.next_change(),
            Some(Duration::ZERO),
            "the offers come up"
        );
        call.elapse(Duration::ZERO, 1.0);
        assert_eq!(
            call.next_change(),
            None,
            "offers with no timer wait for the trainee"
        );
        assert!(call.hang_up());
        assert_eq!(
            call.next_change(),
            None,
            "so does the question whether to leave"
        );
    }

    #[test]
    fn a_whole_call_rings_is_spoken_line_by_line_times_out_once_is_chosen_and_wrapped_up() {
        let mut call = ringing(9);
        let mut core = Session::new(example(), 9, Mode::Coach);
        assert_eq!(call.stage(), Stage::Ringing);
        assert!(
            call.elapse(seconds(30.0), 1.0).is_empty(),
            "nothing happens while it rings"
        );
        assert_eq!(call.shown(), 0);
        assert_eq!(
            call.next_change(),
            None,
            "a ringing phone waits for the trainee"
        );

        assert!(call.pick_up());
        assert!(!call.pick_up(), "a phone is picked up once");
        assert_eq!(call.stage(), Stage::Speaking);
        // The customer's first line comes on the next frame, with its sigh.
        assert_eq!(
            call.elapse(seconds(0.016), 1.0),
            [Cue::Builtin(BuiltinCue::Sigh)]
        );
        assert_eq!(call.shown(), 1);
        call.elapse(seconds(0.016), 1.0);
        assert_eq!(call.stage(), Stage::Choosing);
        assert_eq!(call.time_left(), None, "the opening has no timer");

        // The expert's first answer, picked with the cursor's help: it is taken in 2 s.
        let n = expert_pick(&call);
        for _ in 1..n {
            call.cursor_down();
        }
        assert_eq!(call.cursor(), n - 1);
        call.elapse(seconds(2.0), 1.0);
        assert!(!call.pick(9), "no ninth offer");
        assert!(call.pick(n));
        core.answer(Answer::Pick(n)).expect("the core takes it");
        assert_eq!(call.cursor(), 0, "a new decision starts at the first offer");
        assert_eq!(call.session().decisions()[0].elapsed_ms, Some(2_000));

        // The reply is spoken at the pace of its length: not at once.
        assert_eq!(call.stage(), Stage::Speaking);
        let (cues, took) = listen(&mut call);
        assert!(cues.is_empty(), "{cues:?}");
        assert!(took >= seconds(0.3), "{took:?}");
        assert_eq!(call.stage(), Stage::Choosing);

        // The 20 s timer, left alone, drains and answers silence at its whole limit.
        assert_eq!(call.time_left(), Some(1.0));
        assert_eq!(
            call.next_change(),
            Some(Duration::ZERO),
            "a draining timer moves"
        );
        call.elapse(seconds(10.0), 1.0);
        assert_eq!(call.time_left(), Some(0.5));
        assert_eq!(call.seconds_left(), Some(10.0));
        call.elapse(seconds(10.0), 1.0);
        core.answer(Answer::Silence)
            .expect("the core takes the silence");
        assert_eq!(call.session().decisions()[1].answer, Answer::Silence);
        assert_eq!(call.session().decisions()[1].elapsed_ms, Some(20_000));
        assert_eq!(call.time_left(), None);
        assert_eq!(call.seconds_left(), None);

        // Then the expert to the end: the call ends, the wrap-up is asked and answered.
        let mut wrapped = false;
        while call.session().phase() != Phase::Ended {
            listen(&mut call);
            wrapped |= matches!(call.stage(), Stage::WrapUp(0));
            let n = expert_pick(&call);
            core.answer(Answer::Pick(n)).expect("the core takes it");
            assert!(call.pick(n));
        }
        assert!(wrapped, "the wrap-up question was asked");
        listen(&mut call);
        assert_eq!(call.stage(), Stage::Ended);
        assert_eq!(call.next_change(), None);
        assert_eq!(call.session().transcript(), core.transcript());
        let result = call.session().result().expect("the call ended");
        assert_eq!(result.outcome, Outcome::Resolved);
        assert_eq!(result, core.result().expect("the core call ended"));
    }

    #[test]
    fn a_line_held_for_its_voice_keeps_the_offers_and_their_timer_back_until_it_is_said() {
        let mut call = ringing(9);
        call.pick_up();
        while call.shown() == 0 {
            call.elapse(seconds(0.1), 1.0);
        }
        call.hold(seconds(5.0));
        call.elapse(seconds(4.0), 1.0);
        assert_eq!(call.stage(), Stage::Speaking, "still saying it after 4 s");
        assert_eq!(call.time_left(), None, "no timer while the customer speaks");
        call.elapse(seconds(1.0), 1.0);
        call.elapse(Duration::ZERO, 1.0);
        assert_eq!(call.stage(), Stage::Choosing, "said after 5 s");

        let mut skipped = ringing(9);
        skipped.pick_up();
        skipped.skip();
        skipped.hold(seconds(5.0));
        assert_eq!(skipped.stage(), Stage::Speaking);
        skipped.skip();
        assert_eq!(
            skipped.stage(),
            Stage::Choosing,
            "Space stops waiting for the voice"
        );
    }

    #[test]
    fn skipping_shows_every_line_at_once_with_their_cues() {
        let mut call = ringing(9);
        call.pick_up();
        assert_eq!(call.skip(), [Cue::Builtin(BuiltinCue::Sigh)]);
        assert_eq!(call.shown(), call.session().transcript().len());
        assert_eq!(call.stage(), Stage::Choosing);
        assert!(call.skip().is_empty(), "nothing left to skip");
    }

    #[test]
    fn hanging_up_asks_first_stops_the_timer_and_staying_goes_on_where_the_call_was() {
        let mut call = at_the_timer(9);
        call.elapse(seconds(5.0), 1.0);
        assert_eq!(call.time_left(), Some(0.75));

        assert!(call.hang_up());
        assert_eq!(call.stage(), Stage::Confirming);
        assert!(!call.pick(1), "no answer while asked whether to leave");
        call.elapse(seconds(60.0), 1.0);
        assert_eq!(
            call.time_left(),
            Some(0.75),
            "the timer waits for the answer"
        );
        assert_eq!(call.session().decisions().len(), 1);

        call.stay();
        assert_eq!(call.stage(), Stage::Choosing);
        call.elapse(seconds(5.0), 1.0);
        assert_eq!(call.time_left(), Some(0.5));
        assert!(!call.session().is_abandoned());

        call.hang_up();
        assert!(call.leave());
        assert_eq!(call.stage(), Stage::Left);
        assert!(call.session().is_abandoned());
        assert_eq!(call.session().transcript().last(), Some(&Entry::Abandoned));
    }

    #[test]
    fn the_call_can_be_left_while_it_rings_but_not_without_a_confirm_once_answered() {
        let mut call = ringing(1);
        assert!(!call.hang_up(), "no line to hang up yet");
        assert!(call.leave());
        assert!(call.session().is_abandoned());
        assert!(call.session().decisions().is_empty());

        let mut call = ringing(1);
        call.pick_up();
        assert!(!call.leave(), "leaving an answered call needs the confirm");
        assert!(!call.session().is_abandoned());
    }

    #[test]
    fn the_timer_runs_while_a_reply_is_typed_stands_once_it_is_sent_and_times_the_decision_to_the_send()
     {
        let mut call = at_the_timer(9);
        // Typing takes five seconds of the twenty: the timer runs.
        call.elapse(seconds(5.0), 1.0);
        assert_eq!(call.time_left(), Some(0.75));
        assert!(call.send());
        assert!(call.is_sent());
        // Understanding and confirming take no time of the call.
        call.elapse(seconds(60.0), 1.0);
        assert_eq!(call.time_left(), Some(0.75), "the timer stands once sent");
        assert_eq!(call.session().decisions().len(), 1, "no silence");
        // Rephrasing: the timer runs again.
        call.rephrase();
        call.elapse(seconds(5.0), 1.0);
        assert_eq!(call.time_left(), Some(0.5));
        assert!(call.send());
        call.elapse(seconds(3.0), 1.0);
        let n = expert_pick(&call);
        let typed = Typed {
            words: "and your date of birth?".to_owned(),
            score: 0.8,
            confident: true,
            taken: crate::engine::Taken::Understood,
        };
        assert!(call.pick_typed(n, typed.clone()));
        let decision = &call.session().decisions()[1];
        assert_eq!(
            (decision.elapsed_ms, decision.typed.as_ref()),
            (Some(10_000), Some(&typed)),
            "the decision took the time to the last send, and keeps the words"
        );
        assert!(!call.is_sent(), "the next decision starts unsent");
    }

    #[test]
    fn a_faster_pace_drains_the_timer_faster_but_the_silence_still_lasts_the_whole_limit() {
        let mut call = at_the_timer(9);
        call.elapse(seconds(1.0), 20.0);
        let silence = &call.session().decisions()[1];
        assert_eq!(
            (silence.answer, silence.elapsed_ms),
            (Answer::Silence, Some(20_000))
        );
    }

    #[test]
    fn the_cursor_stays_within_the_offers() {
        let mut call = ringing(9);
        call.pick_up();
        call.cursor_down();
        assert_eq!(call.cursor(), 0, "no offers while the customer speaks");
        call.skip();
        let offers = call.session().offers().len();
        for _ in 0..offers + 2 {
            call.cursor_down();
        }
        assert_eq!(call.cursor(), offers - 1);
        for _ in 0..offers + 2 {
            call.cursor_up();
        }
        assert_eq!(call.cursor(), 0);
    }
}
