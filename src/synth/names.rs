//! People for synthetic agendas: names from many scripts, honorifics and
//! affiliations, each person derived from the seed and their index alone.

use super::Rng;

/// How a culture writes a full name.
#[derive(Clone, Copy)]
enum Order {
    /// "Given Family".
    GivenFirst,
    /// Family name then given name, no space (Chinese, Korean).
    FamilyFirstJoined,
    /// "Family Given" (Vietnamese).
    FamilyFirstSpaced,
}

/// A given name: as printed, its ASCII slug for ids, and whether the
/// family name takes its feminine form.
type Given = (&'static str, &'static str, bool);
/// A family name: masculine form, feminine form, ASCII slug.
type Family = (&'static str, &'static str, &'static str);

struct Culture {
    order: Order,
    given: &'static [Given],
    family: &'static [Family],
}

const CULTURES: &[Culture] = &[
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("José", "jose", false),
            ("María", "maria", true),
            ("Iñaki", "inaki", false),
            ("Lucía", "lucia", true),
            ("João", "joao", false),
            ("Conceição", "conceicao", true),
        ],
        family: &[
            ("Núñez", "Núñez", "nunez"),
            ("García Márquez", "García Márquez", "garcia-marquez"),
            ("Gonçalves", "Gonçalves", "goncalves"),
            ("Peña", "Peña", "pena"),
            ("Ibáñez", "Ibáñez", "ibanez"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("François", "francois", false),
            ("Zoë", "zoe", true),
            ("Jürgen", "jurgen", false),
            ("Søren", "soren", false),
            ("Åsa", "asa", true),
            ("Hélène", "helene", true),
        ],
        family: &[
            ("Lefèvre", "Lefèvre", "lefevre"),
            ("Müller", "Müller", "muller"),
            ("Ødegård", "Ødegård", "odegard"),
            ("Dupré", "Dupré", "dupre"),
            ("Größer", "Größer", "grosser"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Łukasz", "lukasz", false),
            ("Małgorzata", "malgorzata", true),
            ("Jiří", "jiri", false),
            ("Zuzana", "zuzana", true),
        ],
        family: &[
            ("Wiśniewski", "Wiśniewska", "wisniewski"),
            ("Dvořák", "Dvořáková", "dvorak"),
            ("Kowalczyk", "Kowalczyk", "kowalczyk"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Ayşe", "ayse", true),
            ("Çağrı", "cagri", false),
            ("Gülşen", "gulsen", true),
            ("Oğuz", "oguz", false),
        ],
        family: &[
            ("Öztürk", "Öztürk", "ozturk"),
            ("Yılmaz", "Yılmaz", "yilmaz"),
            ("Şahin", "Şahin", "sahin"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Amina", "amina", true),
            ("Chukwuemeka", "chukwuemeka", false),
            ("Wanjiru", "wanjiru", true),
            ("Oluwaseun", "oluwaseun", false),
        ],
        family: &[
            ("Diallo", "Diallo", "diallo"),
            ("Okonkwo", "Okonkwo", "okonkwo"),
            ("Mwangi", "Mwangi", "mwangi"),
            ("Adébáyọ̀", "Adébáyọ̀", "adebayo"),
        ],
    },
    Culture {
        order: Order::FamilyFirstSpaced,
        given: &[
            ("Thị Lan", "thi-lan", true),
            ("Văn Đức", "van-duc", false),
            ("Thu Hằng", "thu-hang", true),
            ("Quốc Bảo", "quoc-bao", false),
        ],
        family: &[
            ("Nguyễn", "Nguyễn", "nguyen"),
            ("Trần", "Trần", "tran"),
            ("Phạm", "Phạm", "pham"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("محمد", "mohammed", false),
            ("فاطمة", "fatima", true),
            ("عمر", "omar", false),
            ("ليلى", "layla", true),
            ("يوسف", "youssef", false),
        ],
        family: &[
            ("العلي", "العلي", "al-ali"),
            ("حداد", "حداد", "haddad"),
            ("المنصوري", "المنصوري", "al-mansouri"),
            ("بن سالم", "بن سالم", "ben-salem"),
        ],
    },
    Culture {
        order: Order::FamilyFirstJoined,
        given: &[
            ("伟", "wei", false),
            ("芳", "fang", true),
            ("建国", "jianguo", false),
            ("秀英", "xiuying", true),
        ],
        family: &[
            ("王", "王", "wang"),
            ("李", "李", "li"),
            ("张", "张", "zhang"),
        ],
    },
    Culture {
        order: Order::FamilyFirstJoined,
        given: &[
            ("민준", "minjun", false),
            ("서연", "seoyeon", true),
            ("지훈", "jihun", false),
        ],
        family: &[
            ("김", "김", "kim"),
            ("박", "박", "park"),
            ("이", "이", "lee"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Анна", "anna", true),
            ("Дмитрий", "dmitry", false),
            ("Ольга", "olga", true),
            ("Сергей", "sergey", false),
            ("Олександр", "oleksandr", false),
        ],
        family: &[
            ("Иванов", "Иванова", "ivanov"),
            ("Смирнов", "Смирнова", "smirnov"),
            ("Кузнецов", "Кузнецова", "kuznetsov"),
            ("Шевченко", "Шевченко", "shevchenko"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("प्रिया", "priya", true),
            ("अर्जुन", "arjun", false),
            ("अनन्या", "ananya", true),
            ("राहुल", "rahul", false),
        ],
        family: &[
            ("शर्मा", "शर्मा", "sharma"),
            ("पटेल", "पटेल", "patel"),
            ("सिंह", "सिंह", "singh"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Lakshmi", "lakshmi", true),
            ("Karthik", "karthik", false),
            ("Meenakshi", "meenakshi", true),
        ],
        family: &[
            ("Subramanian", "Subramanian", "subramanian"),
            ("Raghavan", "Raghavan", "raghavan"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Γιώργος", "giorgos", false),
            ("Ελένη", "eleni", true),
            ("Νίκος", "nikos", false),
            ("Μαρία", "maria", true),
        ],
        family: &[
            ("Παπαδόπουλος", "Παπαδοπούλου", "papadopoulos"),
            ("Οικονόμου", "Οικονόμου", "oikonomou"),
            ("Γεωργίου", "Γεωργίου", "georgiou"),
        ],
    },
    Culture {
        order: Order::GivenFirst,
        given: &[
            ("Peter", "peter", false),
            ("Siobhán", "siobhan", true),
            ("Kay", "kay", true),
            ("Tavita", "tavita", false),
            ("Aroha", "aroha", true),
        ],
        family: &[
            ("Thomson", "Thomson", "thomson"),
            ("O'Connor", "O'Connor", "oconnor"),
            ("Buck", "Buck", "buck"),
            ("Ngata", "Ngata", "ngata"),
            ("Fa'alogo", "Fa'alogo", "faalogo"),
        ],
    },
];

const COUNTRIES: &[&str] = &[
    "Belgium",
    "Qatar",
    "Brazil",
    "Côte d'Ivoire",
    "Türkiye",
    "Viet Nam",
    "Norway",
    "Kenya",
    "Samoa",
    "India",
    "Greece",
    "Mexico",
    "the Republic of Korea",
    "São Tomé and Príncipe",
    "Kazakhstan",
];

const POSITIONS: &[&str] = &[
    "Executive Director",
    "Senior Policy Adviser",
    "Professor of International Law",
    "Programme Officer",
    "Chief Executive Officer",
    "Head of Research",
    "Director of Advocacy",
    "Special Rapporteur",
];

const ORGANISATIONS: &[&str] = &[
    "United Nations Office on Drugs and Crime",
    "Office of the High Commissioner for Human Rights",
    "International Labour Organization",
    "Université de Genève",
    "Universidade de São Paulo",
    "Московский государственный университет",
    "北京大学",
    "जवाहरलाल नेहरू विश्वविद्यालय",
    "جامعة القاهرة",
    "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών",
    "Fundación Esperanza",
    "Kenya Human Rights Commission",
    "Pacific Islands Forum Secretariat",
];

/// Someone generated for an agenda.
pub struct Person {
    /// Unique id: slugs of the name and the person's index.
    pub id: String,
    /// The name as printed.
    pub name: String,
    /// "Mr.", "H.E. Ms."…, if any.
    pub honorific: Option<&'static str>,
    /// Position and organisation, if any.
    pub affiliation: Option<String>,
}

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

struct Identity {
    culture: &'static Culture,
    given: Given,
    family: Family,
    rng: Rng,
    id: String,
}

fn identity(seed: u64, index: usize) -> Identity {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_add(1).wrapping_mul(MIX));
    let culture = rng.pick(CULTURES);
    let given = *rng.pick(culture.given);
    let family = *rng.pick(culture.family);
    let id = format!("{}-{}-{index}", given.1, family.2);
    Identity {
        culture,
        given,
        family,
        rng,
        id,
    }
}

/// The id of person `index`, without building the rest of them.
pub fn person_id(seed: u64, index: usize) -> String {
    identity(seed, index).id
}

/// Person `index` of the agenda generated from `seed`.
pub fn person(seed: u64, index: usize) -> Person {
    let Identity {
        culture,
        given: (given, _, feminine),
        family: (masculine, feminine_form, _),
        mut rng,
        id,
    } = identity(seed, index);
    let family = if feminine { feminine_form } else { masculine };
    let name = match culture.order {
        Order::GivenFirst => format!("{given} {family}"),
        Order::FamilyFirstJoined => format!("{family}{given}"),
        Order::FamilyFirstSpaced => format!("{family} {given}"),
    };
    let honorific = match (rng.below(10), feminine) {
        (0, _) => None,
        (1 | 2, _) => Some("Dr."),
        (3, _) => Some("Professor"),
        (4, false) => Some("H.E. Mr."),
        (4, true) => Some("H.E. Ms."),
        (5, _) => Some("Hon."),
        (_, false) => Some("Mr."),
        (_, true) => Some("Ms."),
    };
    let affiliation = match rng.below(8) {
        0 => None,
        1 | 2 => Some(format!(
            "Permanent Representative of {} to the United Nations",
            rng.word(COUNTRIES)
        )),
        _ => Some(format!(
            "{}, {}",
            rng.word(POSITIONS),
            rng.word(ORGANISATIONS)
        )),
    };
    Person {
        id,
        name,
        honorific,
        affiliation,
    }
}

/// A country, for titles and capacities.
pub fn country(rng: &mut Rng) -> &'static str {
    rng.word(COUNTRIES)
}
