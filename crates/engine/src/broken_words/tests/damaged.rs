//! The readings against a lexicon and a batch that show the damage plainly.

use super::*;

fn damaged_lexicon() -> Lexicon {
    lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("off", 5e-4),
            ("o", 1e-5),
            ("took", 3e-4),
            ("the", 0.05),
            ("coast", 5e-5),
            ("re", 1e-4),
            ("fire", 5e-5),
            ("module", 5e-5),
            ("first", 5e-4),
            ("rst", 3e-7),
            ("state", 3e-4),
            ("u", 1e-5),
            ("s", 1e-4),
            ("office", 1e-4),
            ("ce", 1e-6),
            ("attorney", 5e-5),
            ("trafficking", 1e-5),
            ("tracking", 2e-5),
            ("tra", 1e-7),
            ("cking", 1e-8),
            ("drug", 1e-4),
            ("five", 3e-4),
            ("ve", 1e-4),
            ("year", 5e-4),
        ],
        &[("drug", 1e6), ("took", 1e6), ("the", 1e8)],
        &[
            ("drug trafficking", 1e4),
            ("took off", 1e4),
            ("off the", 1e4),
        ],
    )
}

fn words_of(text: &str) -> Vec<String> {
    sure_words(text, &damaged_lexicon())
}

/// The words restored in `text` with the confidence a run applies (0.9).
pub(super) fn sure_words(text: &str, lexicon: &Lexicon) -> Vec<String> {
    restorations(text, lexicon)
        .into_iter()
        .filter(|r| r.confidence >= 0.9)
        .map(|r| r.word)
        .collect()
}

#[test]
fn pieces_that_are_words_elsewhere_are_read_as_pieces_where_ligatures_are_plainly_lost() {
    // alone, `o` and `re` may be a letter and Python's module
    assert_eq!(words_of("They took o the coast."), Vec::<String>::new());
    assert_eq!(words_of("the re module"), Vec::<String>::new());
    // beside a plain loss, they are what is left of `off` and `five-`
    assert_eq!(
        words_of("A signi cant loss. They took o the coast."),
        ["significant", "off"]
    );
    assert_eq!(
        words_of("A signi cant loss. The ve-year plan."),
        ["significant", "five"]
    );
}

#[test]
fn lone_letters_are_letter_spaced_text_only_one_space_apart() {
    // `U.S.` and the clitic of `attorney's` are no letter-spaced text beside the gap
    assert_eq!(words_of("the rst U.S. state"), ["first"]);
    assert_eq!(words_of("the attorney's o ce"), ["office"]);
    assert_eq!(words_of("the rst u s state"), Vec::<String>::new());
}

#[test]
fn a_stray_space_competes_with_the_ligature_the_gap_may_hold() {
    // `tracking` closed up is likely; `trafficking` after `drug` likelier still
    assert_eq!(words_of("drug tra cking"), ["trafficking"]);
}

#[test]
fn a_word_the_batch_writes_whole_is_read_where_a_gap_cut_it() {
    let opening = "An opening line of more than enough letters: ";
    let batch = Vocabulary::of([format!("{opening}Witkoff and Witkoff").as_str()]);
    let text = "A signi cant day: the Witko of the day";
    let (found, reads) = restorations_in(text, &lexicon(), Some(&batch), 1.0);
    let words: Vec<&str> = found.iter().map(|r| r.word.as_str()).collect();
    assert_eq!(words, ["significant", "Witkoff"]);
    assert!(reads.contains("w:Witkoff"));
    // once is no evidence, and without the batch nothing is read
    let once = Vocabulary::of([format!("{opening}Witkoff").as_str()]);
    assert_eq!(
        restorations_in(text, &lexicon(), Some(&once), 1.0).0.len(),
        1
    );
    assert_eq!(restorations(text, &lexicon()).len(), 1);
    // nor is the batch read where the document shows no lost ligature plainly
    let plain = "the Witko of the day";
    assert!(restorations_in(plain, &lexicon(), Some(&batch), 1.0)
        .0
        .is_empty());
}

#[test]
fn a_name_the_batch_writes_whole_is_closed_up_where_stray_spaces_are_plain() {
    let lexicon = lexicon_of(
        &[
            ("were", 1e-3),
            ("included", 1e-4),
            ("in", 0.02),
            ("inc", 1e-6),
            ("president", 1e-4),
            ("o", 1e-5),
            ("de", 1e-4),
            ("wever", 1e-7),
        ],
        &[],
        &[],
    );
    let opening = "An opening line of more than enough letters: ";
    let batch = Vocabulary::of([format!("{opening}Maduro and Maduro, DeWever, DeWever").as_str()]);
    let words = |text: &str, batch: &Vocabulary| -> Vec<String> {
        let (found, _) = restorations_in(text, &lexicon, Some(batch), 1.0);
        found.into_iter().map(|r| r.word).collect()
    };
    let text = "They were inc luded in president Madur o and De Wever";
    let (found, reads) = restorations_in(text, &lexicon, Some(&batch), 1.0);
    let closed: Vec<&str> = found.iter().map(|r| r.word.as_str()).collect();
    // `De Wever`: both pieces are words, and may be meant apart
    assert_eq!(closed, ["included", "Maduro"]);
    assert!(reads.contains("w:Maduro"));
    // without a plain stray space, or without the batch writing it twice, it stays
    assert_eq!(words("president Madur o", &batch), Vec::<String>::new());
    let once = Vocabulary::of([format!("{opening}Maduro").as_str()]);
    assert_eq!(words(text, &once), ["included"]);
}

#[test]
fn a_compound_gets_back_the_hyphen_the_batch_writes() {
    let lexicon = lexicon_of(
        &[
            ("law", 1e-4),
            ("abiding", 1e-5),
            ("first", 1e-3),
            ("ever", 1e-3),
            ("a", 0.02),
            ("the", 0.05),
            ("citizens", 1e-5),
        ],
        &[],
        &[],
    );
    let batch = Vocabulary::of(["law-abiding people, law-abiding firms, first-ever, first-ever"]);
    let found = |text: &str, batch: &Vocabulary| -> Vec<(usize, GapKind, String)> {
        restorations_in(text, &lexicon, Some(batch), 1.0)
            .0
            .into_iter()
            .map(|r| (r.at, r.kind, r.word))
            .collect()
    };
    let (hyphened, reads) = restorations_in("the lawabiding citizens", &lexicon, Some(&batch), 1.0);
    assert_eq!(hyphened[0].word, "law-abiding");
    assert_eq!((hyphened[0].at, hyphened[0].kind), (7, GapKind::Hyphen));
    assert!(reads.contains("h:law-abiding"));
    // written apart too, a glued copy may be a lost line break's: the joins stage's
    let apart = Vocabulary::of(["first-ever, first-ever, the first ever"]);
    assert_eq!(found("the firstever citizens", &apart), []);
    // once is no evidence; without the batch nothing is read
    let once = Vocabulary::of(["law-abiding people"]);
    assert_eq!(found("the lawabiding citizens", &once), []);
    assert!(restorations("the lawabiding citizens", &lexicon).is_empty());
}

#[test]
fn the_confidence_grows_with_the_margin() {
    assert!(confidence(1.0) < confidence(3.0));
    assert!((0.0..=1.0).contains(&confidence(-50.0)));
    assert!(shown_confidence(1.0) < shown_confidence(3.0));
}

#[test]
fn a_gap_inside_a_word_is_surer_where_the_document_shows_the_loss() {
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("coffee", 1e-6),
            ("co", 1e-4),
            ("ee", 1e-4),
            ("a", 0.02),
            ("cup", 1e-4),
            ("of", 0.03),
        ],
        &[],
        &[],
    );
    let coffee = |text: &str| {
        let found = restorations(text, &lexicon);
        let coffee = found.into_iter().find(|r| r.word == "coffee");
        coffee.map(|r| (r.margin, r.confidence))
    };
    // alone, `co ee` reads as coffee only so far (a margin under DAMAGE_SHOWN_MARGIN)
    let (margin, alone) = coffee("a cup of co ee").expect("read alone");
    assert!(margin < DAMAGE_SHOWN_MARGIN);
    assert_eq!(alone, confidence(margin));
    // beside a plain loss (`signi cant`) the same gap is a lost ligature far more often
    let (margin, shown) = coffee("A signi cant cup of co ee").expect("read where shown");
    assert_eq!(shown, shown_confidence(margin));
    assert!(shown > confidence(margin), "{shown}");
}

#[test]
fn one_neighbour_the_batch_writes_beside_does_where_the_other_is_silent() {
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("day", 1e-4),
            ("files", 5e-5),
            ("les", 2e-5),
            ("press", 1e-4),
            ("a", 0.02),
            ("lawsuit", 1e-5),
        ],
        &[],
        &[],
    );
    let opening = "An opening line of more than enough letters: ";
    let words = |batch: &str| -> Vec<String> {
        let batch = Vocabulary::of([format!("{opening}{batch}").as_str()]);
        let text = "A signi cant day: the press les a lawsuit";
        let (found, _) = restorations_in(text, &lexicon, Some(&batch), 1.0);
        found.into_iter().map(|r| r.word).collect()
    };
    // `files a` twice, `press files` once: the one side attests it, the other is silent
    assert_eq!(
        words("she files a claim; he files a note; the press files it"),
        ["significant", "files"]
    );
    // the other side written with neither the word nor the pieces is silent too
    assert_eq!(
        words("she files a claim; he files a note"),
        ["significant", "files"]
    );
    // not where the batch writes the pieces there more often than the word, this copy aside
    assert_eq!(
        words("she files a claim; he files a note; the press les; the press les"),
        ["significant"]
    );
    // the words alone lean the same way, but by themselves too little
    let text = "A signi cant day: the press les a lawsuit";
    assert_eq!(restorations_in(text, &lexicon, None, 1.0).0.len(), 1);
}

#[test]
fn a_rarer_word_is_read_only_where_a_piece_is_no_word_and_losses_are_plain() {
    // `fivefold` (zipf 2.3) and `firebombing` are rarer than the common words the gaps are
    // read for; `ees` is a rare entry of the word list, `vefold` and `rebombing` none
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("a", 0.02),
            ("the", 0.05),
            ("fivefold", 2e-7),
            ("firebombing", 1.6e-7),
            ("flees", 7e-7),
            ("ees", 2.2e-7),
            ("attack", 1e-4),
            ("rise", 1e-4),
        ],
        &[],
        &[],
    );
    let words = |text: &str| sure_words(text, &lexicon);
    assert_eq!(
        words("A signi cant loss. A rebombing attack, the vefold rise."),
        ["significant", "firebombing", "fivefold"]
    );
    // where nothing shows the loss, an unknown word is a name as written
    assert_eq!(
        words("A rebombing attack, the vefold rise."),
        Vec::<String>::new()
    );
    // a piece the word list holds may be a word as written
    assert_eq!(words("A signi cant loss. The ees attack."), ["significant"]);
}

#[test]
fn a_piece_rarer_than_a_restored_word_is_no_word_in_a_gap_but_a_name_stands() {
    // `rati` and `Kristo` are rare entries of the word list (zipf 2.0 and 1.85), rarer than a
    // word a gap is read as anywhere; `ratifies` (2.1) and `Kristoff` are rarer words
    let lexicon = lexicon_of(
        &[
            ("significant", 1e-4),
            ("cant", 1e-6),
            ("the", 0.05),
            ("treaty", 1e-5),
            ("said", 1e-3),
            ("ratifies", 1.26e-7),
            ("rati", 1e-7),
            ("es", 8.5e-6),
            ("kristoff", 5e-8),
            ("kristo", 7e-8),
        ],
        &[],
        &[],
    );
    let words = |text: &str| sure_words(text, &lexicon);
    assert_eq!(
        words("A signi cant loss. Mali rati es the treaty, Kristo said."),
        ["significant", "ratifies"]
    );
}

#[test]
fn a_batch_that_writes_the_leftovers_of_lost_ligatures_shows_the_loss_in_each_document() {
    // five very common words (zipf 4) whose rest, once a ligature is lost at their start,
    // is no word: `ghters`, `gures`, `nancing`, `tness`, `ndings`
    let lexicon = lexicon_of(
        &[
            ("fighters", 1e-5),
            ("figures", 1e-5),
            ("financing", 1e-5),
            ("fitness", 1e-5),
            ("findings", 1e-5),
            ("fire", 5e-5),
            ("re", 1e-4),
            ("a", 0.02),
            ("at", 0.005),
            ("in", 0.02),
            ("the", 0.05),
            ("mall", 1e-5),
        ],
        &[],
        &[],
    );
    let opening = "An opening line of more than enough letters: ";
    let written = |pieces: &str| Vocabulary::of([format!("{opening}{pieces}").as_str()]);
    let text = "injured in a re at the mall";
    let words = |batch: &Vocabulary| -> Vec<String> {
        let (found, _) = restorations_in(text, &lexicon, Some(batch), 1.0);
        found.into_iter().map(|r| r.word).collect()
    };
    let shows = written("the ghters, the gures, nancing, tness and ndings");
    assert_eq!(words(&shows), ["fire"]);
    let (_, reads) = restorations_in(text, &lexicon, Some(&shows), 1.0);
    assert!(reads.contains("w:ghters"));
    // four leftovers are not enough, nor are the words written whole
    assert!(words(&written("the ghters, the gures, nancing and tness")).is_empty());
    assert!(words(&written("fighters, figures, financing, fitness, findings")).is_empty());
}
