//! Tax code (mã số thuế, MST) of a business: ten digits whose last is a check digit, or the
//! ten digits of the parent followed by a three-digit branch number (`0101234567-001`), as laid
//! out by Circular 105/2020/TT-BTC, Article 5.

use crate::error::FieldError;

/// Weights of the first nine digits in the check-digit sum.
const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// Normalises and checks a tax code; returns it without separators (10 or 13 digits).
pub fn check(field: &str, input: &str) -> Result<String, FieldError> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .collect();
    if !(digits.len() == 10 || digits.len() == 13) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::rule(
            field,
            "tax_code_format",
            "must be 10 digits, or 13 digits for a branch (0101234567-001)",
        ));
    }
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    if check_digit(&d[..9]) != Some(d[9]) {
        return Err(FieldError::rule(
            field,
            "tax_code_check_digit",
            "the check digit (10th digit) is wrong; check the number on the registration certificate",
        ));
    }
    if digits.len() == 13 && digits.ends_with("000") {
        return Err(FieldError::rule(
            field,
            "tax_code_branch",
            "a branch number runs from 001 to 999",
        ));
    }
    Ok(digits)
}

/// The check digit for nine leading digits, or `None` when the sum gives no valid digit (such
/// numbers are never issued).
pub fn check_digit(first_nine: &[u32]) -> Option<u32> {
    let sum: u32 = first_nine.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let digit = 10 - (sum % 11);
    (digit <= 9).then_some(digit)
}

/// Completes nine digits into a valid ten-digit tax code (demo data and tests).
pub fn complete(first_nine: &str) -> Option<String> {
    let d: Vec<u32> = first_nine.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 {
        return None;
    }
    check_digit(&d).map(|c| format!("{first_nine}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn known_codes_pass() {
        // 0100109106 is Viettel's published tax code; 0300588569 is Vinamilk's.
        assert_eq!(check("t", "0100109106").as_deref(), Ok("0100109106"));
        assert_eq!(check("t", "0300588569").as_deref(), Ok("0300588569"));
        assert_eq!(check("t", "0100109106-001").as_deref(), Ok("0100109106001"));
    }

    #[rstest]
    #[case("010010910", "tax_code_format")]
    #[case("01001091061", "tax_code_format")]
    #[case("01001091x6", "tax_code_format")]
    #[case("0100109107", "tax_code_check_digit")]
    #[case("0100109106-000", "tax_code_branch")]
    fn bad_codes_name_the_rule(#[case] input: &str, #[case] code: &str) {
        assert_eq!(
            check("t", input).err().map(|e| e.code).as_deref(),
            Some(code)
        );
    }

    #[test]
    fn complete_makes_valid_codes() {
        for nine in ["390000001", "390000002", "010203040"] {
            if let Some(code) = complete(nine) {
                assert!(check("t", &code).is_ok(), "{code}");
            }
        }
    }
}
