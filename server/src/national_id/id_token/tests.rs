//! Unit tests of ID-token checks: good ES256 and RS256 tokens, and each way a token is refused.

use super::*;
use ring::rand::SystemRandom;
use serde_json::json;

const ISSUER: &str = "https://id.example.vn";
const CLIENT: &str = "dichvucong-portal";
const NONCE: &str = "n-0S6_WzA2Mj";
const NOW: i64 = 1_800_000_000;

/// A 2048-bit RSA test key (PKCS#1 `RSAPrivateKey` DER, base64), made with `openssl genpkey`: ring can
/// sign with RSA keys but not generate them.
const RSA_TEST_KEY: &str = concat!(
    "MIIEowIBAAKCAQEArn1F6UPQ2CMDuISMaxkrPmh36Bbc/ozisVx2/mFw1XleGwrPNbMSso6xsPSljceOS6Ys2U17",
    "+yfKvHvF7jMdrBpi6ESzJaO7JciBs0B0jv9gn+wxcV4KrvkfW6NgXTnH0bhzkJsVAsc2zDaDcVa1NSnBQn67mgSg",
    "iO2tpMe6D6Qm307GJeoGxkFEsHrgL1w6ZWDtduezhFUmP7cEbxIzB5oySqJIQ3xhQaU86MQJvEUIpRsePSzDPUxm",
    "waTreyhnIYWBJ6Zc+GijHG3p18IMkFOOpbrojeVPstO+INqNDEhS1yHybwp0wAFJ9eRMsqXiNmtQQQh56Chsj2Op",
    "BzUjZQIDAQABAoIBACwxWUALp3zeXWZh18iWPtAXGGtlQwKLfyzJjO+/kRrYGuABfFqO6KjloBZ/1+BRTvZU953v",
    "1HtXaC8VsBs0wgqhQjSularuTYtzvXm/VOYUww2t/hXG6jDHssv8VH84D6ZLr6VLyeYCu5u8IM1XVxzIXwSu4WfQ",
    "TTJw9B48YaDtGMTRUHkamRxtFOb9GIYqKbRUqrw1Oq6Vz96FRHBTN57s4TyDWXTvJ9qrRm3SEx7hGvablFi/Efcv",
    "FdBzKv9fkojMclolaCKHnzQNYBK1f0rBkTtzutpNs5UfC9RD9SeL6aAUxYFUw5WQr73e1K/rWIdjfw6pXvsb/VVe",
    "y+Fxol8CgYEA1XlO5K6hdR1LyCz+L+Ng9A5iMHtUSFFcTiE/OuwAf9KHjqg3zCRvuRNAYPGw0rz5cvefL3TYWzyf",
    "TwkFGnVPDdnMy1AKRRO0WFIX+/gbFpr3jGoPO5o09j/611nNKKHIGSGgZESJrKeEmkRH8jsFVc8+JwgxoPp2/jsX",
    "Pz91JbMCgYEA0T/Xb9pkHnbyVcMVi+7Qx0rUB9siSspVkYe4etpUnShnGehxcO1ugRYfr2oB/vFZa+6LtButZOgJ",
    "eB9jd3+6lMTbYwTTgwfhXsan8nvdIGoNd4SBtl/5NbVXhpYx/hGCOFYhn1iDf1UKpqmmvWz2KasnO0+U6Vi+weTJ",
    "oRtbtocCgYBh9qBgy07mysHrI9KmMUdd2Hfw3bfo1AVzCUjWBlWYUwnISqQId7QZj58cne1SWEx1GPOhOJLNE73b",
    "7Dy+TpUvuwKDTsDXwFojqdC93ba4ofb2JfnFlVe2pde8GcbPXabQ+aB8QwOXCu0MSkdl/vXM0iUojlcQE8ClnIJn",
    "kPx2hwKBgQC7cGa5qXXZ3E8EB/a7HLgkbaE1UFSNjmXMMTlNw1ncVZ7VlGRZ9jXwqDLF3T3gc63Ygxzdv5U5OKmS",
    "0vs0xlQKg7TKJD6bt2lojqdPDSltqdJaZ3YSOjJwq/q1csFhh6mQcYc4x/8zBqi91maodHylos1H0efgh0CJSzpa",
    "eLlU7QKBgDBjEAWOVVNojjgn8xWxc1R7yPZjt9UEG2j6CCPKEt3QtNxt23rmOoKKbvKG35I1Hq0nisFT8M1I5lJm",
    "4CpLOCNkv23w0i+GZpvODxk8zQ6nneJmUMQm0f7TU+qj8W5+EGvtHjvLLy3WnVtFCj6YVkKVYnA2Edj+T+uh4Kil",
    "Y3qj",
);

fn key() -> EcdsaKeyPair {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .expect("generate key");
    EcdsaKeyPair::from_pkcs8(
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        pkcs8.as_ref(),
        &rng,
    )
    .expect("parse key")
}

fn claims() -> Value {
    json!({
        "iss": ISSUER,
        "sub": "citizen-1",
        "aud": CLIENT,
        "exp": NOW + 300,
        "iat": NOW,
        "nonce": NONCE,
        "citizen_id": "079085001234",
    })
}

fn expected() -> Expected<'static> {
    Expected {
        issuer: ISSUER,
        client_id: CLIENT,
        nonce: NONCE,
        now: NOW,
    }
}

fn sign(key: &EcdsaKeyPair, claims: &Value) -> String {
    sign_es256(key, "k1", claims, &SystemRandom::new()).expect("sign")
}

fn jwks(key: &EcdsaKeyPair) -> Jwks {
    Jwks {
        keys: vec![es256_public_jwk(key, "k1")],
    }
}

fn check(claims: &Value) -> Result<Map<String, Value>, IdTokenError> {
    let key = key();
    verify(&sign(&key, claims), &jwks(&key), &expected())
}

fn with(change: impl FnOnce(&mut Map<String, Value>)) -> Value {
    let mut c = claims();
    if let Value::Object(map) = &mut c {
        change(map);
    }
    c
}

#[test]
fn a_good_es256_token_is_accepted() {
    let verified = check(&claims()).expect("valid token");
    assert_eq!(verified["citizen_id"], "079085001234");
}

#[test]
fn a_good_rs256_token_is_accepted_and_a_tampered_one_refused() {
    use base64::engine::general_purpose::STANDARD;
    let der = STANDARD.decode(RSA_TEST_KEY).expect("base64 key");
    let key = signature::RsaKeyPair::from_der(&der).expect("RSA key");
    let public = signature::RsaPublicKeyComponents::<Vec<u8>>::from(key.public());
    let keys = Jwks {
        keys: vec![Jwk {
            kty: "RSA".into(),
            kid: Some("r1".into()),
            alg: Some("RS256".into()),
            n: Some(URL_SAFE_NO_PAD.encode(&public.n)),
            e: Some(URL_SAFE_NO_PAD.encode(&public.e)),
            ..Jwk::default()
        }],
    };
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256","kid":"r1"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims().to_string());
    let input = format!("{header}.{payload}");
    let mut sig = vec![0; key.public().modulus_len()];
    key.sign(
        &signature::RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        input.as_bytes(),
        &mut sig,
    )
    .expect("sign");
    let token = format!("{input}.{}", URL_SAFE_NO_PAD.encode(&sig));
    assert!(verify(&token, &keys, &expected()).is_ok());
    let other = URL_SAFE_NO_PAD.encode(
        with(|c| {
            c.insert("sub".into(), json!("someone-else"));
        })
        .to_string(),
    );
    let tampered = format!("{header}.{other}.{}", URL_SAFE_NO_PAD.encode(&sig));
    assert_eq!(
        verify(&tampered, &keys, &expected()),
        Err(IdTokenError::BadSignature)
    );
}

#[test]
fn a_tampered_payload_is_refused() {
    let key = key();
    let token = sign(&key, &claims());
    let parts: Vec<&str> = token.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode(
        with(|c| {
            c.insert("citizen_id".into(), json!("001099000001"));
        })
        .to_string(),
    );
    let tampered = format!("{}.{forged}.{}", parts[0], parts[2]);
    assert_eq!(
        verify(&tampered, &jwks(&key), &expected()),
        Err(IdTokenError::BadSignature)
    );
}

#[test]
fn a_token_signed_by_another_key_is_refused() {
    let token = sign(&key(), &claims());
    assert_eq!(
        verify(&token, &jwks(&key()), &expected()),
        Err(IdTokenError::BadSignature)
    );
}

#[test]
fn an_unknown_kid_is_reported_so_the_jwks_can_be_refetched() {
    let key = key();
    let token = sign_es256(&key, "k2", &claims(), &SystemRandom::new()).expect("sign");
    assert_eq!(
        verify(&token, &jwks(&key), &expected()),
        Err(IdTokenError::UnknownKey(Some("k2".into())))
    );
}

#[test]
fn a_wrong_nonce_is_refused() {
    let c = with(|c| {
        c.insert("nonce".into(), json!("another"));
    });
    assert_eq!(check(&c), Err(IdTokenError::WrongNonce));
    let c = with(|c| {
        c.remove("nonce");
    });
    assert_eq!(check(&c), Err(IdTokenError::MissingClaim("nonce")));
}

#[test]
fn a_wrong_audience_is_refused() {
    let c = with(|c| {
        c.insert("aud".into(), json!("another-client"));
    });
    assert_eq!(check(&c), Err(IdTokenError::WrongAudience));
    // Several audiences without `azp`, or with another client's `azp`.
    let c = with(|c| {
        c.insert("aud".into(), json!([CLIENT, "another-client"]));
    });
    assert_eq!(check(&c), Err(IdTokenError::WrongAudience));
    let c = with(|c| {
        c.insert("aud".into(), json!([CLIENT, "another-client"]));
        c.insert("azp".into(), json!("another-client"));
    });
    assert_eq!(check(&c), Err(IdTokenError::WrongAudience));
    let c = with(|c| {
        c.insert("aud".into(), json!([CLIENT, "another-client"]));
        c.insert("azp".into(), json!(CLIENT));
    });
    assert!(check(&c).is_ok());
}

#[test]
fn a_wrong_issuer_is_refused() {
    let c = with(|c| {
        c.insert("iss".into(), json!("https://evil.example"));
    });
    assert_eq!(
        check(&c),
        Err(IdTokenError::WrongIssuer("https://evil.example".into()))
    );
}

#[test]
fn an_expired_token_is_refused_beyond_the_leeway() {
    let c = with(|c| {
        c.insert("exp".into(), json!(NOW - LEEWAY_SECS - 1));
    });
    assert_eq!(check(&c), Err(IdTokenError::Expired));
    let c = with(|c| {
        c.insert("exp".into(), json!(NOW - 30));
    });
    assert!(check(&c).is_ok(), "within the leeway");
    let c = with(|c| {
        c.insert("iat".into(), json!(NOW + LEEWAY_SECS + 1));
    });
    assert_eq!(check(&c), Err(IdTokenError::IssuedInFuture));
}

#[test]
fn alg_none_is_refused() {
    let key = key();
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims().to_string());
    for token in [
        format!("{header}.{payload}."),
        format!("{header}.{payload}"),
    ] {
        assert!(
            matches!(
                verify(&token, &jwks(&key), &expected()),
                Err(IdTokenError::UnsupportedAlgorithm(_) | IdTokenError::Malformed(_))
            ),
            "{token}"
        );
    }
}

#[test]
fn hs256_is_refused_even_with_the_public_key_as_secret() {
    // The classic confusion attack: an HMAC keyed with the (public) JWK.
    let key = key();
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims().to_string());
    let input = format!("{header}.{payload}");
    let secret = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.public_key().as_ref());
    let tag = ring::hmac::sign(&secret, input.as_bytes());
    let token = format!("{input}.{}", URL_SAFE_NO_PAD.encode(tag.as_ref()));
    assert_eq!(
        verify(&token, &jwks(&key), &expected()),
        Err(IdTokenError::UnsupportedAlgorithm("HS256".into()))
    );
}

#[test]
fn an_es256_token_does_not_match_an_rsa_key_with_its_kid() {
    let key = key();
    let token = sign(&key, &claims());
    let keys = Jwks {
        keys: vec![Jwk {
            kty: "RSA".into(),
            kid: Some("k1".into()),
            n: Some("AQAB".into()),
            e: Some("AQAB".into()),
            ..Jwk::default()
        }],
    };
    assert!(matches!(
        verify(&token, &keys, &expected()),
        Err(IdTokenError::UnusableKey(_))
    ));
}
