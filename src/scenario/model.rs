//! The scenario as trainers write it: plain serde types, one per idea of the format.
//!
//! Every struct denies unknown fields so a typo is an error, never a silently
//! ignored line. Defaults cover the common case so a file stays short.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::cue::Cue;
use super::ordered::OrderedMap;
use super::variants::Values;

/// A whole scenario: one RON file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier, unique in a library (`bill-tears-en`).
    pub id: String,
    /// Title shown on the library card.
    pub title: String,
    /// Language of the call as a BCP 47 tag (`en`, `it`).
    pub language: String,
    /// How hard the call is.
    #[serde(default)]
    pub difficulty: Difficulty,
    /// Free tags used to filter the library.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Estimated minutes to play.
    #[serde(default = "default_minutes")]
    pub minutes: u32,
    /// One or two sentences describing the call.
    #[serde(default)]
    pub summary: String,
    /// What the trainee should learn.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Who wrote it.
    #[serde(default)]
    pub author: String,
    /// The scenario's own version, recorded with every call.
    #[serde(default = "default_version")]
    pub version: String,
    /// Overall percentage needed to pass.
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    /// Weight of each dimension in the overall score.
    #[serde(default)]
    pub weights: Weights,
    /// Whether the order of the choices is shuffled by the session seed.
    #[serde(default = "default_true")]
    pub shuffle_choices: bool,
    /// Who is calling.
    pub customer: Customer,
    /// Facts shown on the account card, in order: label and value.
    #[serde(default)]
    pub account: Vec<(String, String)>,
    /// Hang-up and compliance rules.
    #[serde(default)]
    pub rules: Rules,
    /// The node the call starts at; the first node when omitted.
    #[serde(default)]
    pub start: Option<String>,
    /// The moments of the call where the customer speaks and the agent chooses.
    pub nodes: OrderedMap<Node>,
    /// The ways the call can end.
    pub endings: OrderedMap<Ending>,
    /// Questions the agent answers after the call (disposition code, note).
    #[serde(default)]
    pub wrap_up: Vec<WrapUpQuestion>,
    /// Named sets of values for the `{placeholders}` of the texts: the seed draws one, so
    /// amounts, dates and names change from one attempt to the next.
    #[serde(default)]
    pub variants: OrderedMap<Values>,
}

fn default_minutes() -> u32 {
    5
}
fn default_version() -> String {
    "1".to_owned()
}
fn default_pass_mark() -> u8 {
    70
}
fn default_true() -> bool {
    true
}

/// How hard a call is, for the library's filter and the trainee's choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Difficulty {
    /// First calls of onboarding.
    #[default]
    Beginner,
    /// Needs the basics already in place.
    Intermediate,
    /// For confident agents.
    Advanced,
    /// Several hard things at once, for experienced agents.
    Expert,
}

impl Difficulty {
    /// The name as written in a scenario file.
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Beginner => "Beginner",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
            Difficulty::Expert => "Expert",
        }
    }
}

/// Weight of each dimension in the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    /// Weight of empathy.
    pub empathy: u32,
    /// Weight of accuracy.
    pub accuracy: u32,
    /// Weight of resolution.
    pub resolution: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            empathy: 1,
            accuracy: 1,
            resolution: 1,
        }
    }
}

/// The caller.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The customer's name as on the account.
    pub name: String,
    /// A line describing who they are and how they feel.
    #[serde(default)]
    pub persona: String,
    /// The emotional state at the start of the call.
    #[serde(default)]
    pub mood: Mood,
    /// The voice the customer's lines are rendered in: a voice's name (`it-male`), or
    /// `male` / `female` for that voice of the call's language; female when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
}

/// The customer's emotional state: four levels from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Mood {
    /// Sadness, fear, being overwhelmed.
    pub distress: u8,
    /// Irritation up to rage.
    pub anger: u8,
    /// Confidence that the agent will help.
    pub trust: u8,
    /// How much longer they will stay on the line; at the hang-up threshold they leave.
    pub patience: u8,
}

impl Default for Mood {
    fn default() -> Self {
        Mood {
            distress: 20,
            anger: 20,
            trust: 50,
            patience: 80,
        }
    }
}

/// One of the four levels of a [`Mood`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feeling {
    /// See [`Mood::distress`].
    Distress,
    /// See [`Mood::anger`].
    Anger,
    /// See [`Mood::trust`].
    Trust,
    /// See [`Mood::patience`].
    Patience,
}

impl Feeling {
    /// All four, in display order.
    pub const ALL: [Feeling; 4] = [
        Feeling::Distress,
        Feeling::Anger,
        Feeling::Trust,
        Feeling::Patience,
    ];

    /// The lowercase name used in files and output.
    pub fn name(self) -> &'static str {
        match self {
            Feeling::Distress => "distress",
            Feeling::Anger => "anger",
            Feeling::Trust => "trust",
            Feeling::Patience => "patience",
        }
    }
}

impl Mood {
    /// The level of one feeling.
    pub fn get(&self, feeling: Feeling) -> u8 {
        match feeling {
            Feeling::Distress => self.distress,
            Feeling::Anger => self.anger,
            Feeling::Trust => self.trust,
            Feeling::Patience => self.patience,
        }
    }

    /// The mood after a shift, every level kept within 0..=100.
    pub fn shifted(&self, shift: &MoodShift) -> Mood {
        let apply = |level: u8, delta: i16| (i16::from(level) + delta).clamp(0, 100) as u8;
        Mood {
            distress: apply(self.distress, shift.distress),
            anger: apply(self.anger, shift.anger),
            trust: apply(self.trust, shift.trust),
            patience: apply(self.patience, shift.patience),
        }
    }
}

/// A change of the customer's emotional state, in points (may be negative).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MoodShift {
    /// Change of distress.
    pub distress: i16,
    /// Change of anger.
    pub anger: i16,
    /// Change of trust.
    pub trust: i16,
    /// Change of patience.
    pub patience: i16,
}

impl MoodShift {
    /// Whether the shift changes nothing.
    pub fn is_zero(&self) -> bool {
        *self == MoodShift::default()
    }
}

/// Levels of some feelings, used as thresholds in a [`Condition`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MoodLevels {
    /// Threshold for distress.
    pub distress: Option<u8>,
    /// Threshold for anger.
    pub anger: Option<u8>,
    /// Threshold for trust.
    pub trust: Option<u8>,
    /// Threshold for patience.
    pub patience: Option<u8>,
}

impl MoodLevels {
    /// The thresholds that are set, with their feeling.
    pub fn iter(&self) -> impl Iterator<Item = (Feeling, u8)> + '_ {
        Feeling::ALL
            .into_iter()
            .zip([self.distress, self.anger, self.trust, self.patience])
            .filter_map(|(feeling, level)| level.map(|level| (feeling, level)))
    }
}

/// When something applies: every part given must hold; an empty condition always holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Condition {
    /// Flags that must all be set.
    pub flags: Vec<String>,
    /// Flags that must all be unset.
    pub not_flags: Vec<String>,
    /// Feelings that must be at least these levels.
    pub at_least: MoodLevels,
    /// Feelings that must be below these levels.
    pub below: MoodLevels,
    /// Endings of which one must have been reached (wrap-up questions only).
    pub endings: Vec<String>,
}

/// Points earned in the three scored dimensions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Points {
    /// Acknowledging the emotion, tone, patience, no blame.
    pub empathy: i32,
    /// Correct facts, policy, figures, verification, wrap-up.
    pub accuracy: i32,
    /// Solving the problem or escalating rightly, no doubt left open.
    pub resolution: i32,
}

impl Points {
    /// The sum of two sets of points.
    pub fn plus(self, other: Points) -> Points {
        Points {
            empathy: self.empathy + other.empathy,
            accuracy: self.accuracy + other.accuracy,
            resolution: self.resolution + other.resolution,
        }
    }

    /// The points weighted and summed into one number.
    pub fn weighted(self, weights: &Weights) -> i64 {
        i64::from(self.empathy) * i64::from(weights.empathy)
            + i64::from(self.accuracy) * i64::from(weights.accuracy)
            + i64::from(self.resolution) * i64::from(weights.resolution)
    }

    /// The points of one dimension.
    pub fn get(&self, dimension: Dimension) -> i32 {
        match dimension {
            Dimension::Empathy => self.empathy,
            Dimension::Accuracy => self.accuracy,
            Dimension::Resolution => self.resolution,
        }
    }
}

/// One of the three scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// See [`Points::empathy`].
    Empathy,
    /// See [`Points::accuracy`].
    Accuracy,
    /// See [`Points::resolution`].
    Resolution,
}

impl Dimension {
    /// All three, in display order.
    pub const ALL: [Dimension; 3] = [
        Dimension::Empathy,
        Dimension::Accuracy,
        Dimension::Resolution,
    ];

    /// The lowercase name used in files and output.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Empathy => "empathy",
            Dimension::Accuracy => "accuracy",
            Dimension::Resolution => "resolution",
        }
    }
}

/// Rules of the call that are not choices.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// When the customer hangs up; never when omitted.
    pub hang_up: Option<HangUp>,
    /// Rules whose breach fails the call whatever the points.
    pub compliance: Vec<ComplianceRule>,
}

/// The customer leaves when patience falls below a level.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HangUp {
    /// Patience below which the customer hangs up.
    #[serde(default = "default_hang_up_below")]
    pub patience_below: u8,
    /// The ending the call goes to.
    pub ending: String,
}

fn default_hang_up_below() -> u8 {
    1
}

/// A rule that fails the call when broken.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceRule {
    /// Identifier that choices name in `breaks`.
    pub id: String,
    /// The rule in plain words, shown in the debrief.
    pub text: String,
    /// Flags that make a breaking choice acceptable (e.g. `verified`).
    #[serde(default)]
    pub unless: Vec<String>,
}

/// A moment of the call: the customer speaks, the agent chooses.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// What the customer says: one variant is picked with the session seed.
    #[serde(default)]
    pub say: Vec<String>,
    /// Variants for particular states: the first whose condition holds replaces `say`.
    #[serde(default)]
    pub say_if: Vec<SayIf>,
    /// A sound played with the line: built in, or a file in the library or `assets/`.
    #[serde(default)]
    pub cue: Option<Cue>,
    /// A time limit on the decision and what silence does.
    #[serde(default)]
    pub timer: Option<Timer>,
    /// What the agent can answer or do.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// An actor's recordings of this node's lines, heard instead of the rendered voice: the
    /// line exactly as written (in `say` or a `say_if`) → an Ogg Vorbis file, relative to
    /// the scenario's folder.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub recordings: BTreeMap<String, String>,
}

/// Line variants used when a condition holds.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SayIf {
    /// When these variants apply.
    pub when: Condition,
    /// The variants; one is picked with the session seed.
    pub say: Vec<String>,
}

/// A time limit on a decision.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// Seconds the trainee has to choose.
    pub seconds: u32,
    /// What silence does: a choice the trainee did not pick.
    pub silence: Choice,
}

/// An answer or action of the agent.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the agent says or does.
    #[serde(default)]
    pub text: String,
    /// Other ways a trainee might say it, for the own-words matcher (optional: it matches
    /// the text without them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// Whether this is an action (offer a plan, escalate, hold) rather than words.
    #[serde(default)]
    pub action: bool,
    /// When the choice is offered; always when omitted.
    #[serde(default)]
    pub when: Condition,
    /// Points earned.
    #[serde(default)]
    pub points: Points,
    /// How the customer's emotional state changes.
    #[serde(default)]
    pub mood: MoodShift,
    /// Flags set by this choice.
    #[serde(default)]
    pub sets: Vec<String>,
    /// Flags cleared by this choice.
    #[serde(default)]
    pub clears: Vec<String>,
    /// Compliance rules this choice breaks (unless their `unless` flags are set).
    #[serde(default)]
    pub breaks: Vec<String>,
    /// Why this choice is good or bad, shown to the trainee.
    #[serde(default)]
    pub feedback: String,
    /// A sound played when chosen (hold music, typing).
    #[serde(default)]
    pub cue: Option<Cue>,
    /// The node or ending the call goes to.
    pub next: String,
}

/// A way the call can end.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// What happened.
    pub outcome: Outcome,
    /// The customer's last words or what happens.
    #[serde(default)]
    pub say: String,
    /// A sentence for the debrief explaining this ending.
    #[serde(default)]
    pub summary: String,
    /// Points earned by reaching it (usually resolution).
    #[serde(default)]
    pub points: Points,
    /// A sound played at the end (hang-up tone).
    #[serde(default)]
    pub cue: Option<Cue>,
    /// Closing lines for particular calls: the first whose condition holds replaces `say`
    /// (and `summary`, when it gives one).
    #[serde(default)]
    pub say_if: Vec<EndingIf>,
    /// An actor's recordings of the closing lines, as for a node's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub recordings: BTreeMap<String, String>,
}

/// A closing line used when a condition holds, so that the end tells what happened.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EndingIf {
    /// When this line applies.
    pub when: Condition,
    /// The customer's last words or what happens.
    pub say: String,
    /// The debrief's sentence for this ending, when it differs.
    #[serde(default)]
    pub summary: Option<String>,
}

/// The outcome of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Outcome {
    /// The customer's problem was solved and every doubt cleared.
    Resolved,
    /// Passed to the right team or a supervisor.
    Escalated,
    /// A callback was agreed.
    CallbackScheduled,
    /// The customer hung up.
    HungUp,
    /// The customer cancelled their contract.
    Cancelled,
    /// The customer decided to stay.
    Retained,
    /// The call ended with the problem open.
    Unresolved,
    /// The agent ended the call (e.g. after abuse, following policy).
    EndedByAgent,
    /// The trainee left the call before an ending (not written in files).
    #[serde(skip_deserializing)]
    Abandoned,
}

impl Outcome {
    /// Every outcome, in declaration order.
    pub const ALL: [Outcome; 9] = [
        Outcome::Resolved,
        Outcome::Escalated,
        Outcome::CallbackScheduled,
        Outcome::HungUp,
        Outcome::Cancelled,
        Outcome::Retained,
        Outcome::Unresolved,
        Outcome::EndedByAgent,
        Outcome::Abandoned,
    ];

    /// The name as written in a scenario file.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Resolved => "Resolved",
            Outcome::Escalated => "Escalated",
            Outcome::CallbackScheduled => "CallbackScheduled",
            Outcome::HungUp => "HungUp",
            Outcome::Cancelled => "Cancelled",
            Outcome::Retained => "Retained",
            Outcome::Unresolved => "Unresolved",
            Outcome::EndedByAgent => "EndedByAgent",
            Outcome::Abandoned => "Abandoned",
        }
    }
}

/// An outcome's name ([`Outcome::name`]) that is none of [`Outcome::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an outcome this Frontline knows")]
pub struct UnknownOutcome(pub String);

impl std::str::FromStr for Outcome {
    type Err = UnknownOutcome;

    /// The outcome of a name as [`Outcome::name`] writes it (`CallbackScheduled`).
    fn from_str(name: &str) -> Result<Outcome, UnknownOutcome> {
        Outcome::ALL
            .into_iter()
            .find(|outcome| outcome.name() == name)
            .ok_or_else(|| UnknownOutcome(name.to_owned()))
    }
}

/// A question answered after the call, scored (usually for accuracy).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WrapUpQuestion {
    /// The question (`Disposition code`, `Note for the back office`).
    pub ask: String,
    /// Points earned by a correct answer.
    #[serde(default = "default_wrap_up_points")]
    pub points: Points,
    /// The answers offered.
    pub options: Vec<WrapUpOption>,
}

fn default_wrap_up_points() -> Points {
    Points {
        empathy: 0,
        accuracy: 2,
        resolution: 0,
    }
}

/// One answer of a wrap-up question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WrapUpOption {
    /// The code or note.
    pub text: String,
    /// When this answer is correct; never when omitted, always when `()`.
    #[serde(default)]
    pub correct_if: Option<Condition>,
    /// Why it is right or wrong.
    #[serde(default)]
    pub feedback: String,
}

impl Scenario {
    /// The id of the node the call starts at.
    pub fn start_node(&self) -> Option<&str> {
        self.start
            .as_deref()
            .or_else(|| self.nodes.iter().next().map(|(id, _)| id.as_str()))
    }

    /// Every sound the scenario refers to, with where.
    pub fn cues(&self) -> Vec<(String, &Cue)> {
        let mut cues = Vec::new();
        for (id, node) in self.nodes.iter() {
            if let Some(cue) = &node.cue {
                cues.push((format!("nodes[{id:?}].cue"), cue));
            }
            for (i, choice) in node.choices.iter().enumerate() {
                if let Some(cue) = &choice.cue {
                    cues.push((format!("nodes[{id:?}].choices[{i}].cue"), cue));
                }
            }
            if let Some(cue) = node.timer.as_ref().and_then(|t| t.silence.cue.as_ref()) {
                cues.push((format!("nodes[{id:?}].timer.silence.cue"), cue));
            }
        }
        for (id, ending) in self.endings.iter() {
            if let Some(cue) = &ending.cue {
                cues.push((format!("endings[{id:?}].cue"), cue));
            }
        }
        cues
    }

    /// The actor's recording of a line, as written in the `recordings` of the node or ending
    /// that says it (the line as written, stage directions and all).
    pub fn recording(&self, line: &str) -> Option<&str> {
        let nodes = self.nodes.iter().map(|(_, node)| &node.recordings);
        let endings = self.endings.iter().map(|(_, ending)| &ending.recordings);
        nodes
            .chain(endings)
            .find_map(|recordings| recordings.get(line))
            .map(String::as_str)
    }

    /// Every flag some choice sets, with the number of choices setting it.
    pub fn flags_set(&self) -> BTreeMap<&str, usize> {
        let mut set = BTreeMap::new();
        for (_, node) in self.nodes.iter() {
            for choice in node
                .choices
                .iter()
                .chain(node.timer.as_ref().map(|t| &t.silence))
            {
                for flag in &choice.sets {
                    *set.entry(flag.as_str()).or_default() += 1;
                }
            }
        }
        set
    }
}
