//! The SMS gateway against the built-in simulator over real HTTP: the same JSON protocol, an
//! accepted message listed by the simulator, and the documented refusals (wrong keys, a number
//! that is not a Vietnamese mobile, the failing-number control) reported with their codes.

use server::simulators::sms::{routes as simulator_routes, Received, Simulator};
use server::sms::{SmsGateway, SIMULATOR_KEY};

#[tokio::test]
async fn messages_reach_the_simulator_and_refusals_carry_the_providers_code(
) -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let simulator = Simulator::default();
    let app: axum::Router = simulator_routes(simulator.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let url = format!("{base}/api/send");
    let key = SIMULATOR_KEY.to_owned();
    let gateway = SmsGateway::with_keys(url.clone(), key.clone(), key.clone(), "DICHVUCONG".into());

    gateway
        .send(
            "0912345678",
            "Ho so 000.00.02.H53-261204-0001 da duoc tiep nhan",
        )
        .await?;
    let refused = gateway
        .send("0912340000", "x")
        .await
        .err()
        .unwrap_or_default();
    assert!(refused.contains("103"), "{refused}");
    let refused = gateway
        .send("02763123456", "x")
        .await
        .err()
        .unwrap_or_default();
    assert!(refused.contains("99"), "{refused}");
    let wrong = SmsGateway::with_keys(url, "bad".into(), key, "DICHVUCONG".into());
    let refused = wrong
        .send("0912345678", "x")
        .await
        .err()
        .unwrap_or_default();
    assert!(refused.contains("101"), "{refused}");

    // The list is for a signed-in system administrator only (see `security_production.rs`);
    // this bare simulator has no sessions, so it refuses everyone.
    let listed = reqwest::get(format!("{base}/api/messages")).await?;
    assert_eq!(listed.status().as_u16(), 401);
    let received: Vec<Received> = simulator.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].phone, "0912345678");
    assert!(received[0].content.contains("261204-0001"));
    Ok(())
}
