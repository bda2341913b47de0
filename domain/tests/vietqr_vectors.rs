//! The VietQR payload against payloads made by a Python script (`vietqr_vectors.py`) that
//! shares no code with ours (its CRC is the standard library's `binascii.crc_hqx`).

use std::io::Write;
use std::process::{Command, Stdio};

use domain::payments::vietqr::{self, Beneficiary};
use domain::testing::services::{find_program, require};

#[test]
fn payloads_match_an_independent_implementation() -> Result<(), Box<dyn std::error::Error>> {
    let Some(python) = require(
        find_program("python3"),
        "python3",
        "apt-get install python3",
    )?
    else {
        return Ok(());
    };
    let cases = [
        ("970436", "0071000123456", 1_500_000_i64, "DVC0A1B2C3D4E"),
        ("970415", "113366668888", 22_000, "DVC9Z8Y7X6W5V"),
        ("970418", "12010000123456789", 700_000, "DVCAAAAAAAAAA"),
    ];
    let input: Vec<serde_json::Value> = cases
        .iter()
        .map(|(bin, account, amount, reference)| {
            serde_json::json!({ "bin": bin, "account": account, "amount": amount, "reference": reference })
        })
        .collect();
    let script = domain::testing::manifest_dir().join("tests/vietqr_vectors.py");
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
    assert_eq!(expected.len(), cases.len());
    for ((bin, account, amount, reference), want) in cases.iter().zip(&expected) {
        let to = Beneficiary {
            bank_bin: (*bin).into(),
            bank_name: String::new(),
            account: (*account).into(),
            account_name: String::new(),
        };
        assert_eq!(&vietqr::payload(&to, *amount, reference), want);
    }
    Ok(())
}
