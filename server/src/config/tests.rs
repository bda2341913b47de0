//! Unit tests of the configuration: loading, the refusals and the provider addresses.

use figment::providers::Serialized;
use figment::Figment;

use super::loading::mask_password;
use super::*;

fn env(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // The process environment is shared by parallel tests, so each pair is merged as
    // the environment provider would merge it, without touching the real environment.
    let mut given = Figment::new();
    for (k, v) in &pairs {
        given = given.merge(Serialized::default(
            &k.trim_start_matches(ENV_PREFIX).to_lowercase(),
            v,
        ));
    }
    let config = Config::from_given(given)?;
    config.validate()?;
    Ok(config)
}

#[test]
fn defaults_are_valid() {
    assert!(Config::default().validate().is_ok());
}

#[test]
fn bad_listen_addr_names_the_setting() {
    let err = env(&[("PORTAL_LISTEN_ADDR", "not-an-address")])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("listen_addr"), "{err}");
}

#[test]
fn the_public_url_follows_a_listening_address_given_alone() -> Result<(), ConfigError> {
    // `PORTAL_LISTEN_ADDR=127.0.0.1:3999 make run` used to send the simulators' calls (the
    // nightly reconciliation, the carrier) and every e-mail link to port 3000.
    let moved = env(&[("PORTAL_LISTEN_ADDR", "127.0.0.1:3999")])?;
    assert_eq!(moved.public_url, "http://127.0.0.1:3999");
    assert!(moved.vnpay_api().starts_with("http://127.0.0.1:3999/"));
    let everywhere = env(&[("PORTAL_LISTEN_ADDR", "0.0.0.0:8080")])?;
    assert_eq!(everywhere.public_url, "http://127.0.0.1:8080");
    let both = env(&[
        ("PORTAL_LISTEN_ADDR", "127.0.0.1:3999"),
        ("PORTAL_PUBLIC_URL", "https://dvc.example.vn"),
    ])?;
    assert_eq!(both.public_url, "https://dvc.example.vn");
    assert_eq!(env(&[])?.public_url, "http://127.0.0.1:3000");
    Ok(())
}

#[test]
fn unknown_database_scheme_is_refused() {
    let err = env(&[("PORTAL_DATABASE_URL", "mysql://x")])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("PORTAL_DATABASE_URL"), "{err}");
}

#[test]
fn smtp_needs_a_url() {
    let err = env(&[("PORTAL_MAIL_TRANSPORT", "smtp")])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("PORTAL_SMTP_URL"), "{err}");
}

#[test]
fn production_refuses_the_national_id_shortcuts() {
    let production = Config {
        environment: Environment::Production,
        public_url: "https://dichvucong.example.vn".into(),
        mail_transport: MailTransport::Smtp,
        smtp_url: Some("smtps://u:p@mail.example.vn:465".into()),
        ..Config::default()
    };
    let err = |config: &Config| {
        config
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let secret = err(&production);
    assert!(
        secret.contains("PORTAL_NATIONAL_ID_CLIENT_SECRET"),
        "{secret}"
    );
    let mut config = Config {
        national_id_client_secret: "s3cret".into(),
        ..production
    };
    let simulator = err(&config);
    assert!(
        simulator.contains("PORTAL_NATIONAL_ID_SIMULATOR"),
        "{simulator}"
    );
    config.national_id_simulator = false;
    let issuer = err(&config);
    assert!(issuer.contains("PORTAL_NATIONAL_ID_ISSUER"), "{issuer}");
    config.national_id_issuer = "https://id.example.vn".into();
    let gateway = err(&config);
    assert!(gateway.contains("PORTAL_VNPAY_PAY_URL"), "{gateway}");
    config.vnpay_pay_url = Some("https://pay.vnpay.vn/vpcpay.html".into());
    let carrier = err(&config);
    assert!(carrier.contains("PORTAL_CARRIER_URL"), "{carrier}");
    config.carrier_url = Some("https://api.vnpost.example/v1".into());
    let account = err(&config);
    assert!(account.contains("PORTAL_VIETQR_ACCOUNT"), "{account}");
    config.vietqr_account = "0011004455667".into();
    let sms = err(&config);
    assert!(sms.contains("PORTAL_SMS_URL"), "{sms}");
    assert!(sms.contains("PORTAL_VNPAY_API_URL"), "{sms}");
    assert!(sms.contains("PORTAL_VNPAY_STATEMENT_URL"), "{sms}");
    config.sms_disabled = true;
    config.vnpay_api_url = Some("https://pay.vnpay.vn/merchant_webapi/api/transaction".into());
    config.vnpay_statement_url = Some("https://pay.vnpay.vn/statement".into());
    // Production also needs a virus scanner (or the explicit opt-out).
    config.clamd_address = Some("tcp://clamav.example.vn:3310".into());
    assert_eq!(err(&config), "");
}

#[test]
fn s3_settings_are_checked() {
    let err = |pairs: &[(&str, &str)]| env(pairs).err().map(|e| e.to_string());
    let bucket = err(&[("PORTAL_STORAGE_BACKEND", "s3")]).unwrap_or_default();
    assert!(bucket.contains("PORTAL_S3_BUCKET"), "{bucket}");
    let http = err(&[
        ("PORTAL_STORAGE_BACKEND", "s3"),
        ("PORTAL_S3_BUCKET", "ho-so"),
        ("PORTAL_S3_ENDPOINT", "http://127.0.0.1:9000"),
    ])
    .unwrap_or_default();
    assert!(http.contains("PORTAL_S3_ENDPOINT"), "{http}");
    let backend = err(&[("PORTAL_STORAGE_BACKEND", "ftp")]).unwrap_or_default();
    assert!(backend.contains("storage_backend"), "{backend}");
    // (This helper merges strings; the real environment provider parses `true`.)
    let allowed = Config {
        storage_backend: StorageBackend::S3,
        s3_bucket: "ho-so".into(),
        s3_endpoint: Some("http://127.0.0.1:9000".into()),
        s3_allow_http: true,
        ..Config::default()
    };
    assert!(allowed.validate().is_ok());
}

#[test]
fn clamd_address_is_checked() {
    let err = env(&[("PORTAL_CLAMD_ADDRESS", "clamd:3310")])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("PORTAL_CLAMD_ADDRESS"), "{err}");
    assert!(env(&[("PORTAL_CLAMD_ADDRESS", "tcp://127.0.0.1:3310")]).is_ok());
}

#[test]
fn credentials_are_not_settings() {
    let names = Config::setting_names();
    assert!(!names.iter().any(|n| n.contains("secret_access_key")));
    assert!(NOT_SETTINGS.contains(&S3_SECRET_ACCESS_KEY_ENV_NAME));
}

#[test]
fn the_simulator_is_the_default_issuer() {
    let config = Config {
        public_url: "http://127.0.0.1:3000/".into(),
        ..Config::default()
    };
    assert_eq!(
        config.national_id_issuer_url(),
        "http://127.0.0.1:3000/gia-lap/dinh-danh"
    );
    assert_eq!(
        config.national_id_redirect_uri(),
        "http://127.0.0.1:3000/dang-nhap/dinh-danh/callback"
    );
}

#[test]
fn passwords_are_masked() {
    assert_eq!(
        mask_password("postgres://portal:secret@db:5432/portal"),
        "postgres://portal:***@db:5432/portal"
    );
    assert_eq!(
        mask_password("sqlite://var/portal.db"),
        "sqlite://var/portal.db"
    );
}
