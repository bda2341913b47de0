//! What the gateway says about a payment: its IPN call (the only way a payment's state
//! changes), the browser's return (informational), and [`confirm`], the one place every
//! gateway's answer (VNPay, the bank's credit notice and statement) is recorded.

use super::*;

pub(super) async fn keep_callback<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    params: &BTreeMap<String, String>,
    valid: bool,
    answer: IpnCode,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    payment_callback::Entity::insert(payment_callback::ActiveModel {
        id: NotSet,
        gateway: Set("vnpay".into()),
        kind: Set(kind.to_owned()),
        txn_ref: Set(if valid {
            params.get("vnp_TxnRef").cloned()
        } else {
            super::super::unsigned_reference(params.get("vnp_TxnRef"))
        }),
        received_at: Set(now.fixed_offset()),
        signature_valid: Set(valid),
        answer: Set(answer.code().to_owned()),
        // Anyone can call the IPN address: of an unsigned call only a short prefix is kept.
        params: Set(if valid {
            serde_json::to_value(params).unwrap_or_default()
        } else {
            super::super::unsigned_excerpt(&serde_json::to_vec(params).unwrap_or_default())
        }),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Handles VNPay's IPN call: the only way a payment's state changes. Every call is kept.
pub async fn vnpay_ipn(
    db: &DatabaseConnection,
    secret: &str,
    params: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> DomainResult<IpnCode> {
    let valid = vnpay::verify(secret, params);
    let answer = if valid {
        apply_ipn(db, params, now).await?
    } else {
        tracing::warn!(txn_ref = ?params.get("vnp_TxnRef"), "VNPay IPN with a bad signature");
        IpnCode::BadSignature
    };
    keep_callback(db, "ipn", params, valid, answer, now).await?;
    Ok(answer)
}

pub(super) async fn apply_ipn(
    db: &DatabaseConnection,
    params: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> DomainResult<IpnCode> {
    let get = |k: &str| params.get(k).map(String::as_str).unwrap_or("");
    confirm(
        db,
        &GatewayAnswer {
            gateway: "VNPay",
            txn_ref: get("vnp_TxnRef"),
            amount_x100: get("vnp_Amount").parse::<i64>().ok(),
            success: get("vnp_ResponseCode") == "00" && get("vnp_TransactionStatus") == "00",
            gateway_txn_no: get("vnp_TransactionNo"),
            bank_code: get("vnp_BankCode"),
            response_code: get("vnp_ResponseCode"),
        },
        now,
    )
    .await
}

/// What a gateway says about one payment, whatever its protocol.
pub(crate) struct GatewayAnswer<'a> {
    /// Who says it (the timeline's and audit log's actor).
    pub gateway: &'a str,
    /// The payment's reference.
    pub txn_ref: &'a str,
    /// The amount in hundredths of a đồng (VNPay's unit); `None` when unreadable.
    pub amount_x100: Option<i64>,
    /// The money was taken.
    pub success: bool,
    /// The gateway's (or bank's) transaction number.
    pub gateway_txn_no: &'a str,
    /// The paying bank.
    pub bank_code: &'a str,
    /// The gateway's own code.
    pub response_code: &'a str,
}

/// Records a gateway's answer about a payment, once: the only way a payment's state changes,
/// with the rules of the module (a replay changes nothing, a wrong amount is refused, a
/// payment beyond the balance is a duplicate, a paid dossier waiting for its fee moves on).
pub(crate) async fn confirm(
    db: &DatabaseConnection,
    answer: &GatewayAnswer<'_>,
    now: DateTime<Utc>,
) -> DomainResult<IpnCode> {
    let Some(found) = payment::Entity::find()
        .filter(payment::Column::TxnRef.eq(answer.txn_ref))
        .one(db)
        .await?
    else {
        return Ok(IpnCode::OrderNotFound);
    };
    if answer.amount_x100 != Some(found.amount_vnd * 100) {
        return Ok(IpnCode::WrongAmount);
    }
    // An abandoned attempt ("pay again") may still end paid at the gateway: recorded too.
    if !matches!(found.status.as_str(), "pending" | "expired" | "abandoned") {
        return Ok(IpnCode::AlreadyConfirmed);
    }
    let success = answer.success;
    let txn = crate::db::begin_write(db).await?;
    let row = change::lock(&txn, &found.dossier_id)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("dossier {}", found.dossier_id)))?;
    let others = of_dossier(&txn, &found.dossier_id).await?;
    // A payment beyond what was due when it was made (another tab's payment came first) is
    // paid twice: kept as `duplicate`, to be refunded.
    let others: Vec<payment::Model> = others.into_iter().filter(|p| p.id != found.id).collect();
    let paid_before = super::super::money::paid_total(&others);
    let due_before = row.fee_due_vnd.unwrap_or(0) - paid_before;
    // Nothing was due any more (paid meanwhile, or the fee went down after the order was
    // made): the money is kept as `duplicate`, to be refunded.
    let status = if !success {
        "failed"
    } else if due_before <= 0
        || (paid_before > 0 && paid_before + found.amount_vnd > row.fee_due_vnd.unwrap_or(0))
    {
        "duplicate"
    } else {
        "paid"
    };
    if status == "paid" && found.amount_vnd > due_before {
        tracing::warn!(txn_ref = %found.txn_ref, over = found.amount_vnd - due_before, "a payment above the balance (the fee went down after it was started)");
    }
    let changed = payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value(status))
        .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
        .col_expr(
            payment::Column::PaidAt,
            Expr::value(success.then(|| now.fixed_offset())),
        )
        .col_expr(
            payment::Column::GatewayTxnNo,
            Expr::value(Some(answer.gateway_txn_no.to_owned())),
        )
        .col_expr(
            payment::Column::BankCode,
            Expr::value(Some(answer.bank_code.to_owned())),
        )
        .col_expr(
            payment::Column::ResponseCode,
            Expr::value(Some(answer.response_code.to_owned())),
        )
        .filter(payment::Column::Id.eq(&found.id))
        .filter(payment::Column::Status.is_in(["pending", "expired", "abandoned"]))
        .exec(&txn)
        .await?;
    if changed.rows_affected != 1 {
        return Ok(IpnCode::AlreadyConfirmed);
    }
    // Paid before processing: the dossier now goes to the desk.
    let moves_on = status == "paid" && row.status == Status::AwaitingPayment.code();
    if moves_on {
        dossier::Entity::update_many()
            .col_expr(
                dossier::Column::Status,
                Expr::value(Status::Submitted.code()),
            )
            .col_expr(dossier::Column::UpdatedAt, Expr::value(now.fixed_offset()))
            .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1))
            .filter(dossier::Column::Id.eq(&row.id))
            .filter(dossier::Column::Revision.eq(row.revision))
            .exec(&txn)
            .await?;
    }
    let kind = match status {
        "paid" => "payment_paid",
        "duplicate" => "payment_duplicate",
        _ => "payment_failed",
    };
    let mut change = DossierChange::new(&row, By::Party(answer.gateway))
        .event(kind)
        .data(serde_json::json!({
            "amount_vnd": found.amount_vnd,
            "txn_ref": found.txn_ref,
            "gateway_txn_no": answer.gateway_txn_no,
            "response_code": answer.response_code,
        }))
        .audit(format!("payment.{status}"))
        .detail(serde_json::json!({ "txn_ref": found.txn_ref, "amount_vnd": found.amount_vnd }));
    if moves_on {
        // The desk now has it: its tally moves too.
        change = change
            .status(Status::AwaitingPayment, Status::Submitted)
            .tally();
    }
    change.record(&txn, &Origin::default(), now).await?;
    // Money beyond what is due (a second payment, or one above a lowered balance) is owed back.
    if success {
        crate::payments::refund_orders::open_owed(&txn, &row, None, &Origin::default(), now)
            .await?;
    }
    txn.commit().await?;
    Ok(IpnCode::Confirmed)
}

/// The browser's return from the gateway: informational only. Returns the dossier it concerns
/// (to show its page, where the state recorded by the IPN is read) when the signature holds.
pub async fn vnpay_return(
    db: &DatabaseConnection,
    secret: &str,
    params: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> DomainResult<Option<String>> {
    let valid = vnpay::verify(secret, params);
    let found = if valid {
        payment::Entity::find()
            .filter(
                payment::Column::TxnRef.eq(params.get("vnp_TxnRef").cloned().unwrap_or_default()),
            )
            .one(db)
            .await?
    } else {
        None
    };
    let answer = if valid {
        IpnCode::Confirmed
    } else {
        IpnCode::BadSignature
    };
    keep_callback(db, "return", params, valid, answer, now).await?;
    Ok(found.map(|p| p.dossier_id))
}
