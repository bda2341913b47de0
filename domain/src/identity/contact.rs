//! E-mail addresses and Vietnamese mobile numbers, normalised so that one person cannot hold
//! two accounts by changing letter case or the `+84` prefix.

use crate::error::FieldError;

/// Lower-cases and checks an e-mail address (one `@`, a dotted domain, no spaces).
pub fn email(field: &str, input: &str) -> Result<String, FieldError> {
    let value = input.trim().to_lowercase();
    let valid = value.len() <= 254
        && !value.contains(char::is_whitespace)
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(value)
    } else {
        Err(FieldError::rule(
            field,
            "email_format",
            "must look like ten@vidu.vn",
        ))
    }
}

/// Normalises a mobile number to the national form `0xxxxxxxxx` (10 digits, mobile prefixes
/// 03, 05, 07, 08 and 09), accepting `+84`/`84` and spaces or dots.
pub fn mobile(field: &str, input: &str) -> Result<String, FieldError> {
    let mut digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let only_allowed = input
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+'));
    if let Some(rest) = digits.strip_prefix("84") {
        if digits.len() == 11 {
            digits = format!("0{rest}");
        }
    }
    let prefix_ok = matches!(digits.get(..2), Some("03" | "05" | "07" | "08" | "09"));
    if only_allowed && digits.len() == 10 && prefix_ok {
        Ok(digits)
    } else {
        Err(FieldError::rule(
            field,
            "phone_format",
            "must be a 10-digit mobile number such as 0912345678",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_lower_cased_and_checked() {
        assert_eq!(
            email("e", " An@Example.VN ").as_deref(),
            Ok("an@example.vn")
        );
        for bad in ["an", "an@", "@vn", "an@vn", "an @x.vn", "a@b@c.vn", "a@.vn"] {
            assert!(email("e", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mobiles_are_normalised() {
        assert_eq!(mobile("p", "0912 345 678").as_deref(), Ok("0912345678"));
        assert_eq!(mobile("p", "+84 912.345.678").as_deref(), Ok("0912345678"));
        assert_eq!(mobile("p", "84912345678").as_deref(), Ok("0912345678"));
        for bad in ["091234567", "0212345678", "09123456789", "09a2345678"] {
            assert!(mobile("p", bad).is_err(), "{bad}");
        }
    }
}
