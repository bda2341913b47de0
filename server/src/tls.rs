//! One rustls crypto provider for the whole process.
//!
//! Two providers are compiled in (ring, through lettre and sqlx; aws-lc-rs, through
//! object_store's S3 client), so rustls cannot pick a process default by itself and code that
//! asks for it would panic at run time. The portal installs aws-lc-rs at start-up and in every
//! constructor that may open a TLS connection, so tests that skip `main` get it too.

/// Installs aws-lc-rs as the process's default rustls provider; does nothing if one is already
/// installed.
pub fn install_crypto_provider() {
    // An error only means a provider is already installed, which is what is wanted.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_default_provider_is_installed() {
        super::install_crypto_provider();
        super::install_crypto_provider();
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
        // What would panic without a default provider.
        let _config = rustls::ClientConfig::builder()
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth();
    }
}
