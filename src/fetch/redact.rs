//! URLs as messages may show them: credentials hidden, nothing a terminal
//! would act on.
//!
//! A URL can carry secrets in two places: its user information
//! (`https://user:password@host/`) and its query (`?token=…`). Every
//! message, banner, cache record and export that shows a URL shows
//! [`redact`]'s version of it, never the URL as given.

use crate::sanitize::{Lines, clean};

/// What a hidden secret is shown as.
const HIDDEN: &str = "***";

/// Query parameters whose values are secrets: any name containing one of
/// these, in any case (`token`, `access_token`, `api_key`, `apikey`…).
const SECRET_NAMES: &[&str] = &[
    "token", "key", "secret", "pass", "pwd", "auth", "sig", "session", "cred",
];

/// `url` with its password (or a user name given alone, often a token) and
/// the values of secret-looking query parameters replaced by `***`, and
/// control characters removed: `https://user:***@host/s.json?token=***`.
pub fn redact(url: &str) -> String {
    let (scheme, rest) = match url.find("://") {
        Some(i) => url.split_at(i + 3),
        None => ("", url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let mut out = String::with_capacity(url.len());
    out.push_str(scheme);
    match authority.rfind('@') {
        Some(at) => {
            let (info, host) = (&authority[..at], &authority[at..]);
            match info.split_once(':') {
                Some((user, _)) => {
                    out.push_str(user);
                    out.push(':');
                    out.push_str(HIDDEN);
                }
                None => out.push_str(HIDDEN),
            }
            out.push_str(host);
        }
        None => out.push_str(authority),
    }
    let (before_fragment, fragment) = match tail.find('#') {
        Some(i) => tail.split_at(i),
        None => (tail, ""),
    };
    match before_fragment.split_once('?') {
        Some((path, query)) => {
            out.push_str(path);
            out.push('?');
            for (i, pair) in query.split('&').enumerate() {
                if i > 0 {
                    out.push('&');
                }
                match pair.split_once('=') {
                    Some((name, _)) if is_secret(name) => {
                        out.push_str(name);
                        out.push('=');
                        out.push_str(HIDDEN);
                    }
                    _ => out.push_str(pair),
                }
            }
        }
        None => out.push_str(before_fragment),
    }
    out.push_str(fragment);
    clean(&out, Lines::Single)
}

/// Whether a query parameter's name says its value is a secret.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_NAMES.iter().any(|s| name.contains(s))
}

/// Whether `s` names a resource dais fetches over the network rather than
/// a file: it starts with `http://` or `https://` (in any case).
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::{is_url, redact};

    #[test]
    fn a_password_is_hidden_and_the_user_kept() {
        assert_eq!(
            redact("https://ana:s3cret@example.org/s.json"),
            "https://ana:***@example.org/s.json"
        );
    }

    #[test]
    fn a_user_name_alone_is_taken_for_a_token() {
        assert_eq!(
            redact("https://ghp_abc@example.org/s.json"),
            "https://***@example.org/s.json"
        );
    }

    #[test]
    fn secret_query_values_are_hidden_and_the_rest_kept() {
        assert_eq!(
            redact("https://h/s.json?day=1&token=abc&API_KEY=x&access_token=y&lang=en#top"),
            "https://h/s.json?day=1&token=***&API_KEY=***&access_token=***&lang=en#top"
        );
        assert_eq!(redact("http://h/p?key=1"), "http://h/p?key=***");
    }

    #[test]
    fn an_at_sign_in_the_path_is_not_a_password() {
        assert_eq!(redact("https://h/@user/s.json"), "https://h/@user/s.json");
    }

    #[test]
    fn control_characters_never_survive() {
        assert_eq!(
            redact("https://h/\u{1b}[2Js.json?x=\u{202e}1"),
            "https://h/s.json?x=1"
        );
    }

    #[test]
    fn only_http_and_https_are_urls() {
        assert!(is_url("http://h/s.json"));
        assert!(is_url("HTTPS://h/s.json"));
        assert!(!is_url("ftp://h/s.json"));
        assert!(!is_url("schedule.json"));
        assert!(!is_url("http"));
        assert!(!is_url("./http://x"));
    }
}
