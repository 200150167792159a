//! A compound's parts where losses are plain: a lone letter cut from a word, or one as
//! written in an abbreviation.

use super::damaged::sure_words;
use super::*;

#[test]
fn a_lone_letter_in_a_compound_is_read_as_a_word_cut_where_losses_are_plain() {
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("the", 0.05),
            ("off", 5e-4),
            ("o", 1e-5),
            ("e", 1e-4),
            ("eff", 1e-6),
            ("cli", 7e-7),
            ("cliff", 1e-5),
            ("run", 3e-4),
            ("vote", 1e-4),
            ("duty", 1e-4),
            ("officer", 1e-4),
            ("mail", 1e-4),
            ("and", 0.03),
        ],
        &[],
        &[],
    );
    let words = |text: &str| sure_words(text, &lexicon);
    assert_eq!(
        words("A signi cant loss. The run-o vote and the o-duty officer."),
        ["significant", "off", "off"]
    );
    // elsewhere a lone letter is as written, and a longer part is, rare as it is
    assert_eq!(
        words("The run-o vote and the o-duty officer."),
        Vec::<String>::new()
    );
    assert_eq!(
        words("A signi cant loss. The aws-cli and e-mail."),
        ["significant"]
    );
    // two lone letters make a compound of letters, an abbreviation (`y-m-d`, `S-o-b`)
    assert_eq!(
        words("A signi cant loss. The run-o-e vote and the e-o-duty officer."),
        ["significant"]
    );
}
