//! Vietnamese text helpers: accent folding for search and ASCII slugs for readable URLs.

use unicode_normalization::UnicodeNormalization;

/// Folds Vietnamese text for accent-insensitive matching: lower case, diacritics removed,
/// `đ` → `d`, runs of non-alphanumerics collapsed to one space.
///
/// Citizens on phones often type without diacritics ("giay phep xay dung"), so both the indexed
/// text and the query go through this one function.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            other => other,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Makes an ASCII, kebab-case slug for URLs: `"Đăng ký khai sinh"` → `"dang-ky-khai-sinh"`.
pub fn slugify(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Cấp giấy phép xây dựng", "cap giay phep xay dung")]
    #[case("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh")]
    #[case("Đường bộ", "duong bo")]
    #[case("  Hộ tịch -- chứng thực ", "ho tich chung thuc")]
    #[case("Thủ tục 1.001193", "thu tuc 1 001193")]
    fn folds_vietnamese(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(fold(input), expected);
    }

    #[rstest]
    #[case("Đăng ký khai sinh", "dang-ky-khai-sinh")]
    #[case("Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich")]
    fn slugs_are_ascii_kebab(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(slugify(input), expected);
    }

    #[test]
    fn precomposed_and_decomposed_fold_alike() {
        let precomposed = "Tây Ninh";
        let decomposed: String = precomposed.nfd().collect();
        assert_eq!(fold(precomposed), fold(&decomposed));
    }
}
