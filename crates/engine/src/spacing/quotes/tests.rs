use super::*;

fn edits(text: &str, style: Style) -> Vec<(usize, usize, String, &'static str)> {
    find(text, style, true)
        .into_iter()
        .map(|p| (p.start, p.end, p.after, p.code))
        .collect()
}

#[test]
fn no_quote_glyph_comes_before_the_first_the_scan_looks_for() {
    let glyphs = GLYPHS.iter().flat_map(|glyphs| glyphs.chars());
    assert!(glyphs
        .clone()
        .all(|glyph| glyph >= FIRST_GLYPH && is_quote(glyph)));
    assert!(glyphs.clone().any(|glyph| glyph == FIRST_GLYPH));
}

#[test]
fn guillemets_take_the_style_and_hug_what_they_quote() {
    assert_eq!(
        edits("\u{ab} We\u{bb}", Style::Ascii),
        vec![
            (0, 1, "\"".into(), DOUBLE_STYLE),
            (1, 2, String::new(), SPACE_INSIDE),
            (4, 5, "\"".into(), DOUBLE_STYLE),
        ]
    );
    assert_eq!(
        edits("threats,\u{bb}said", Style::Keep),
        vec![(9, 9, " ".into(), SPACE_OUTSIDE)]
    );
}

#[test]
fn a_string_prefix_is_no_glued_word() {
    for text in ["print(f\"{n} done\")", "x = rb\"\\d\" + u\"\u{e9}\""] {
        assert!(
            edits(text, Style::Keep)
                .iter()
                .all(|e| e.3 != SPACE_OUTSIDE),
            "{text}"
        );
    }
    // an escaped mark is the string's own
    assert!(edits("part \"My \\\"double quoted\\\" name\", was", Style::Keep).is_empty());
    // a word that ends in one of the letters is a word: `said"Yes` is still spaced
    assert_eq!(
        edits("he said\"Yes\" and left", Style::Keep),
        vec![(7, 7, " ".into(), SPACE_OUTSIDE)]
    );
}

#[test]
fn a_quoted_literal_keeps_its_spaces_inside() {
    for text in [
        "begins with \"From \" here",
        "expands to \" (tagname)\" now",
        "case \" $2 \" in",
    ] {
        assert!(edits(text, Style::Keep).is_empty(), "{text}");
        assert!(edits(text, Style::Curly).is_empty(), "{text}");
    }
    // typographic marks an extractor spaced on one side
    assert_eq!(
        edits("or \u{201c}past lives \u{201d}.", Style::Keep),
        vec![(14, 15, String::new(), SPACE_INSIDE)]
    );
    // spaced on both sides and holding words: an extractor's spaces
    assert_eq!(
        edits("said \" we act \" and", Style::Keep),
        vec![
            (6, 7, String::new(), SPACE_INSIDE),
            (13, 14, String::new(), SPACE_INSIDE)
        ]
    );
}

#[test]
fn apostrophes_and_pairs_in_curly_style() {
    assert_eq!(
        edits("don't \"go\"", Style::Curly),
        vec![
            (3, 4, "\u{2019}".into(), SINGLE_STYLE),
            (6, 7, "\u{201c}".into(), DOUBLE_STYLE),
            (9, 10, "\u{201d}".into(), DOUBLE_STYLE),
        ]
    );
}

#[test]
fn clean_text_and_blank_lines_between_paragraphs() {
    assert!(find("\"One\" and \"two\".\n\n\"Three\"", Style::Ascii, true).is_empty());
    assert_eq!(
        paragraphs(&chars_of("a\n \nb\n\nc")),
        vec![(0, 1), (4, 5), (7, 8)]
    );
}

fn chars_of(text: &str) -> Vec<char> {
    text.chars().collect()
}
