//! `dais completions` and `dais man`: what shells and `man` need, generated
//! from the command line's own definition so they never drift from it.

use crate::cli::Cli;
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dais", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The command as the manual describes it: built (so subcommands are
/// named `dais-list`…), without clap's `help` subcommand.
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The manual page dais(1), as roff.
pub fn man_page() -> String {
    let mut out = Vec::new();
    clap_mangen::Man::new(command())
        .render(&mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes dais.1 and a page per subcommand (dais-list.1, dais-export-ics.1…)
/// into `dir`; returns the files written.
pub fn write_man_pages(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    write_pages(&command(), dir, &mut written).map_err(|e| {
        format!(
            "cannot write manual pages to {}: {e}",
            crate::load::file_name(dir)
        )
    })?;
    Ok(written)
}

fn write_pages(cmd: &clap::Command, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    out.push(clap_mangen::Man::new(cmd.clone()).generate_to(dir)?);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{completions, man_page, write_man_pages};
    use clap_complete::Shell;

    #[test]
    fn completions_know_the_subcommands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = completions(shell);
            for sub in [
                "list",
                "validate",
                "convert",
                "export",
                "completions",
                "man",
            ] {
                assert!(script.contains(sub), "{shell}: {sub}");
            }
        }
        assert!(completions(Shell::Bash).contains("--session"));
    }

    #[test]
    fn the_man_page_is_roff_naming_the_subcommands() {
        let page = man_page();
        assert!(page.contains(".TH dais 1"), "{}", &page[..80]);
        assert!(page.contains("5 or v the grid"), "the views and their keys");
        assert!(page.contains("4 or w your notes"), "the notes view");
        assert!(page.contains("dais\\-notes"), "dais notes");
        for sub in [
            "dais\\-validate(1)",
            "dais\\-convert(1)",
            "dais\\-export(1)",
        ] {
            assert!(page.contains(sub), "{sub}");
        }
        assert!(!page.contains("dais\\-help"));
    }

    #[test]
    fn the_man_page_documents_my_programme_keys_options_and_settings() {
        let page = man_page();
        for text in [
            "* or f stars",
            "x hides",
            "X shows hidden",
            "o shows only the starred",
            "z switches every time",
            "remind_minutes = 5",
            "notify = \"auto\"",
            "dais\\-star(1)",
            "dais\\-hide(1)",
            "\\-\\-starred",
            "\\-\\-all",
            "\\-\\-tz",
        ] {
            assert!(page.contains(text), "{text:?} is not in:\n{page}");
        }
    }

    #[test]
    fn every_page_is_written_to_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let pages = write_man_pages(dir.path()).unwrap();
        let names: Vec<String> = pages
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for name in [
            "dais.1",
            "dais-list.1",
            "dais-export.1",
            "dais-export-ics.1",
        ] {
            assert!(names.contains(&name.to_owned()), "{names:?}");
        }
        let ics = std::fs::read_to_string(dir.path().join("dais-export-ics.1")).unwrap();
        assert!(ics.contains("\\-\\-session"));
    }
}
