//! Citizen ID (số định danh cá nhân / CCCD): 12 digits laid out by Circular 59/2021/TT-BCA,
//! Article 7: three digits for the province where the birth was registered, one digit for the
//! century of birth and sex, two digits for the year of birth, six random digits.

use chrono::{Datelike, NaiveDate};

use crate::error::FieldError;

/// Province codes usable in the first three digits (the 63 provinces before the 2025 merger;
/// merged provinces kept one of their codes, so numbers issued before and after stay valid).
const PROVINCE_CODES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// Sex recorded in the citizen ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

/// What the number itself says about its holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CitizenIdFacts {
    /// Code of the province where the birth was registered.
    pub province_code: u16,
    /// Sex.
    pub sex: Sex,
    /// Year of birth.
    pub birth_year: i32,
}

/// Removes spaces and dots people type between groups of digits.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

/// Checks the layout of a citizen ID and, when the date of birth is known, that its century,
/// sex digit and year agree with it. `field` names the form field in the error.
pub fn check(
    field: &str,
    number: &str,
    date_of_birth: Option<NaiveDate>,
) -> Result<CitizenIdFacts, FieldError> {
    if number.len() != 12 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::rule(
            field,
            "citizen_id_format",
            "must be exactly 12 digits",
        ));
    }
    let digits: Vec<u16> = number.bytes().map(|b| u16::from(b - b'0')).collect();
    let province_code = digits[0] * 100 + digits[1] * 10 + digits[2];
    if !PROVINCE_CODES.contains(&province_code) {
        return Err(FieldError::rule(
            field,
            "citizen_id_province",
            "the first three digits are not a province code",
        ));
    }
    let (century_start, sex) = match digits[3] {
        0 => (1900, Sex::Male),
        1 => (1900, Sex::Female),
        2 => (2000, Sex::Male),
        3 => (2000, Sex::Female),
        4 => (2100, Sex::Male),
        5 => (2100, Sex::Female),
        6 => (2200, Sex::Male),
        7 => (2200, Sex::Female),
        8 => (1800, Sex::Male),
        _ => (1800, Sex::Female),
    };
    let birth_year = century_start + i32::from(digits[4] * 10 + digits[5]);
    if let Some(dob) = date_of_birth {
        if dob.year() != birth_year {
            return Err(FieldError::rule(
                field,
                "citizen_id_birth_year",
                "the 4th to 6th digits do not match the year of birth",
            ));
        }
    }
    Ok(CitizenIdFacts {
        province_code,
        sex,
        birth_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[rstest]
    #[case("079090001234", date(1990, 5, 17), Sex::Male, 1990)]
    #[case("001185000001", date(1985, 1, 1), Sex::Female, 1985)]
    #[case("072205123456", date(2005, 12, 31), Sex::Male, 2005)]
    #[case("096301000009", date(2001, 2, 3), Sex::Female, 2001)]
    #[case("079090001234", None, Sex::Male, 1990)]
    fn accepts_consistent_numbers(
        #[case] number: &str,
        #[case] dob: Option<NaiveDate>,
        #[case] sex: Sex,
        #[case] year: i32,
    ) {
        let facts = check("citizen_id", number, dob);
        assert_eq!(
            facts.map(|f| (f.sex, f.birth_year)),
            Ok((sex, year)),
            "{number}"
        );
    }

    #[rstest]
    #[case("07909000123", None, "citizen_id_format")]
    #[case("0790900012345", None, "citizen_id_format")]
    #[case("07909000123a", None, "citizen_id_format")]
    #[case("003090001234", None, "citizen_id_province")]
    #[case("099090001234", None, "citizen_id_province")]
    #[case("079090001234", date(1991, 5, 17), "citizen_id_birth_year")]
    #[case("079290001234", date(1990, 5, 17), "citizen_id_birth_year")]
    fn refuses_with_a_precise_rule(
        #[case] number: &str,
        #[case] dob: Option<NaiveDate>,
        #[case] code: &str,
    ) {
        let err = check("citizen_id", number, dob).err().map(|e| e.code);
        assert_eq!(err.as_deref(), Some(code), "{number}");
    }

    #[test]
    fn normalise_strips_separators() {
        assert_eq!(normalise(" 079 090.001-234 "), "079090001234");
    }
}
