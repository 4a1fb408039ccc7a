use super::speaker_line;

#[test]
fn a_speaker_line_names_the_speakers() {
    assert_eq!(
        speaker_line("Speaker: Joel Addison\nOpening Remarks"),
        (vec!["Joel Addison"], "Opening Remarks")
    );
    assert_eq!(
        speaker_line("Speakers: A/Prof Ann, Bo Li and Cy & Di\n\nText"),
        (vec!["A/Prof Ann", "Bo Li", "Cy", "Di"], "Text")
    );
    assert_eq!(speaker_line("Speaker:\nx"), (vec![], "Speaker:\nx"));
    assert_eq!(speaker_line("Our speaker: A"), (vec![], "Our speaker: A"));
}
