//! The branching of a scenario as Graphviz DOT or Mermaid, for trainers to see their call.
//!
//! Nodes are boxes with the customer's first line, endings are rounded with
//! their outcome, and each choice is an arrow labelled with its number, its
//! points and, when it has one, its condition. The expert path is drawn bold.

use std::collections::HashSet;
use std::fmt::Write;

use crate::engine::analysis::Analysis;
use crate::engine::{Move, Place, Playbook};
use crate::scenario::{Choice, Points};

/// An arrow of the drawing.
struct Arrow {
    from: String,
    to: String,
    label: String,
    expert: bool,
}

fn arrows(book: &Playbook, analysis: &Analysis) -> Vec<Arrow> {
    let (path, _) = analysis.path(book, Analysis::expert_move);
    let expert: HashSet<(usize, Move)> = path
        .iter()
        .filter_map(|(state, mv)| match state.place {
            Place::Node(n) => Some((n, *mv)),
            Place::Ending(_) => None,
        })
        .collect();
    let mut arrows = Vec::new();
    for (n, (id, node)) in book.scenario.nodes.iter().enumerate() {
        let numbered = node
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| (Move::Choose(i), format!("{}", i + 1), c));
        let silence = node
            .timer
            .as_ref()
            .map(|t| (Move::Silence, format!("⏱{}s", t.seconds), &t.silence));
        for (mv, number, choice) in numbered.chain(silence) {
            arrows.push(Arrow {
                from: id.clone(),
                to: choice.next.clone(),
                label: label(&number, choice),
                expert: expert.contains(&(n, mv)),
            });
        }
    }
    if let Some(hang_up) = &book.scenario.rules.hang_up {
        for (id, _) in book.scenario.nodes.iter() {
            arrows.push(Arrow {
                from: id.clone(),
                to: hang_up.ending.clone(),
                label: format!("patience < {}", hang_up.patience_below),
                expert: false,
            });
        }
    }
    arrows
}

fn label(number: &str, choice: &Choice) -> String {
    let mut label = format!("{number} {}", points(&choice.points));
    if !choice.when.flags.is_empty() {
        let _ = write!(label, " if {}", choice.when.flags.join("+"));
    }
    if !choice.when.not_flags.is_empty() {
        let _ = write!(label, " unless {}", choice.when.not_flags.join("+"));
    }
    label
}

fn points(p: &Points) -> String {
    format!("E{} A{} R{}", p.empathy, p.accuracy, p.resolution)
}

fn short(text: &str) -> String {
    let mut line: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        line.push('…');
    }
    line
}

/// Graphviz DOT.
pub fn dot(book: &Playbook, analysis: &Analysis) -> String {
    let quote = |s: &str| {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', " ")
        )
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&book.scenario.id));
    let _ = writeln!(
        out,
        "  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];"
    );
    for (id, node) in book.scenario.nodes.iter() {
        let first = node.say.first().map(String::as_str).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} [label={}];",
            quote(id),
            quote(&format!("{id}\n{}", short(first)))
        );
    }
    for (id, ending) in book.scenario.endings.iter() {
        let _ = writeln!(
            out,
            "  {} [shape=oval, style=filled, fillcolor=\"#e8eef7\", label={}];",
            quote(id),
            quote(&format!("{id}\n{}", ending.outcome.name()))
        );
    }
    for arrow in arrows(book, analysis) {
        let style = if arrow.expert {
            ", penwidth=3, color=\"#1b7f3b\""
        } else if arrow.label.starts_with("patience") {
            ", style=dashed, color=gray"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            quote(&arrow.from),
            quote(&arrow.to),
            quote(&arrow.label)
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart.
pub fn mermaid(book: &Playbook, analysis: &Analysis) -> String {
    // Mermaid ids must be plain: number every node and ending.
    let ids: Vec<&String> = book
        .scenario
        .nodes
        .iter()
        .map(|(id, _)| id)
        .chain(book.scenario.endings.iter().map(|(id, _)| id))
        .collect();
    let key = |id: &str| {
        ids.iter()
            .position(|i| i.as_str() == id)
            .map_or_else(|| "unknown".to_owned(), |i| format!("n{i}"))
    };
    let text = |s: &str| s.replace('"', "#quot;").replace('\n', " ");
    let mut out = String::from("flowchart LR\n");
    for (id, node) in book.scenario.nodes.iter() {
        let first = node.say.first().map(String::as_str).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}[\"{}<br/>{}\"]",
            key(id),
            text(id),
            text(&short(first))
        );
    }
    for (id, ending) in book.scenario.endings.iter() {
        let _ = writeln!(
            out,
            "  {}([\"{}<br/>{}\"])",
            key(id),
            text(id),
            ending.outcome.name()
        );
    }
    let mut expert_links = Vec::new();
    for (i, arrow) in arrows(book, analysis).iter().enumerate() {
        let line = if arrow.label.starts_with("patience") {
            "-.->"
        } else {
            "-->"
        };
        let _ = writeln!(
            out,
            "  {} {line}|\"{}\"| {}",
            key(&arrow.from),
            text(&arrow.label),
            key(&arrow.to)
        );
        if arrow.expert {
            expert_links.push(i.to_string());
        }
    }
    if !expert_links.is_empty() {
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:#1b7f3b,stroke-width:3px",
            expert_links.join(",")
        );
    }
    out
}
