//! The Rust port of the sentence encoder computes the vectors of the Python package it was
//! converted from (tests/matching/reference-vectors.tsv), and a damaged model is an error.

use frontline::matcher::{Matcher, MatcherError, ModelError};

use super::support::{matcher, project, temp_dir};

#[test]
fn the_encoder_gives_the_vectors_of_the_package_the_model_comes_from() {
    let text = std::fs::read_to_string(project("tests/matching/reference-vectors.tsv"))
        .expect("the reference vectors are readable");
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (sentence, expected) = line.split_once('\t').expect("sentence TAB vector");
        let expected: Vec<f32> = expected
            .split(' ')
            .map(|v| v.parse().expect("a number"))
            .collect();
        let got = matcher().meaning(sentence);
        assert_eq!(got.len(), 512);
        for (k, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert!(
                (g - e).abs() < 2e-3,
                "{sentence:?} component {k}: {g} vs {e}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 6);
}

#[test]
fn a_file_that_is_not_a_model_is_named_in_the_error() {
    let dir = temp_dir("not-a-model");
    let path = dir.join("model.bin");
    std::fs::write(&path, b"definitely not weights").expect("written");
    let error = Matcher::load(&path).expect_err("not a model");
    assert!(
        matches!(
            error,
            MatcherError::Model {
                source: ModelError::NotAModel,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("model.bin"), "{error}");
}

#[test]
fn a_truncated_model_is_an_error_not_a_panic() {
    let dir = temp_dir("truncated-model");
    let path = dir.join("model.bin");
    let full = std::fs::read(project("assets/matcher/use-m3-latin.bin")).expect("the model ships");
    std::fs::write(&path, &full[..full.len() / 2]).expect("written");
    let error = Matcher::load(&path).expect_err("truncated");
    assert!(
        matches!(
            error,
            MatcherError::Model {
                source: ModelError::Truncated(_),
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn a_missing_model_file_is_a_read_error_naming_the_file() {
    let error = Matcher::load(std::path::Path::new("/nonexistent/frontline-model.bin"))
        .expect_err("missing");
    assert!(matches!(error, MatcherError::Read { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("/nonexistent/frontline-model.bin"),
        "{error}"
    );
}
