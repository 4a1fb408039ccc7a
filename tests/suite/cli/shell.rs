//! `dais completions` and `dais man` as processes: a bash that sources the
//! completion script completes dais's subcommands and options, each shell
//! gets a script, and the manual pages are written as the paths printed.

use crate::support::harness::{Home, dais};

use std::process::Command;

/// What bash's completion offers for `words`, the last being completed,
/// with the script `dais completions bash` printed sourced.
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("dais.bash");
    std::fs::write(&file, script).expect("write the script");
    let words = words.join(" ");
    let out = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            // The function bash would call for `dais`, as the script
            // registered it (not `_dais` by name: a script that defines it
            // but registers it for another command completes nothing).
            r#"source "$1"; spec=$(complete -p dais) || exit 3; spec=${spec#* -F }; fn=${spec%% *};
               read -r -a COMP_WORDS <<< "$2"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));
               "$fn" dais "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}";
               printf '%s\n' "${COMPREPLY[@]}""#,
        ])
        .arg("completion-test")
        .arg(&file)
        .arg(&words)
        .env("HOME", dir.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_their_options() {
    let run = dais(&["completions", "bash"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(bash_completes(&run.stdout, &["dais", "li"]), ["list"]);
    assert_eq!(bash_completes(&run.stdout, &["dais", "va"]), ["validate"]);
    assert_eq!(
        bash_completes(&run.stdout, &["dais", "export", "ics", "--se"]),
        ["--session"]
    );
    assert_eq!(
        bash_completes(&run.stdout, &["dais", "list", "--format", "ma"]),
        ["markdown"]
    );
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = dais(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {run:?}");
        for sub in ["list", "now", "validate", "convert", "export", "man"] {
            assert!(run.stdout.contains(sub), "{shell} script without {sub}");
        }
    }
    let run = dais(&["completions", "nosh"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("invalid value 'nosh'"), "{run:?}");
}

#[test]
fn man_prints_the_page_and_writes_one_per_subcommand() {
    let run = dais(&["man"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = &run.stdout;
    assert!(page.contains("\n.TH dais 1 "), "{page}");
    assert!(
        page.contains("\n.SH NAME\ndais \\- Browse a meeting"),
        "{page}"
    );
    assert!(page.contains("\n.SH SYNOPSIS\n"), "{page}");
    assert!(page.contains("dais\\-validate(1)"), "{page}");

    let home = Home::new();
    let out = home.path().join("man1");
    std::fs::create_dir(&out).expect("mkdir");
    let run = home.run(home.path(), &["man", "--dir", "man1"], None);
    assert_eq!(run.code, 0, "{run:?}");
    let listed: Vec<&str> = run.stdout.lines().collect();
    for name in [
        "dais",
        "dais-list",
        "dais-now",
        "dais-config",
        "dais-export-ics",
    ] {
        let file = format!("man1/{name}.1");
        assert!(listed.contains(&file.as_str()), "{file} in {listed:?}");
        let text = std::fs::read_to_string(home.path().join(&file)).expect("written");
        assert!(text.contains(&format!("\n.TH {name} 1 ")), "{file}: {text}");
    }
    let mut on_disk: Vec<_> = std::fs::read_dir(&out).expect("read").flatten().collect();
    on_disk.retain(|e| e.path().extension().is_some_and(|x| x == "1"));
    assert_eq!(on_disk.len(), listed.len(), "{listed:?}");
    // A directory that is not there is a clear error.
    let run = home.run(home.path(), &["man", "--dir", "missing/dir"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("dais: cannot write manual pages to missing/dir:"),
        "{run:?}"
    );
}
