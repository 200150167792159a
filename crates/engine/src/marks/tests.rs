//! The mark edges, shape by shape, against every shape asked at every point.

use super::*;
use crate::draws::Draws;

fn points(token: &str) -> Vec<(usize, f64)> {
    mark_edges(&token.chars().collect::<Vec<_>>())
}

/// `mark_edges`, every shape asked at every point: what the faster paths must equal.
fn every_edge(token: &[char]) -> Vec<(usize, f64)> {
    let mut found = Vec::new();
    for (shape, margin) in SHAPES {
        for point in 0..=token.len() {
            if shape(&At {
                chars: token,
                point,
            }) {
                found.push((point, margin));
            }
        }
    }
    found
}

#[test]
fn each_shape_finds_its_example() {
    let examples = [
        ("activity.A", 9, 2.5),
        ("(FBI)is", 5, 2.5),
        ("2024.Seven", 5, 2.5),
        ("U.S.President", 4, 1.5),
        ("events,2025", 7, 1.5),
        ("DeputyU.S.", 6, 1.5),
        ("D.C.for", 4, 1.5),
        ("Court(ICC)", 5, 1.0),
        ("Mexico'sTax", 8, 2.5),
        ("S.Truman", 2, 1.0),
        ("HarryS.", 5, 1.0),
        ("MitchMcConnell", 5, 1.0),
        ("theM23", 3, 1.0),
        ("moreF-16", 4, 1.0),
        ("20%tariff", 3, 2.5),
        ("Pharmaceuticals'new", 16, 1.5),
    ];
    for (token, point, margin) in examples {
        assert!(
            points(token).contains(&(point, margin)),
            "{token}: {:?}",
            points(token)
        );
    }
}

#[test]
fn in_a_token_of_letters_only_the_letters_shape_is_asked_and_only_before_an_m() {
    // every shape asked everywhere gives the same, on every token of up to five of
    // these letters (each class the shapes read, and the `M`, `a`, `c` of `Mc`, `Mac`)
    let alphabet: Vec<char> = "MacCxyZéÉßǅ".chars().collect();
    let base = alphabet.len() as u64;
    let mut token = Vec::new();
    for n in 0..=200_000u64 {
        token.clear();
        let mut k = n; // bijective base 11: every string once
        while k > 0 {
            k -= 1;
            token.push(alphabet[(k % base) as usize]);
            k /= base;
        }
        assert_eq!(mark_edges(&token), every_edge(&token), "{token:?}");
    }
    assert_eq!(points("MitchMcConnell"), [(5, 1.0)]);
}

#[test]
fn a_shape_is_asked_only_near_a_mark_and_finds_what_every_point_asked_finds() {
    // tokens of up to fourteen characters of each class the shapes read, marks among
    // letters, drawn by a fixed generator: asking only near a mark loses no point
    let alphabet: Vec<char> = "MacCxSsAIé.,()%'’-19!".chars().collect();
    let mut draws = Draws::new(0x2545_f491_4f6c_dd1d);
    let mut next = |bound: usize| draws.below(bound);
    for _ in 0..200_000 {
        let length = next(15);
        let token: Vec<char> = (0..length)
            .map(|_| alphabet[next(alphabet.len())])
            .collect();
        assert_eq!(edges_near_marks(&token), every_edge(&token), "{token:?}");
    }
}

#[test]
fn words_and_names_have_no_mark_edges() {
    for token in [
        "Court",
        "U.S.",
        "McConnell",
        "A.I",
        "x.Ab",
        "activity.Ab",
        "2.5",
    ] {
        assert_eq!(points(token), vec![], "{token}");
    }
}
