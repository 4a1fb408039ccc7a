//! `dais config` and `--config` as processes: the commented default file,
//! where the file is read from, a file checked (each problem with its
//! line, column and key; exit status 1), and a file named on the command
//! line read by `now`.

use crate::support::harness::Home;

use std::path::{Path, PathBuf};

/// The config file dais reads by default in `home`.
fn default_file(home: &Home) -> PathBuf {
    home.config_dir().join("dais").join("config.toml")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write the config");
}

/// A config with one problem of each kind, on known lines.
const BAD: &str = "theme = \"purple\"\n[keys]\nquit = [\"Bogus-key\"]\nlater = \"x\"\nup = \"x\"\n";

#[test]
fn default_prints_every_setting_and_reads_back_clean() {
    let home = Home::new();
    let run = home.dais(&["config", "--default"]);
    assert_eq!(run.code, 0, "{run:?}");
    let text = &run.stdout;
    assert!(text.starts_with("# dais configuration."), "{text}");
    assert!(text.contains("\ntheme = \"dark\"\n"), "{text}");
    for line in ["up = [\"Up\", \"k\"]", "quit = [\"q\"", "later = [\"+\""] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
    // Saved where dais looks, it checks clean.
    write(&default_file(&home), text);
    let check = home.dais(&["config"]);
    assert_eq!(check.code, 0, "{check:?}");
    assert_eq!(
        check.stderr, "",
        "no setting of the default file is unknown"
    );
    assert_eq!(
        check.stdout,
        format!("{}: ok\n", default_file(&home).display())
    );
}

#[test]
fn path_is_the_xdg_config_home_or_the_file_named() {
    let home = Home::new();
    let run = home.dais(&["config", "--path"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, format!("{}\n", default_file(&home).display()));
    let run = home.dais(&["config", "--path", "--config", "elsewhere.toml"]);
    assert_eq!(run.stdout, "elsewhere.toml\n");
    // Asking for both is refused by the command line.
    let run = home.dais(&["config", "--path", "--default"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn checking_a_bad_file_names_each_problem_and_fails() {
    let home = Home::new();
    let file = home.path().join("bad.toml");
    write(&file, BAD);
    let dir = home.path();
    let run = home.run(dir, &["config", "--config", "bad.toml"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr,
        "bad.toml:1:9: theme: unknown theme \"purple\"; expected one of dark, light, \
         high-contrast; using dark\n\
         bad.toml:3:8: keys.quit: unknown key \"Bogus-key\"; using the default keys for quit\n\
         bad.toml:5:6: keys.up: key x is also bound to later; using the defaults for both\n"
    );
    // The same file at the default place is checked there.
    write(&default_file(&home), BAD);
    let run = home.dais(&["config"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(&format!(
            "{}:1:9: theme: unknown theme",
            default_file(&home).display()
        )),
        "{run:?}"
    );
}

#[test]
fn a_missing_file_is_fine_by_default_and_an_error_when_named() {
    let home = Home::new();
    let run = home.dais(&["config"]);
    assert_eq!(run.code, 0, "{run:?}");
    // Said as absent, not as a file that checked clean.
    let absent = format!(
        "{}: no config file; the defaults apply\n",
        default_file(&home).display()
    );
    assert_eq!(run.stdout, absent, "{run:?}");
    let run = home.run(home.path(), &["config", "--config", "nope.toml"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("nope.toml: cannot read the config: No such file or directory"),
        "{run:?}"
    );
}

#[test]
fn now_reads_the_file_named_by_config_and_says_what_is_wrong() {
    let home = Home::new();
    write(&home.path().join("bad.toml"), BAD);
    let run = home.run(
        home.path(),
        &["now", "--at", "11:05", "--config", "bad.toml"],
        None,
    );
    assert_eq!(run.code, 0, "a bad config never stops dais: {run:?}");
    assert_eq!(
        run.stdout,
        "Panel 1 · 40 min left · next Panel 2 at 11:45\n"
    );
    assert!(
        run.stderr
            .starts_with("dais: bad.toml:1:9: theme: unknown theme"),
        "{run:?}"
    );
    // The default file is not read when another is named.
    write(&default_file(&home), "theme = \"mauve\"\n");
    let run = home.run(
        home.path(),
        &["now", "--at", "11:05", "--config", "bad.toml"],
        None,
    );
    assert!(!run.stderr.contains("mauve"), "{run:?}");
    let run = home.dais(&["now", "--at", "11:05"]);
    assert!(run.stderr.contains("unknown theme \"mauve\""), "{run:?}");
}
