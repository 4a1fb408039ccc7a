//! The command line: exit status 0 on success, 1 on invalid input, 2 on a
//! usage error; what `dais validate` and `dais list` print.

use crate::support::harness;

use harness::dais;

const HEARING_OK: &str = "hearing-2017-06-23.json: ok: 7 sessions, 26 people, 5 key messages\n";

/// The bundled data file, relative to the fixtures directory dais runs in.
const HEARING_FILE: &str = "../../data/hearing-2017-06-23.json";

#[test]
fn validate_prints_one_line_per_valid_file() {
    let run = dais(&["validate", HEARING_FILE, "minimal.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        format!(
            "../../data/{HEARING_OK}\
             minimal.json: ok: 2 sessions, 2 people, 1 key message\n"
        )
    );
    assert!(run.stderr.is_empty(), "{run:?}");
}

#[test]
fn validate_fails_if_any_file_is_invalid_and_still_checks_the_rest() {
    let run = dais(&[
        "validate",
        "errors/wrong_type.json",
        "minimal.json",
        "errors/three_problems.json",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "errors/wrong_type.json: invalid: 1 problem");
    assert_eq!(
        lines[1],
        "  error: errors/wrong_type.json: sessions[1].title: expected a string, found a number"
    );
    assert_eq!(
        lines[2],
        "minimal.json: ok: 2 sessions, 2 people, 1 key message"
    );
    assert_eq!(lines[3], "errors/three_problems.json: invalid: 3 problems");
    assert_eq!(lines.len(), 7, "{}", run.stdout);
}

#[test]
fn list_of_an_invalid_file_names_file_path_and_problem_on_stderr() {
    let run = dais(&["list", "errors/missing_key.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "nothing is shown half-loaded");
    assert_eq!(
        run.stderr,
        "errors/missing_key.json: sessions[1].kind: missing required key; expected a string\n"
    );
    let run = dais(&["list", "errors/malformed.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "errors/malformed.json:5:5: malformed JSON: expected `,` or `}`\n"
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        vec!["--bogus"],
        vec!["list", "--bogus"],
        vec!["list", "--format", "yaml"],
        vec!["validate"],
        vec!["validate", "--max-size", "lots", "minimal.json"],
    ] {
        let run = dais(&args);
        assert_eq!(run.code, 2, "dais {args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "dais {args:?}: {run:?}");
        assert!(run.stderr.starts_with("error: "), "dais {args:?}: {run:?}");
    }
}

#[test]
fn list_defaults_to_the_bundled_hearing_as_text() {
    let plain = dais(&["list"]);
    assert_eq!(plain.code, 0, "{plain:?}");
    assert_eq!(dais(&[]).stdout, plain.stdout, "bare `dais` lists too");
    assert_eq!(dais(&["list", "--format", "text"]).stdout, plain.stdout);
    let out = &plain.stdout;
    assert!(out.starts_with(
        "Informal Interactive Multi-stakeholder Hearing\n\
         In support of the preparatory process"
    ));
    assert!(out.contains(
        "\nFriday 23 June 2017 · Conference Room 4, United Nations Headquarters, New York · America/New_York\n"
    ));
    assert!(out.contains(
        "\n10:00-10:15  Opening of the Informal Interactive Multi-stakeholder Hearing\n\
         \x20            Chair\n\
         \x20              Mr. Peter Thomson, President of the General Assembly\n"
    ));
    assert!(out.contains(
        "               Mr. Yury Fedotov, UNODC Executive Director (ICAT Coordinator) [video message]\n"
    ));
    assert!(out.contains("\n17:50-18:00  Closing of the hearing"));
}

#[test]
fn list_through_a_pipe_has_no_escape_codes() {
    for format in ["text", "markdown", "json"] {
        let run = dais(&["list", "--format", format]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(!run.stdout.contains('\u{1b}'), "{format}");
        harness::assert_terminal_safe(format, &run.stdout);
    }
}

#[test]
fn list_a_file_given_by_name() {
    let run = dais(&["minimal.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .starts_with("Small meeting\nThursday 2 May 2024 · Europe/London\n")
    );
    assert_eq!(dais(&["list", "minimal.json"]).stdout, run.stdout);
}

#[test]
fn markdown_output() {
    let run = dais(&["list", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    assert!(out.starts_with("# Informal Interactive Multi-stakeholder Hearing\n\n"));
    for part in [
        "\n*Friday 23 June 2017 · Conference Room 4, United Nations Headquarters, New York · America/New\\_York*\n",
        "\n## Morning Meeting\n",
        "\n## Afternoon Meeting\n",
        "\n**10:00-10:15** Opening of the Informal Interactive Multi-stakeholder Hearing\n",
        "\n- Chair:\n  - Mr. Peter Thomson, President of the General Assembly\n",
        "  - Mr. Yury Fedotov, UNODC Executive Director (ICAT Coordinator) \\[video message\\]\n",
        "\n*Interactive Q and A*\n",
        "- Moderators:\n  - Mr. Claudio Formisano, Executive Programme Officer, OSCE\n",
        "- Key messages:\n  - 1\\. Enshrine a victim-centred and survivor-based approach\n",
    ] {
        assert!(out.contains(part), "{part:?} in\n{out}");
    }
    // One heading per part, not per session.
    assert_eq!(out.matches("## Morning Meeting").count(), 1);
}

#[test]
fn max_size_applies_to_list_and_validate() {
    let size = std::fs::metadata(harness::fixture("minimal.json"))
        .expect("fixture")
        .len();
    let limit = (size - 1).to_string();
    for args in [
        vec!["list", "--max-size", &limit, "minimal.json"],
        // After the subcommand: before it, clap takes `validate` for a FILE
        // (args_conflicts_with_subcommands), a known quirk left to cli.rs.
        vec!["validate", "--max-size", &limit, "minimal.json"],
        vec!["--max-size", &limit, "minimal.json"],
    ] {
        let run = dais(&args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(&format!("the file is {size} bytes")), "{all}");
    }
    let fits = size.to_string();
    assert_eq!(dais(&["list", "--max-size", &fits, "minimal.json"]).code, 0);
}

#[test]
fn help_and_version_succeed() {
    let help = dais(&["--help"]);
    assert_eq!(help.code, 0, "{help:?}");
    assert!(help.stdout.contains("validate"));
    let version = dais(&["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout,
        format!("dais {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_dash_reads_the_agenda_from_standard_input() {
    let minimal = harness::fixture_text("minimal.json");
    let run = harness::dais_fed(&["validate", "-"], minimal.as_bytes());
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "<stdin>: ok: 2 sessions, 2 people, 1 key message\n"
    );
    // What the file would list, the same from a pipe.
    let listed = harness::dais_fed(&["list", "-"], minimal.as_bytes());
    assert_eq!(listed.code, 0, "{listed:?}");
    assert_eq!(listed.stdout, dais(&["list", "minimal.json"]).stdout);
    // With no subcommand and no terminal, the programme is listed.
    let bare = harness::dais_fed(&["-"], minimal.as_bytes());
    assert_eq!(bare.stdout, listed.stdout);
    let converted = harness::dais_fed(&["convert", "-"], minimal.as_bytes());
    assert_eq!(converted.code, 0, "{converted:?}");
    assert!(converted.stdout.contains("\"format\": \"dais/1\""));
}

#[test]
fn a_broken_agenda_on_standard_input_is_named_as_such() {
    let run = harness::dais_fed(&["list", "-"], b"{\n  \"format\": \"dais/1\",\n");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(
        run.stderr.starts_with("<stdin>:3:1: malformed JSON"),
        "{}",
        run.stderr
    );
    // Larger than the limit: refused, without reading on forever.
    let big = vec![b' '; 2000];
    let run = harness::dais_fed(&["validate", "--max-size", "1000", "-"], &big);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("<stdin>: more than the limit of 1000 bytes came in"),
        "{}",
        run.stdout
    );
}
