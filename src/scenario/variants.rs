//! Variants: the facts of a call (amounts, dates, names) that change with the seed.
//!
//! A scenario may declare named sets of values; a text the trainee sees names a
//! value in braces (`Your bill is {bill}.`). The session's seed draws one variant
//! and [`Scenario::in_variant`] fills every such text in, so the right answer has to
//! be read from the account card rather than remembered from the last attempt.

use std::collections::BTreeMap;

use super::model::Scenario;

/// The values of one variant: placeholder name → text.
pub type Values = BTreeMap<String, String>;

/// A brace in a text that does not make a `{name}` placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayBrace {
    /// Byte offset of the brace in the text.
    pub at: usize,
}

/// Whether a placeholder name is well formed: lower-case letters, digits, `_` and `-`.
pub fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The placeholders a text names, in order, with their byte offsets; or the first stray brace.
pub fn placeholders(text: &str) -> Result<Vec<(usize, &str)>, StrayBrace> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find(['{', '}']).map(|i| rest + i) {
        if text.as_bytes()[open] == b'}' {
            return Err(StrayBrace { at: open });
        }
        let close = text[open + 1..]
            .find(['{', '}'])
            .map(|i| open + 1 + i)
            .filter(|&i| text.as_bytes()[i] == b'}')
            .ok_or(StrayBrace { at: open })?;
        let name = &text[open + 1..close];
        if !is_name(name) {
            return Err(StrayBrace { at: open });
        }
        found.push((open, name));
        rest = close + 1;
    }
    Ok(found)
}

/// The text with every placeholder that `values` defines replaced by its value.
pub fn fill_in(text: &str, values: &Values) -> String {
    let Ok(found) = placeholders(text) else {
        return text.to_owned();
    };
    if found.is_empty() {
        return text.to_owned();
    }
    let mut filled = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, name) in found {
        if let Some(value) = values.get(name) {
            filled.push_str(&text[copied..at]);
            filled.push_str(value);
            copied = at + name.len() + 2;
        }
    }
    filled.push_str(&text[copied..]);
    filled
}

impl Scenario {
    /// The variant a seed draws, by index, or `None` when the scenario has no variants.
    ///
    /// The draw is a hash of the seed, not a number taken from the session's generator, so a
    /// scenario without variants plays exactly as before they existed.
    pub fn variant_of(&self, seed: u64) -> Option<usize> {
        let count = self.variants.len() as u64;
        (count > 0).then(|| (mix(seed) % count) as usize)
    }

    /// The seeds that draw variant `index`, smallest first (every seed, without variants).
    pub fn seeds_of_variant(&self, index: usize) -> impl Iterator<Item = u64> + '_ {
        (0..).filter(move |&seed| self.variant_of(seed).is_none_or(|v| v == index))
    }

    /// The scenario as the trainee sees it in one variant: every placeholder filled in.
    pub fn in_variant(&self, values: &Values) -> Scenario {
        let mut filled = self.clone();
        filled.for_each_call_text(&mut |_, text| {
            if text.contains('{') {
                *text = fill_in(text, values);
            }
        });
        filled
    }

    /// Visits every text the trainee sees during the call and its debrief — where
    /// placeholders are filled in — with its field path, as diagnostics name it. The checker
    /// checks the same texts (`unknown-placeholder`), so the two cannot disagree.
    pub fn for_each_call_text(&mut self, visit: &mut dyn FnMut(&dyn Fn() -> String, &mut String)) {
        visit(&|| "customer.name".to_owned(), &mut self.customer.name);
        visit(
            &|| "customer.persona".to_owned(),
            &mut self.customer.persona,
        );
        for (i, (label, value)) in self.account.iter_mut().enumerate() {
            visit(&|| format!("account[{i}]"), label);
            visit(&|| format!("account[{i}]"), value);
        }
        for (i, rule) in self.rules.compliance.iter_mut().enumerate() {
            visit(&|| format!("rules.compliance[{i}].text"), &mut rule.text);
        }
        for (id, node) in self.nodes.iter_mut() {
            for (i, line) in node.say.iter_mut().enumerate() {
                visit(&|| format!("nodes.{id}.say[{i}]"), line);
            }
            for (i, alternative) in node.say_if.iter_mut().enumerate() {
                for (j, line) in alternative.say.iter_mut().enumerate() {
                    visit(&|| format!("nodes.{id}.say_if[{i}].say[{j}]"), line);
                }
            }
            for (i, choice) in node.choices.iter_mut().enumerate() {
                visit(
                    &|| format!("nodes.{id}.choices[{i}].text"),
                    &mut choice.text,
                );
                visit(
                    &|| format!("nodes.{id}.choices[{i}].feedback"),
                    &mut choice.feedback,
                );
                for (j, example) in choice.examples.iter_mut().enumerate() {
                    visit(
                        &|| format!("nodes.{id}.choices[{i}].examples[{j}]"),
                        example,
                    );
                }
            }
            if let Some(timer) = &mut node.timer {
                let silence = &mut timer.silence;
                visit(
                    &|| format!("nodes.{id}.timer.silence.feedback"),
                    &mut silence.feedback,
                );
            }
        }
        for (id, ending) in self.endings.iter_mut() {
            visit(&|| format!("endings.{id}.say"), &mut ending.say);
            visit(&|| format!("endings.{id}.summary"), &mut ending.summary);
            for (i, alternative) in ending.say_if.iter_mut().enumerate() {
                visit(
                    &|| format!("endings.{id}.say_if[{i}].say"),
                    &mut alternative.say,
                );
                if let Some(summary) = &mut alternative.summary {
                    visit(&|| format!("endings.{id}.say_if[{i}].summary"), summary);
                }
            }
        }
        for (q, question) in self.wrap_up.iter_mut().enumerate() {
            visit(&|| format!("wrap_up[{q}].ask"), &mut question.ask);
            for (o, option) in question.options.iter_mut().enumerate() {
                visit(
                    &|| format!("wrap_up[{q}].options[{o}].text"),
                    &mut option.text,
                );
                visit(
                    &|| format!("wrap_up[{q}].options[{o}].feedback"),
                    &mut option.feedback,
                );
            }
        }
    }
}

/// SplitMix64's finaliser: spreads consecutive seeds over the variants.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        [("bill", "486,60 €"), ("due", "16 January")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn placeholders_are_found_in_order_with_their_offsets() {
        assert_eq!(
            placeholders("Pay {bill} by {due}."),
            Ok(vec![(4, "bill"), (14, "due")])
        );
        assert_eq!(placeholders("No braces."), Ok(vec![]));
    }

    #[test]
    fn a_brace_that_makes_no_placeholder_is_stray() {
        assert_eq!(placeholders("Pay {bill by"), Err(StrayBrace { at: 4 }));
        assert_eq!(placeholders("Pay bill}"), Err(StrayBrace { at: 8 }));
        assert_eq!(placeholders("Pay {Bill}"), Err(StrayBrace { at: 4 }));
        assert_eq!(placeholders("Pay {}"), Err(StrayBrace { at: 4 }));
    }

    #[test]
    fn filling_in_replaces_known_placeholders_and_leaves_unknown_ones() {
        assert_eq!(
            fill_in("Pay {bill} by {due}, {name}.", &values()),
            "Pay 486,60 € by 16 January, {name}."
        );
    }
}
