//! The prose of synthetic agendas: topics, titles, notes, descriptions and
//! key message paragraphs, assembled from fixed phrases.

use super::Rng;
use super::names::country;
use crate::agenda::Kind;

const TOPICS: &[&str] = &[
    "Financing for sustainable development",
    "Protecting and assisting victims of trafficking",
    "Climate adaptation in small island developing States",
    "Digital cooperation and the governance of artificial intelligence",
    "Migration, labour and decent work",
    "Access to justice and effective remedies",
    "Preventing forced labour in supply chains",
    "Partnerships with the private sector",
    "Data, statistics and monitoring",
    "Gender equality and the empowerment of women and girls",
    "Education in emergencies",
    "Water, sanitation and health",
    "Early warning systems for all",
    "Youth participation in decision-making",
    "Indigenous peoples' rights and traditional knowledge",
    "Ocean conservation and sustainable fisheries",
    "Urban resilience and housing",
    "Food security and nutrition",
    "Anti-corruption and illicit financial flows",
    "Cooperation between courts and prosecutors",
];

const GROUPS: &[&str] = &[
    "Member States",
    "observer States and organizations",
    "civil society representatives",
    "regional groups",
    "national human rights institutions",
    "the co-facilitators",
];

const NOTES: &[&str] = &[
    "Interactive Q and A",
    "Interventions from the floor, three minutes each",
    "Interpretation in the six official languages",
    "Webcast live on UN Web TV",
    "Closed meeting",
    "Hybrid format",
    "Statements by video message",
];

const CAPACITIES: &[&str] = &[
    "on behalf of the Group of 77 and China",
    "on behalf of the European Union",
    "on behalf of the African Group",
    "Co-facilitator",
    "Rapporteur",
    "2017 ICAT Chair",
    "Vice-President of the General Assembly",
];

const CLAUSES: &[&str] = &[
    "will examine how commitments are turned into results on the ground",
    "reviews progress since the last meeting and identifies remaining gaps",
    "brings together practitioners, survivors and policy makers",
    "focuses on lessons learned and good practices that can be replicated",
    "considers the resources needed to sustain the work over the coming decade",
    "looks at the role of regional organizations and national institutions",
    "is expected to produce concrete recommendations for the political declaration",
];

const FOLLOW_UPS: &[&str] = &[
    "Speakers are requested to keep their remarks to five minutes.",
    "A summary will be circulated to all delegations after the meeting.",
    "Written contributions may be submitted to the secretariat in advance.",
    "Participants are encouraged to share data and concrete examples.",
    "The discussion will build on the outcome of the previous session.",
];

const DRIVERS: &[&str] = &[
    "sustained and predictable funding",
    "the meaningful participation of those most affected",
    "reliable data disaggregated by sex and age",
    "cooperation across borders and sectors",
    "strong and independent national institutions",
];

/// A topic for a panel or key message.
pub fn topic(rng: &mut Rng) -> &'static str {
    rng.word(TOPICS)
}

/// A title fitting the session kind; `n` numbers panels within the day.
pub fn title(rng: &mut Rng, kind: Kind, n: usize, afternoon: bool) -> String {
    let meeting = if afternoon { "afternoon" } else { "morning" };
    match kind {
        Kind::Opening => format!("Opening of the {meeting} meeting"),
        Kind::Statements => format!("Statements by {}", rng.word(GROUPS)),
        Kind::Panel => format!("Panel {n}: {}", topic(rng)),
        Kind::Break if afternoon => "Coffee break".to_owned(),
        Kind::Break => "Lunch break".to_owned(),
        Kind::Closing => "Closing of the meeting and the way forward".to_owned(),
        Kind::Other => match rng.below(3) {
            0 => format!("Interactive dialogue: {}", topic(rng)),
            1 => format!("Presentation of the report of {}", country(rng)),
            _ => format!("Video screening: {}", topic(rng)),
        },
    }
}

/// One to three sentences about a session.
pub fn description(rng: &mut Rng, subject: &str) -> String {
    let mut s = format!("This {subject} {}.", rng.word(CLAUSES));
    if rng.chance(50) {
        s.push(' ');
        s.push_str(rng.word(FOLLOW_UPS));
    }
    s
}

/// A format note as a programme prints it.
pub fn note(rng: &mut Rng) -> &'static str {
    rng.word(NOTES)
}

/// The capacity in which someone speaks.
pub fn capacity(rng: &mut Rng) -> &'static str {
    rng.word(CAPACITIES)
}

/// A key message paragraph about `topic`.
pub fn paragraph(rng: &mut Rng, topic: &str) -> String {
    format!(
        "Participants stressed that progress on {} depends on {}. {}",
        topic.to_lowercase(),
        rng.word(DRIVERS),
        rng.word(FOLLOW_UPS),
    )
}
