//! The VNPay signature against vectors computed by a Python script (`vnpay_vectors.py`) that
//! shares no code with ours: the payment URL's parameters (Vietnamese text, spaces, symbols,
//! an empty value) and the pipe-joined API call fields.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use domain::payments::vnpay;
use domain::testing::services::{find_program, require};

fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn signatures_match_an_independent_implementation() -> Result<(), Box<dyn std::error::Error>> {
    let Some(python) = require(
        find_program("python3"),
        "python3",
        "apt-get install python3",
    )?
    else {
        return Ok(());
    };
    let secret = "VNPAYSANDBOXSECRET0123456789ABCDEF";
    let cases = [
        params(&[
            ("vnp_Version", "2.1.0"),
            ("vnp_Command", "pay"),
            ("vnp_TmnCode", "DVCTN001"),
            ("vnp_Amount", "5000000"),
            ("vnp_CurrCode", "VND"),
            ("vnp_TxnRef", "P20261204-0001"),
            (
                "vnp_OrderInfo",
                "Thanh toan le phi ho so 000.00.02.H53-261204-0001",
            ),
            ("vnp_OrderType", "other"),
            ("vnp_Locale", "vn"),
            (
                "vnp_ReturnUrl",
                "http://127.0.0.1:3000/thanh-toan/vnpay/ket-qua?x=1&y=2",
            ),
            ("vnp_IpAddr", "127.0.0.1"),
            ("vnp_CreateDate", "20261204153000"),
            ("vnp_ExpireDate", "20261204154500"),
        ]),
        params(&[
            ("vnp_Amount", "12000000"),
            ("vnp_BankCode", "NCB"),
            (
                "vnp_OrderInfo",
                "Lệ phí cấp giấy chứng nhận ~ *đặc biệt* / 100%",
            ),
            ("vnp_ResponseCode", "00"),
            ("vnp_TransactionStatus", "00"),
            ("vnp_TxnRef", "P20261204-0002"),
            ("vnp_PayDate", ""),
            ("vnp_SecureHashType", "HmacSHA512"),
            ("other", "ignored"),
        ]),
    ];
    let fields = [
        "REQ1",
        "2.1.0",
        "querydr",
        "DVCTN001",
        "P20261204-0001",
        "20261204153000",
        "20261204160000",
        "127.0.0.1",
        "Truy van giao dich",
    ];
    let mut input = Vec::new();
    for p in &cases {
        input.push(serde_json::json!({ "secret": secret, "params": p }));
    }
    input.push(serde_json::json!({ "secret": secret, "fields": fields }));
    let script = domain::testing::manifest_dir().join("tests/vnpay_vectors.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .ok_or("stdin")?
        .write_all(serde_json::to_string(&input)?.as_bytes())?;
    let out = child.wait_with_output()?;
    assert!(out.status.success());
    let expected: Vec<String> = String::from_utf8(out.stdout)?
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(expected.len(), 3);
    for (p, want) in cases.iter().zip(&expected) {
        assert_eq!(&vnpay::hmac_sha512(secret, &vnpay::hash_data(p)), want);
        // And the URL carries that signature, which `verify` accepts back.
        let url = vnpay::payment_url(
            "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
            secret,
            p,
        );
        assert!(url.ends_with(&format!("vnp_SecureHash={want}")));
        let mut signed = p.clone();
        signed.insert("vnp_SecureHash".into(), want.clone());
        assert!(vnpay::verify(secret, &signed));
    }
    assert_eq!(&vnpay::api_hash(secret, &fields), &expected[2]);
    Ok(())
}
