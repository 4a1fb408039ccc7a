use super::{Choice, Kind, Link, Tag, common_start, complete, links, parse};
use crate::agenda::{Agenda, Extensions, Person};

fn someone(id: &str, honorific: Option<&str>, name: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        honorific: honorific.map(Into::into),
        affiliation: None,
        extensions: Extensions::default(),
    }
}

/// The hearing's key messages (km1..km5, numbered 1 to 5), and people
/// chosen for one rule each.
fn agenda() -> Agenda {
    let mut a = crate::testing::hearing();
    a.people = vec![
        someone("kay-buck", Some("Ms."), "Kay Buck"),
        someone("marc-a", Some("Mr."), "Marc Pecsteen"),
        someone("marc-b", Some("Mr."), "Marc Van den Reeck"),
        someone("marcus", None, "Marcus Tullius"),
        someone("francis-k", None, "Francis Kéré"),
        someone("ohara", Some("Ms."), "Gráinne O'Hara"),
        someone("ezeilo", Some("Prof."), "Joy Ngozi Ezeilo"),
    ];
    a
}

fn tags(text: &str) -> Vec<(&str, Link)> {
    parse(text, &agenda())
        .into_iter()
        .map(|Tag { range, link, .. }| (&text[range], link))
        .collect()
}

#[test]
fn a_number_or_an_id_names_a_key_message() {
    assert_eq!(
        tags("#1 and #km3 and #KM4"),
        [
            ("#1", Link::Message(0)),
            ("#km3", Link::Message(2)),
            ("#KM4", Link::Message(3)),
        ]
    );
    let t = parse("see #2", &agenda());
    assert_eq!(t[0].kind, Kind::Message);
    assert_eq!(t[0].range, 4..6);
}

#[test]
fn an_unknown_number_is_unknown_and_a_hashtag_is_text() {
    assert_eq!(
        tags("#9 #0"),
        [("#9", Link::Unknown), ("#0", Link::Unknown)]
    );
    assert_eq!(tags("#hashtag #survivors #kmx"), []);
    // The start of ids: offered, not linked.
    assert_eq!(tags("#km"), [("#km", Link::Ambiguous(vec![0, 1, 2, 3, 4]))]);
    assert_eq!(links("#9 #km #hashtag", &agenda()), (vec![], vec![]));
}

#[test]
fn a_unique_start_of_a_name_or_id_names_a_person() {
    assert_eq!(
        tags("@Buck @kay @KAY-BUCK @b"),
        [
            ("@Buck", Link::Person(0)),
            ("@kay", Link::Person(0)),
            ("@KAY-BUCK", Link::Person(0)),
            ("@b", Link::Person(0)),
        ]
    );
    // Any word of the name, the honorific not counted.
    assert_eq!(tags("@Ngozi"), [("@Ngozi", Link::Person(6))]);
    assert_eq!(tags("@Prof"), [("@Prof", Link::Unknown)]);
}

#[test]
fn an_ambiguous_start_is_not_guessed_and_says_who_it_could_be() {
    assert_eq!(tags("@Mar"), [("@Mar", Link::Ambiguous(vec![1, 2, 3]))]);
    assert_eq!(tags("@Marc"), [("@Marc", Link::Ambiguous(vec![1, 2, 3]))]);
    // A whole word of one of them settles it.
    assert_eq!(tags("@Marcus"), [("@Marcus", Link::Person(3))]);
    assert_eq!(tags("@Pec"), [("@Pec", Link::Person(1))]);
    assert_eq!(links("@Mar @Marc", &agenda()), (vec![], vec![]));
}

#[test]
fn an_unknown_person_is_unknown() {
    assert_eq!(tags("@x"), [("@x", Link::Unknown)]);
    assert_eq!(tags("@Bucks"), [("@Bucks", Link::Unknown)]);
}

#[test]
fn names_in_any_script_and_case() {
    assert_eq!(
        tags("@Ké @kéré @KÉRÉ"),
        [
            ("@Ké", Link::Person(4)),
            ("@kéré", Link::Person(4)),
            ("@KÉRÉ", Link::Person(4)),
        ]
    );
    // Without the accent it is another word.
    assert_eq!(tags("@Kere"), [("@Kere", Link::Unknown)]);
    // A decomposed é (e and a combining acute) stays in the tag.
    assert_eq!(tags("@Ke\u{301}re"), [("@Ke\u{301}re", Link::Unknown)]);
    assert_eq!(
        tags("@Grá @O @OHara @Hara"),
        [
            ("@Grá", Link::Person(5)),
            ("@O", Link::Person(5)),
            ("@OHara", Link::Person(5)),
            ("@Hara", Link::Person(5)),
        ]
    );
}

#[test]
fn punctuation_ends_a_tag() {
    assert_eq!(
        tags("@Buck: (#1), @Buck's point, #2. @Buck-"),
        [
            ("@Buck", Link::Person(0)),
            ("#1", Link::Message(0)),
            ("@Buck", Link::Person(0)),
            ("#2", Link::Message(1)),
            ("@Buck", Link::Person(0)),
        ]
    );
}

#[test]
fn tags_at_the_start_and_end_and_not_inside_words() {
    assert_eq!(
        tags("#1 mail kay@buck.org, C#3 @Buck"),
        [("#1", Link::Message(0)), ("@Buck", Link::Person(0))]
    );
    assert_eq!(tags("@"), []);
    assert_eq!(tags("# @ #. @-"), []);
    assert_eq!(tags(""), []);
}

#[test]
fn links_are_ids_each_once_in_order() {
    let text = "Buck: survivors must lead the response #1 @Buck #km1 @Pec #3";
    assert_eq!(
        links(text, &agenda()),
        (
            vec!["km1".to_owned(), "km3".to_owned()],
            vec!["kay-buck".to_owned(), "marc-a".to_owned()]
        )
    );
}

fn texts(c: &[Choice]) -> Vec<&str> {
    c.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn tab_completes_a_unique_start_to_the_whole_word() {
    let a = agenda();
    let c = complete("said @Bu", 8, &a).expect("a completion");
    assert_eq!(c.range, 5..8);
    assert_eq!(texts(&c.choices), ["@Buck"]);
    assert_eq!(c.choices[0].label, "Ms. Kay Buck");
    // In the middle of the tag, the whole tag is replaced.
    let c = complete("@Buxyz and", 2, &a);
    assert_eq!(
        c.map(|c| (c.range, texts(&c.choices).join(" "))),
        Some((0..6, "@Buck".to_owned()))
    );
    let c = complete("@ké", "@ké".len(), &a).expect("a completion");
    assert_eq!(texts(&c.choices), ["@Kéré"]);
    let c = complete("@oh", 3, &a).expect("a completion");
    assert_eq!(texts(&c.choices), ["@OHara"]);
}

#[test]
fn tab_offers_every_choice_of_an_ambiguous_start() {
    let a = agenda();
    let c = complete("@Mar", 4, &a).expect("a completion");
    // Each choice names one person alone.
    assert_eq!(texts(&c.choices), ["@Pecsteen", "@Reeck", "@Marcus"]);
    for choice in &c.choices {
        assert!(
            matches!(tags(&choice.text)[0].1, Link::Person(_)),
            "{choice:?}"
        );
    }
    let c = complete("#", 1, &a).expect("a completion");
    assert_eq!(texts(&c.choices), ["#1", "#2", "#3", "#4", "#5"]);
    let c = complete("x #km", 5, &a).expect("a completion");
    assert_eq!(c.choices.len(), 5);
    assert_eq!(common_start(&c.choices), "#km");
    assert_eq!(
        common_start(&complete("@Marc", 5, &a).unwrap().choices),
        "@"
    );
}

#[test]
fn nothing_to_complete_outside_a_tag_or_when_nothing_matches() {
    let a = agenda();
    assert_eq!(complete("plain", 5, &a), None);
    assert_eq!(complete("@zz", 3, &a), None);
    assert_eq!(complete("kay@Bu", 6, &a), None);
    assert_eq!(complete("", 0, &a), None);
    // A cursor past the end or inside a character is taken back.
    assert!(complete("@ké", 99, &a).is_some());
    assert!(complete("@ké", 3, &a).is_some());
}
