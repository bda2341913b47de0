//! Unit tests of the receipt PDF: its text read back with `pdftotext`, page breaks, and line
//! wrapping.

use super::*;
use proptest::prelude::*;
use rstest::rstest;

/// Long enough to wrap in the value column: a real joint procedure (liên thông) name.
const PROCEDURE: &str = "Liên thông các thủ tục hành chính về Đăng ký khai sinh, đăng ký \
                         thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";

fn sample(documents: usize) -> ReceiptDocument {
    ReceiptDocument {
        authority: "UBND TỈNH THÁI NGUYÊN".into(),
        office: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG".into(),
        motto: [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            "Độc lập - Tự do - Hạnh phúc".into(),
        ],
        title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ".into(),
        code_line: "Mã hồ sơ: TN-241124-0001".into(),
        fields: vec![
            ("Thủ tục".into(), PROCEDURE.into()),
            ("Người nộp".into(), "Nguyễn Thị Ánh Nguyệt".into()),
            ("Số CCCD / định danh cá nhân".into(), "019190000123".into()),
            ("Tiếp nhận lúc".into(), "09:15 ngày 24/11/2026".into()),
            ("Hẹn trả kết quả".into(), "ngày 27/11/2026".into()),
            ("Phí, lệ phí".into(), "Miễn phí".into()),
            (
                "Nhận kết quả".into(),
                "Qua dịch vụ bưu chính công ích, tại địa chỉ: số 12 đường Hoàng Văn Thụ, \
                 phường Phan Đình Phùng, tỉnh Thái Nguyên"
                    .into(),
            ),
        ],
        documents_heading: "Giấy tờ đã nhận".into(),
        documents: (1..=documents)
            .map(|n| format!("Giấy chứng sinh bản chính số {n}: giay-chung-sinh-{n}.pdf"))
            .collect(),
        steps_heading: "Các bước tiếp theo".into(),
        steps: vec!["Cán bộ tiếp nhận kiểm tra hồ sơ.".into()],
        qr_payload: "https://dichvucong.thainguyen.gov.vn/ho-so/TN-241124-0001".into(),
        qr_caption: "Quét mã để tra cứu hồ sơ".into(),
        footer: "Giấy này được tạo tự động lúc 09:15 ngày 24/11/2026.".into(),
    }
}

/// `pdftotext -layout` of `pdf`, or `None` where poppler-utils is not installed (a hard
/// failure when PORTAL_REQUIRE_ALL_SERVICES=1, as in CI).
fn pdftotext(pdf: &[u8]) -> std::io::Result<Option<String>> {
    let program = std::path::Path::new("/usr/bin/pdftotext");
    if !program.exists() {
        let required = std::env::var("PORTAL_REQUIRE_ALL_SERVICES").is_ok_and(|v| v == "1");
        assert!(!required, "pdftotext (poppler-utils) is needed");
        eprintln!("SKIPPED the text check: /usr/bin/pdftotext is missing");
        return Ok(None);
    }
    let file = tempfile::Builder::new().suffix(".pdf").tempfile()?;
    std::fs::write(file.path(), pdf)?;
    let out = std::process::Command::new(program)
        .arg("-layout")
        .arg(file.path())
        .arg("-")
        .output()?;
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// The text with every run of whitespace made one space, so wrapped lines read as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_objects(pdf: &[u8]) -> usize {
    let raw = String::from_utf8_lossy(pdf);
    raw.matches("/Type /Page").count() - raw.matches("/Type /Pages").count()
}

#[test]
fn a_receipt_is_a_small_pdf_whose_vietnamese_text_can_be_read_back(
) -> Result<(), Box<dyn std::error::Error>> {
    let pdf = render(&sample(4))?;
    eprintln!("receipt: {} bytes", pdf.len());
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 60_000, "{} bytes", pdf.len());
    assert_eq!(page_objects(&pdf), 1);
    let Some(text) = pdftotext(&pdf)? else {
        return Ok(());
    };
    let joined = flat(&text);
    for expected in [
        "Mã hồ sơ: TN-241124-0001",
        PROCEDURE,
        "Nguyễn Thị Ánh Nguyệt",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "phường Phan Đình Phùng, tỉnh Thái Nguyên",
        "4. Giấy chứng sinh bản chính số 4: giay-chung-sinh-4.pdf",
        "Quét mã để tra cứu hồ sơ",
    ] {
        assert!(joined.contains(expected), "{expected:?} in {text}");
    }
    assert!(
        !text.lines().any(|line| line.contains(PROCEDURE)),
        "the procedure wraps over several lines: {text}"
    );
    Ok(())
}

#[test]
fn decomposed_input_comes_out_composed() -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = sample(1);
    doc.fields[1].1 = "Nguyễn Thị Ánh".nfd().collect();
    if let Some(text) = pdftotext(&render(&doc)?)? {
        assert!(text.contains("Nguyễn Thị Ánh"), "{text}");
    }
    Ok(())
}

#[test]
fn a_long_list_continues_on_a_second_page() -> Result<(), Box<dyn std::error::Error>> {
    let pdf = render(&sample(60))?;
    assert_eq!(page_objects(&pdf), 2);
    if let Some(text) = pdftotext(&pdf)? {
        assert_eq!(text.matches('\u{c}').count(), 2, "two form feeds: {text}");
        let joined = flat(&text);
        for expected in [
            "60. Giấy chứng sinh bản chính số 60: giay-chung-sinh-60.pdf",
            "Quét mã để tra cứu hồ sơ",
            "Giấy này được tạo tự động lúc 09:15 ngày 24/11/2026.",
        ] {
            assert!(joined.contains(expected), "{expected:?} in {text}");
        }
    }
    Ok(())
}

#[test]
fn a_long_qr_caption_stays_beside_its_code() -> Result<(), Box<dyn std::error::Error>> {
    // With 20 documents the code still fits at the foot of the first page but this caption,
    // taller than the code, does not: code and caption move to the second page together,
    // and the footer follows them there instead of landing on a third page.
    let mut doc = sample(20);
    doc.qr_caption = "Quét mã để tra cứu hồ sơ. ".repeat(16);
    let pdf = render(&doc)?;
    assert_eq!(page_objects(&pdf), 2);
    if let Some(text) = pdftotext(&pdf)? {
        let pages: Vec<&str> = text.split('\u{c}').collect();
        assert!(!pages[0].contains("Quét mã"), "{text}");
        let (caption, footer) = (pages[1].find("Quét mã"), pages[1].find("Giấy này"));
        assert!(caption.is_some() && caption < footer, "{text}");
    }
    Ok(())
}

fn regular() -> FontUse {
    match FontUse::new(REGULAR) {
        Ok(font) => font,
        Err(e) => panic!("the embedded font parses: {e}"),
    }
}

#[rstest]
#[case(40.0)]
#[case(120.0)]
#[case(300.0)]
fn lines_never_overflow(#[case] width: f32) {
    let font = regular();
    let text = "Giấy tờ chứng minh chỗ ở hợp pháp của người đăng ký thường trú \
                https://dichvucong.thainguyen.gov.vn/ho-so/0123456789abcdef0123456789abcdef";
    for line in wrap(&font, text, 10.5, width) {
        assert!(
            font.width(&line, 10.5) <= width + 0.01,
            "{line:?} wider than {width}"
        );
    }
}

#[test]
fn an_over_long_word_is_broken_between_characters() {
    let font = regular();
    let word = "https://dichvucong.thainguyen.gov.vn/ho-so/TN-241124-0001";
    let lines = wrap(&font, word, 10.0, 60.0);
    assert!(lines.len() > 1, "{lines:?}");
    assert_eq!(lines.concat(), word);
    assert!(lines.iter().all(|l| font.width(l, 10.0) <= 60.0));
    assert_eq!(wrap(&font, "", 10.0, 100.0), vec![String::new()]);
}

proptest! {
    /// Every line fits unless it is a single character wider than the column, and wrapping
    /// loses no character (it only drops or moves the spaces between words).
    #[test]
    fn wrapping_fits_and_keeps_every_character(
        text in "[a-zA-Z0-9àáạảãâầấậẩẫăằắặẳẵđĐèéêếềểễệìíòóôốồổỗộơớờởỡợùúưứừửữựỳýỹ .,:/-]{0,200}",
        width in 1.0f32..400.0,
        size in 6.0f32..16.0,
    ) {
        let font = regular();
        let lines = wrap(&font, &text, size, width);
        for line in &lines {
            prop_assert!(
                font.width(line, size) <= width || line.chars().count() == 1,
                "{:?} wider than {}", line, width
            );
        }
        let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let given: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(kept, given);
    }
}
