//! docs/agenda.schema.json agrees with the loader: it accepts the bundled
//! hearing, every valid fixture and dais's own JSON output, and rejects the
//! broken fixtures it can judge from one value at a time.

use crate::support::harness;

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;
use std::path::Path;

struct Schema {
    schemas: Schemas,
    index: SchemaIndex,
}

impl Schema {
    fn load() -> Self {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/agenda.schema.json");
        let mut schemas = Schemas::new();
        let index = Compiler::new()
            .compile(path.to_str().expect("UTF-8 path"), &mut schemas)
            .unwrap_or_else(|e| panic!("the schema compiles: {e:#}"));
        Schema { schemas, index }
    }

    /// Why `doc` fails the schema, or `None` if it passes.
    fn check(&self, doc: &Value) -> Option<String> {
        self.schemas
            .validate(doc, self.index)
            .err()
            .map(|e| format!("{e}"))
    }

    fn accepts(&self, what: &str, doc: &Value) {
        if let Some(why) = self.check(doc) {
            panic!("{what} should pass the schema:\n{why}");
        }
    }

    fn rejects(&self, what: &str, doc: &Value) -> String {
        self.check(doc)
            .unwrap_or_else(|| panic!("{what} should fail the schema"))
    }
}

fn fixture(name: &str) -> Value {
    serde_json::from_str(&harness::fixture_text(name)).expect("fixture is JSON")
}

#[test]
fn the_bundled_hearing_passes() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/hearing-2017-06-23.json"),
    )
    .expect("bundled file");
    assert_eq!(text, dais::load::BUNDLED, "the embedded copy is the file");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    Schema::load().accepts("the bundled hearing", &doc);
}

#[test]
fn the_valid_fixtures_pass() {
    let schema = Schema::load();
    for name in [
        "minimal.json",
        "x_keys.json",
        "two_day_berlin.json",
        "fall_back_berlin.json",
        "hostile_text.json",
        "as_printed.json",
        "warnings/overlap.json",
        "warnings/earlier_start.json",
    ] {
        assert!(harness::load(name).is_ok(), "{name} loads");
        schema.accepts(name, &fixture(name));
    }
}

#[test]
fn dais_list_json_output_passes() {
    let schema = Schema::load();
    for args in [
        vec!["list", "--format", "json"],
        vec!["list", "--format", "json", "two_day_berlin.json"],
    ] {
        let run = harness::dais(&args);
        assert_eq!(run.code, 0, "{run:?}");
        let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
        schema.accepts(&format!("dais {args:?}"), &doc);
    }
}

#[test]
fn an_unknown_key_and_a_bad_enum_fail() {
    let schema = Schema::load();
    let mut doc = fixture("minimal.json");
    schema.accepts("minimal.json", &doc);
    doc["sessions"][1]["panelists"] = Value::Array(vec![]);
    let why = schema.rejects("a session with `panelists`", &doc);
    assert!(why.contains("panelists"), "{why}");

    let mut doc = fixture("minimal.json");
    doc["sessions"][1]["kind"] = "workshop".into();
    schema.rejects("kind \"workshop\"", &doc);

    let mut doc = fixture("minimal.json");
    doc["sessions"][0]["participants"][0]["role"] = "panelist".into();
    schema.rejects("role \"panelist\"", &doc);

    // x- keys are fine wherever the format allows them.
    let mut doc = fixture("minimal.json");
    doc["sessions"][1]["x-panelists"] = Value::Array(vec![]);
    schema.accepts("an x- key", &doc);
}

#[test]
fn broken_fixtures_the_schema_can_judge_fail() {
    let schema = Schema::load();
    for name in [
        "unknown_key_in_session",
        "unknown_key_at_top",
        "unknown_format",
        "unknown_kind",
        "unknown_role",
        "unknown_appearance",
        "wrong_type",
        "missing_key",
        "invalid_time",
        "invalid_session_date",
        "no_sessions",
        "array_for_object",
        "three_problems",
        "escapes_in_errors",
    ] {
        let name = format!("errors/{name}.json");
        assert!(harness::load(&name).is_err(), "{name} is refused by dais");
        schema.rejects(&name, &fixture(&name));
    }
}

#[test]
fn the_schema_leaves_cross_checks_to_dais() {
    // What docs/agenda-format.md says the schema cannot check: unique ids,
    // references, time order, real dates and zones, daylight-saving gaps.
    // These pass the schema, and dais refuses every one.
    let schema = Schema::load();
    for name in [
        "duplicate_session_id",
        "duplicate_key_message_id",
        "unknown_person",
        "unknown_key_message",
        "end_before_start",
        "end_at_start",
        "last_session_without_end",
        "dst_gap",
        "invalid_timezone",
        "invalid_date",
    ] {
        let name = format!("errors/{name}.json");
        assert!(harness::load(&name).is_err(), "{name} is refused by dais");
        schema.accepts(&name, &fixture(&name));
    }
}
