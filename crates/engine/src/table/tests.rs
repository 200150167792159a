use super::*;

fn entries(pairs: &[(&str, f64)]) -> Entries {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn sample() -> ([Entries; MAPS], Entries) {
    (
        [
            entries(&[
                ("the", 0.05),
                ("there", 1e-4),
                ("press", 1e-4),
                ("ünïcode", 3e-9),
            ]),
            entries(&[("the", 2.3e10)]),
            entries(&[("of the", 1.5e9)]),
        ],
        entries(&[("office", 1e-4), ("fly", 2e-5)]),
    )
}

fn built() -> Vec<u8> {
    let (maps, list) = sample();
    build(maps, list).expect("builds")
}

#[test]
fn a_table_gives_back_what_it_was_built_from() {
    let table = read(&built()).expect("reads");
    let words = &table.maps[0];
    assert_eq!(table.list, entries(&[("fly", 2e-5), ("office", 1e-4)]));
    let prefixes = words.prefix_values("thereby");
    let expected: Vec<Option<f64>> = (0..=7).map(|k| words.get(&"thereby"[..k])).collect();
    assert_eq!(prefixes, expected);
    assert_eq!(prefixes[3], Some(0.05));
    assert_eq!(prefixes[5], Some(1e-4));
    assert_eq!(words.get("press"), Some(1e-4));
    assert_eq!(words.get("ünïcode"), Some(3e-9));
    assert_eq!(words.get("pres"), None);
    assert_eq!(words.get(""), None);
    assert_eq!(words.get("th\0e"), None);
}

#[test]
fn a_table_walks_its_words_by_prefix_and_counts_pairs() {
    let table = read(&built()).expect("reads");
    let [words, unigrams, bigrams] = &table.maps;
    let stopped = [None, None, None, Some(0.05), None, None, None];
    assert_eq!(words.prefix_values("the\0re"), stopped); // a walk ends at a NUL
    let after = words.values_after("ü", "nïcode");
    assert_eq!(after, [None, None, None, None, None, None, Some(3e-9)]);
    assert_eq!(unigrams.get("the"), Some(2.3e10));
    assert_eq!(bigrams.get("of the"), Some(1.5e9));
    assert_eq!(
        bigrams.values_after("of ", "thex"),
        [None, None, None, Some(1.5e9), None]
    );
    assert_eq!(words.len(), 4);
}

#[test]
fn a_walk_reads_only_the_values_it_is_asked_for() {
    let table = read(&built()).expect("reads");
    let [words, _, bigrams] = &table.maps;
    let mut values = Vec::new();
    words.values_after_into(&[], "thereby", &mut values, |k| k == 5);
    assert_eq!(
        values,
        [None, None, None, None, None, Some(1e-4), None, None]
    );
    // the head in pieces, and item 0 for the head alone
    words.values_after_into(&["t", "h"], "ere", &mut values, |k| k != 3);
    assert_eq!(values, [None, Some(0.05), None, None]);
    words.values_after_into(&["th", "e"], "re", &mut values, |_| true);
    assert_eq!(values, [Some(0.05), None, Some(1e-4)]);
    // a head no key starts with: nothing, every item
    words.values_after_into(&["x"], "the", &mut values, |_| true);
    assert_eq!(values, [None; 4]);
    bigrams.values_after_into(&["of", " "], "the", &mut values, |k| k == 3);
    assert_eq!(values, [None, None, None, Some(1.5e9)]);
    // the lengths asked are characters, not bytes
    words.values_after_into(&[], "ünïcode", &mut values, |k| k == 7);
    assert_eq!(values[7], Some(3e-9));
}

#[test]
fn a_walk_goes_on_from_where_a_key_leaves_it_as_one_from_the_root() {
    let table = read(&built()).expect("reads");
    let words = &table.maps[0];
    for (head, piece) in [
        ("the", "re"),
        ("th", "ere"),
        ("ü", "nïcode"),
        ("t", ""),
        ("the", "x"),
    ] {
        let on = words.at(head).and_then(|at| words.walk_on(at, piece));
        let whole = format!("{head}{piece}");
        assert_eq!(
            on.and_then(|at| words.value_at(at)),
            words.get(&whole),
            "{whole}"
        );
        assert_eq!(on.is_some(), words.at(&whole).is_some(), "{whole}");
    }
    // a walk that stands inside a key has no value there; one no key goes on from is none
    assert_eq!(words.at("ther").and_then(|at| words.value_at(at)), None);
    assert!(words.at("ther").is_some());
    assert!(words.at("x").is_none());
    assert!(words
        .at("the")
        .and_then(|at| words.walk_on(at, "rex"))
        .is_none());
}

#[test]
fn an_empty_map_holds_nothing() {
    let bytes = build([vec![], vec![], vec![]], vec![]).expect("builds");
    let table = read(&bytes).expect("reads");
    assert!(table.maps.iter().all(WordMap::is_empty));
    assert_eq!(table.maps[0].get("the"), None);
    assert_eq!(table.maps[0].prefix_values("ab"), [None, None, None]);
    assert!(table.list.is_empty());
}

#[test]
fn the_same_entries_in_any_order_give_the_same_bytes() {
    let (mut maps, mut list) = sample();
    maps[0].reverse();
    list.reverse();
    assert_eq!(Some(built()), build(maps, list).ok());
}

#[test]
fn a_key_given_twice_empty_or_with_a_nul_is_refused() {
    let (mut maps, list) = sample();
    maps[0].push(("the".into(), 0.1));
    assert!(matches!(build(maps, list), Err(TableError::Build(_))));
    let (mut maps, list) = sample();
    maps[1].push((String::new(), 0.1));
    assert!(matches!(build(maps, list), Err(TableError::Build(_))));
    let (mut maps, list) = sample();
    maps[2].push(("a\0b".into(), 0.1));
    assert!(matches!(build(maps, list), Err(TableError::Build(_))));
}

#[test]
fn a_trie_that_steps_outside_itself_is_refused_whatever_its_checksum() {
    let (maps, list) = sample();
    let bytes = build(maps, list).expect("builds");
    let table = read(&bytes).expect("reads");
    let trie = table.maps[0].trie.as_ref().expect("a trie").to_vec();
    assert!(steps_stay_inside(&trie));
    let mut outside = trie.clone();
    // the root's offset made to point past the end (no leaf: bit 31 clear)
    let far = (1u32 << 21) - 1;
    outside[..4].copy_from_slice(&(far << 10).to_le_bytes());
    assert!(!steps_stay_inside(&outside));
    let mut leaf_root = trie.clone();
    leaf_root[..4].copy_from_slice(&(1u32 << 31).to_le_bytes());
    assert!(!steps_stay_inside(&leaf_root));
    assert!(!steps_stay_inside(&trie[..trie.len() - 4]));
    assert!(!steps_stay_inside(&[]));
}

#[test]
fn damaged_bytes_are_refused_not_read() {
    let bytes = built();
    for cut in [0, 5, MAGIC.len() + 3, MAGIC.len() + 6, bytes.len() - 1] {
        assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read(&longer).is_err());
    for at in [MAGIC.len() + 4, bytes.len() / 2, bytes.len() - 1] {
        let mut garbled = bytes.clone();
        garbled[at] ^= 0x40;
        assert!(read(&garbled).is_err(), "garbled at {at}");
    }
}
