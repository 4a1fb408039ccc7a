//! The closed vocabularies of the format: session kinds, roles, appearances.

use std::fmt;

/// What sort of programme item a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Opening of the meeting.
    Opening,
    /// Statements.
    Statements,
    /// A panel discussion.
    Panel,
    /// A break.
    Break,
    /// Closing of the meeting.
    Closing,
    /// Anything else.
    Other,
}

/// What a participant does in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Chairs or presides.
    Chair,
    /// Makes a statement.
    Speaker,
    /// Sits on the panel.
    Panellist,
    /// Moderates.
    Moderator,
}

/// How a participant appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Appearance {
    /// In the room.
    #[default]
    InPerson,
    /// By video message.
    Video,
}

macro_rules! vocabulary {
    ($ty:ty { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];

            /// The word the format uses for it.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $word),+ }
            }

            /// Parses the format's word.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($word => Some(<$ty>::$variant),)+ _ => None }
            }

            /// The format's words, for error messages: `a, b or c`.
            pub fn expected() -> String {
                let words: Vec<String> = Self::ALL.iter().map(|v| format!("`{}`", v.as_str())).collect();
                let (last, rest) = words.split_last().expect("non-empty vocabulary");
                format!("{} or {last}", rest.join(", "))
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(Kind {
    Opening => "opening",
    Statements => "statements",
    Panel => "panel",
    Break => "break",
    Closing => "closing",
    Other => "other",
});

vocabulary!(Role {
    Chair => "chair",
    Speaker => "speaker",
    Panellist => "panellist",
    Moderator => "moderator",
});

vocabulary!(Appearance {
    InPerson => "in_person",
    Video => "video",
});

impl Role {
    /// The heading for a group of participants with this role.
    pub fn plural_label(self) -> &'static str {
        match self {
            Role::Chair => "Chair",
            Role::Speaker => "Speakers",
            Role::Panellist => "Panellists",
            Role::Moderator => "Moderators",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Appearance, Kind, Role};

    #[test]
    fn words_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(*k));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Appearance::parse("video"), Some(Appearance::Video));
        assert_eq!(Role::parse("panelist"), None);
    }

    #[test]
    fn expected_lists_every_word() {
        assert_eq!(Appearance::expected(), "`in_person` or `video`");
        assert!(Role::expected().starts_with("`chair`, `speaker`"));
    }
}
