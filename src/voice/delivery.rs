//! How a line is delivered: the customer's mood at the moment they speak, heard in the voice.

use serde::Serialize;

use crate::scenario::Mood;

/// Level of distress or anger from which the voice carries it.
pub const STRONG: u8 = 60;

/// The way a line is spoken, from the mood at that moment ([`Delivery::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    /// Plain speech.
    Calm,
    /// Tears: slower, lower, broken by pauses.
    Distressed,
    /// Anger: faster and higher.
    Angry,
}

impl Delivery {
    /// Every delivery, in order.
    pub const ALL: [Delivery; 3] = [Delivery::Calm, Delivery::Distressed, Delivery::Angry];

    /// The one rule of how a mood sounds: anger at [`STRONG`] or more, and at least as strong
    /// as the distress, is angry; else distress at [`STRONG`] or more is distressed; else calm.
    pub fn of(mood: &Mood) -> Delivery {
        if mood.anger >= STRONG && mood.anger >= mood.distress {
            Delivery::Angry
        } else if mood.distress >= STRONG {
            Delivery::Distressed
        } else {
            Delivery::Calm
        }
    }

    /// The lowercase name, as in `frontline voice --format json` and the renderer's arguments.
    pub fn name(self) -> &'static str {
        match self {
            Delivery::Calm => "calm",
            Delivery::Distressed => "distressed",
            Delivery::Angry => "angry",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mood(distress: u8, anger: u8) -> Mood {
        Mood {
            distress,
            anger,
            ..Mood::default()
        }
    }

    #[test]
    fn anger_wins_over_equal_distress_and_weak_feelings_are_calm() {
        assert_eq!(Delivery::of(&mood(59, 59)), Delivery::Calm);
        assert_eq!(Delivery::of(&mood(80, 10)), Delivery::Distressed);
        assert_eq!(Delivery::of(&mood(60, 60)), Delivery::Angry);
        assert_eq!(Delivery::of(&mood(90, 70)), Delivery::Distressed);
    }
}
