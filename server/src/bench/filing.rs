//! Load for `make bench`: complete online filings against a running portal over HTTP, the way
//! the mobile API does them — start a draft, save its parts, upload one document of a given
//! size into each required slot, submit — with many filings in flight at once.
//!
//! The citizens and their sessions are made directly in the database first (signing in 400
//! times would measure Argon2, not filing).

use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// What a run measured.
#[derive(Debug, serde::Serialize)]
pub struct FilingTimings {
    /// Filings completed.
    pub filings: usize,
    /// Of which submitted with a code.
    pub submitted: usize,
    /// Bytes uploaded in all.
    pub uploaded_bytes: u64,
    /// Wall time, seconds.
    pub seconds: f64,
    /// Complete filings per second.
    pub filings_per_sec: f64,
    /// Submissions per second: every prepared draft submitted, `concurrency` at a time.
    pub submissions_per_sec: f64,
    /// Median of the submit call.
    pub submit_p50_ms: f64,
    /// 99th percentile of the submit call.
    pub submit_p99_ms: f64,
}

async fn sessions(
    db: &domain::db::DatabaseConnection,
    count: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::with_capacity(count);
    // Distinct identities across runs on the same database (citizen IDs stay 12 digits).
    use sea_orm::{EntityTrait, PaginatorTrait};
    let base = domain::entities::account::Entity::find().count(db).await? as u32 + 500_000;
    for n in 0..count {
        let actor = domain::testing::citizen(db, base + n as u32)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let account = actor.account_id().unwrap_or_default().to_owned();
        let started = domain::sessions::start(
            db,
            &account,
            domain::sessions::Policy::default(),
            &domain::testing::origin(),
            None,
        )
        .await?;
        out.push((started.token, started.csrf_token));
    }
    Ok(out)
}

async fn call(
    client: &reqwest::Client,
    base: &str,
    session: &(String, String),
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> anyhow::Result<Value> {
    let mut request = client
        .request(method, format!("{base}{path}"))
        .header("cookie", format!("sid={}; csrf={}", session.0, session.1))
        .header("x-csrf-token", &session.1);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let answer = request.send().await?;
    let status = answer.status();
    let value: Value = answer.json().await.unwrap_or(Value::Null);
    if !status.is_success() {
        anyhow::bail!("{path}: {status} {value}");
    }
    Ok(value)
}

/// Everything up to the submit: a complete draft with its documents. Returns its id and the
/// bytes uploaded.
async fn prepare(
    client: &reqwest::Client,
    base: &str,
    session: &(String, String),
    document: &bytes::Bytes,
) -> anyhow::Result<(String, u64)> {
    use reqwest::Method;
    let d = call(
        client,
        base,
        session,
        Method::POST,
        "/api/v1/dossiers",
        Some(json!({"procedure_code": "TN.ATTP.001"})),
    )
    .await?;
    let id = d["id"].as_str().unwrap_or_default().to_owned();
    let mut applicant = d["applicant"].clone();
    applicant["phone"] = json!("0912000001");
    let saved = call(
        client,
        base,
        session,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": d["revision"], "applicant": applicant,
                    "answers": {"noi_dung": "Cấp giấy chứng nhận cho quán ăn"},
                    "delivery": {"method": "electronic"}})),
    )
    .await?;
    let slots: Vec<String> = saved["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["field"].as_str()?.strip_prefix("doc-").map(str::to_owned))
        .collect();
    let mut uploaded = 0;
    for (i, slot) in slots.iter().enumerate() {
        // One document of the measured size; the other slots get a small scan.
        let body = if i == 0 {
            document.clone()
        } else {
            document.slice(..document.len().min(20_000))
        };
        uploaded += body.len() as u64;
        let answer = client
            .post(format!(
                "{base}/api/v1/dossiers/{id}/files?slot={slot}&name=scan.pdf"
            ))
            .header("cookie", format!("sid={}; csrf={}", session.0, session.1))
            .header("x-csrf-token", &session.1)
            .body(body)
            .send()
            .await?;
        if !answer.status().is_success() {
            anyhow::bail!("upload: {}", answer.status());
        }
    }
    let current = call(
        client,
        base,
        session,
        Method::GET,
        &format!("/api/v1/dossiers/{id}"),
        None,
    )
    .await?;
    call(
        client,
        base,
        session,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": current["revision"], "documents_done": true})),
    )
    .await?;
    Ok((id, uploaded))
}

/// The submit call of a prepared draft; returns how long it took.
async fn submit(
    client: &reqwest::Client,
    base: &str,
    session: &(String, String),
    id: &str,
) -> anyhow::Result<Duration> {
    let start = Instant::now();
    call(
        client,
        base,
        session,
        reqwest::Method::POST,
        &format!("/api/v1/dossiers/{id}/submit"),
        Some(json!({"declaration": true})),
    )
    .await?;
    Ok(start.elapsed())
}

/// Runs `work` over `items`, `concurrency` at a time, and returns the outcomes.
async fn in_parallel<I, T, F, Fut>(
    items: Vec<I>,
    concurrency: usize,
    work: F,
) -> anyhow::Result<Vec<anyhow::Result<T>>>
where
    I: Send + 'static,
    T: Send + 'static,
    F: Fn(I) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<T>> + Send,
{
    let queue = std::sync::Arc::new(tokio::sync::Mutex::new(items.into_iter()));
    let mut workers = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (queue, work) = (queue.clone(), work.clone());
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = queue.lock().await.next();
                let Some(item) = next else { break };
                done.push(work(item).await);
            }
            done
        }));
    }
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.extend(worker.await?);
    }
    Ok(outcomes)
}

/// Runs `count` filings, `concurrency` at a time, each document `size` bytes: first every
/// draft is prepared (applicant, form, documents), then every draft is submitted, so that the
/// submissions' own rate is measured apart from the uploads that precede them.
pub async fn run(
    db: &domain::db::DatabaseConnection,
    base: &str,
    count: usize,
    concurrency: usize,
    size: usize,
) -> anyhow::Result<FilingTimings> {
    let sessions = sessions(db, count).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let mut document = b"%PDF-1.7\n".to_vec();
    document.resize(size.max(16), b' ');
    let document = bytes::Bytes::from(document);

    let started = Instant::now();
    let prepared = {
        let (client, base, document) = (client.clone(), base.to_owned(), document.clone());
        in_parallel(sessions, concurrency, move |session: (String, String)| {
            let (client, base, document) = (client.clone(), base.clone(), document.clone());
            async move {
                let (id, bytes) = prepare(&client, &base, &session, &document).await?;
                Ok((session, id, bytes))
            }
        })
        .await?
    };
    let mut uploaded_bytes = 0;
    let mut drafts = Vec::new();
    for outcome in prepared {
        match outcome {
            Ok((session, id, bytes)) => {
                uploaded_bytes += bytes;
                drafts.push((session, id));
            }
            Err(e) => {
                tracing::warn!(error = %e, "preparing a filing failed");
            }
        }
    }
    let submitting = Instant::now();
    let outcomes = {
        let (client, base) = (client.clone(), base.to_owned());
        in_parallel(
            drafts,
            concurrency,
            move |(session, id): ((String, String), String)| {
                let (client, base) = (client.clone(), base.clone());
                async move { submit(&client, &base, &session, &id).await }
            },
        )
        .await?
    };
    let submit_seconds = submitting.elapsed().as_secs_f64();
    let seconds = started.elapsed().as_secs_f64();
    let mut submits = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(took) => submits.push(took.as_secs_f64() * 1000.0),
            Err(e) => {
                tracing::warn!(error = %e, "submitting failed");
            }
        }
    }
    submits.sort_by(f64::total_cmp);
    let pick = |q: f64| -> f64 {
        if submits.is_empty() {
            return 0.0;
        }
        let i = ((submits.len() as f64 - 1.0) * q).round() as usize;
        (submits[i.min(submits.len() - 1)] * 100.0).round() / 100.0
    };
    let round = |x: f64| (x * 10.0).round() / 10.0;
    Ok(FilingTimings {
        filings: count,
        submitted: submits.len(),
        uploaded_bytes,
        seconds: (seconds * 100.0).round() / 100.0,
        filings_per_sec: round(submits.len() as f64 / seconds),
        submissions_per_sec: round(submits.len() as f64 / submit_seconds),
        submit_p50_ms: pick(0.5),
        submit_p99_ms: pick(0.99),
    })
}
