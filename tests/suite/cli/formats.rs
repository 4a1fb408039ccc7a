//! The binary on schedule.json files: list, validate and convert work on
//! them, and a broken one gets the same clear errors as a broken dais/1
//! file (file name, JSON path, line and column, exit status 1).

use crate::support::harness::Home;

use std::path::{Path, PathBuf};
use std::process::Output;

fn dais(args: &[&str]) -> Output {
    Home::new()
        .command()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schedule-json")
        .join(name)
        .display()
        .to_string()
}

fn bundled() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/hearing-2017-06-23.json")
        .display()
        .to_string()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

#[test]
fn list_validate_and_convert_work_on_schedule_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, counts, warnings) in [
        ("pretalx-style.json", "4 sessions, 2 people", 2),
        ("schedule2-style.json", "2 sessions, 4 people", 0),
    ] {
        let f = fixture(name);
        let out = dais(&["validate", &f]);
        assert!(out.status.success(), "{}", text(&out.stdout));
        let report = text(&out.stdout);
        let summary = format!("ok: {counts}, 0 key messages");
        assert!(report.starts_with(&format!("{f}: {summary}")), "{report}");
        assert_eq!(
            report.matches("\n  warning: ").count(),
            warnings,
            "{report}"
        );

        let listed = dais(&["list", &f]);
        assert!(listed.status.success());
        let converted = dir.path().join(format!("{name}.dais.json"));
        let c = converted.display().to_string();
        let out = dais(&["convert", &f, "-o", &c]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert_eq!(stderr.matches("warning: ").count(), warnings, "{stderr}");
        let again = dais(&["validate", &c]);
        assert_eq!(text(&again.stdout), format!("{c}: {summary}\n"));
        assert_eq!(text(&dais(&["list", &c]).stdout), text(&listed.stdout));
    }
}

#[test]
fn convert_writes_to_stdout_by_default() {
    let out = dais(&["convert", &fixture("schedule2-style.json")]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "dais/1");
    assert_eq!(json["sessions"][0]["room"], "Hall One");
}

#[test]
fn convert_writes_the_same_document_to_a_file_as_to_stdout_and_list_json() {
    // convert writes a session at a time; list --format json makes the text
    // whole: the two agree, to standard output and to a file.
    let x_keys = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/x_keys.json")
        .display()
        .to_string();
    let dir = tempfile::tempdir().unwrap();
    for source in [bundled(), x_keys, fixture("pretalx-style.json")] {
        let out = dais(&["convert", &source]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let listed = dais(&["list", "--format", "json", &source]);
        assert_eq!(text(&out.stdout), text(&listed.stdout), "{source}");
        let file = dir.path().join("out.json");
        let to_file = dais(&["convert", &source, "-o", &file.display().to_string()]);
        assert!(to_file.status.success(), "{}", text(&to_file.stderr));
        assert_eq!(std::fs::read(&file).unwrap(), out.stdout, "{source}");
    }
}

/// The first problem line of `dais validate` for a file.
fn first_error(path: &str) -> String {
    let out = dais(&["validate", path]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let report = text(&out.stdout);
    let line = report
        .lines()
        .nth(1)
        .expect("a problem line")
        .trim()
        .to_owned();
    // dais list says the same, on stderr, and fails too.
    let listed = dais(&["list", path]);
    assert_eq!(listed.status.code(), Some(1));
    assert!(text(&listed.stderr).contains(line.trim_start_matches("error: ")));
    line
}

#[test]
fn truncated_files_name_the_line_and_column_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in [
        (
            "schedule.json",
            std::fs::read_to_string(fixture("pretalx-style.json")).unwrap(),
        ),
        ("agenda.json", std::fs::read_to_string(bundled()).unwrap()),
    ] {
        let cut = &source[..source.len() / 2];
        let path = write(dir.path(), name, cut);
        let lines = cut.lines().count();
        let line = first_error(&path);
        let prefix = format!("error: {path}:{lines}:");
        assert!(line.starts_with(&prefix), "{line}");
        assert!(
            line.contains(": malformed JSON: the file ends early"),
            "{line}"
        );
    }
}

#[test]
fn wrong_types_name_the_json_path_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let mut schedule: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("schedule2-style.json")).unwrap())
            .unwrap();
    schedule["schedule"]["events"][1]["title"] = 5.into();
    let path = write(dir.path(), "schedule.json", &schedule.to_string());
    assert_eq!(
        first_error(&path),
        format!("error: {path}: schedule.events[1].title: expected a string, found a number")
    );
    let mut agenda: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bundled()).unwrap()).unwrap();
    agenda["sessions"][1]["title"] = 5.into();
    let path = write(dir.path(), "agenda.json", &agenda.to_string());
    assert_eq!(
        first_error(&path),
        format!("error: {path}: sessions[1].title: expected a string, found a number")
    );
}

#[test]
fn json_of_another_kind_is_refused_naming_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "other.json", r#"{"talks": []}"#);
    let line = first_error(&path);
    assert!(
        line.starts_with(&format!("error: {path}: not an agenda dais reads")),
        "{line}"
    );
}
