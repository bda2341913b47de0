//! VNPay's merchant API (`merchant_webapi/api/transaction`, protocol 2.1.0): the `querydr`
//! call that asks how a transaction ended, and the `refund` call. Both are JSON posts whose
//! fields are signed joined with `|` in a fixed order, and so are the answers; an answer with a
//! wrong signature is treated as no answer.
//!
//! [`Api`] is what the payment services call; the server implements it over HTTP (the real
//! gateway or the simulator, which speak the same protocol).

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::vnpay::{self, api_hash};

/// A `querydr` or `refund` request, as sent (field names are the protocol's).
#[allow(non_snake_case)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Request {
    /// Unique per call.
    pub vnp_RequestId: String,
    /// `2.1.0`.
    pub vnp_Version: String,
    /// `querydr` or `refund`.
    pub vnp_Command: String,
    /// Merchant terminal.
    pub vnp_TmnCode: String,
    /// `refund`: `02` full, `03` partial.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vnp_TransactionType: String,
    /// The payment's reference.
    pub vnp_TxnRef: String,
    /// `refund`: amount × 100.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vnp_Amount: String,
    /// Free text.
    pub vnp_OrderInfo: String,
    /// The gateway's transaction number, when known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vnp_TransactionNo: String,
    /// When the payment was created (`vnp_CreateDate` of the payment), `yyyyMMddHHmmss`.
    pub vnp_TransactionDate: String,
    /// `refund`: who asked for it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vnp_CreateBy: String,
    /// When this call is made.
    pub vnp_CreateDate: String,
    /// The caller's address.
    pub vnp_IpAddr: String,
    /// Signature.
    pub vnp_SecureHash: String,
}

impl Request {
    /// The fields signed, in the documented order of the command.
    pub fn signed_fields(&self) -> Vec<&str> {
        if self.vnp_Command == "refund" {
            vec![
                &self.vnp_RequestId,
                &self.vnp_Version,
                &self.vnp_Command,
                &self.vnp_TmnCode,
                &self.vnp_TransactionType,
                &self.vnp_TxnRef,
                &self.vnp_Amount,
                &self.vnp_TransactionNo,
                &self.vnp_TransactionDate,
                &self.vnp_CreateBy,
                &self.vnp_CreateDate,
                &self.vnp_IpAddr,
                &self.vnp_OrderInfo,
            ]
        } else {
            vec![
                &self.vnp_RequestId,
                &self.vnp_Version,
                &self.vnp_Command,
                &self.vnp_TmnCode,
                &self.vnp_TxnRef,
                &self.vnp_TransactionDate,
                &self.vnp_CreateDate,
                &self.vnp_IpAddr,
                &self.vnp_OrderInfo,
            ]
        }
    }

    /// Signs the request under `secret`.
    pub fn sign(mut self, secret: &str) -> Request {
        self.vnp_SecureHash = api_hash(secret, &self.signed_fields());
        self
    }

    /// True when the request's signature holds (the simulator's side).
    pub fn verify(&self, secret: &str) -> bool {
        constant_eq(
            &api_hash(secret, &self.signed_fields()),
            &self.vnp_SecureHash,
        )
    }
}

/// The gateway's answer to `querydr` or `refund` (field names are the protocol's).
#[allow(non_snake_case)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// Echo of the request id.
    pub vnp_ResponseId: String,
    /// The command answered.
    pub vnp_Command: String,
    /// `00` done; `91` no such transaction; `94` duplicate request; `95` refused (refund of a
    /// transaction that did not succeed); `97` bad signature; `99` other.
    pub vnp_ResponseCode: String,
    /// Words.
    pub vnp_Message: String,
    /// Merchant terminal.
    pub vnp_TmnCode: String,
    /// The payment's reference.
    pub vnp_TxnRef: String,
    /// Amount × 100.
    pub vnp_Amount: String,
    /// Payer's bank.
    pub vnp_BankCode: String,
    /// Paid at.
    pub vnp_PayDate: String,
    /// Gateway transaction number.
    pub vnp_TransactionNo: String,
    /// `01` payment, `02`/`03` refund.
    pub vnp_TransactionType: String,
    /// `00` succeeded; `01` not finished; `02` failed; others per VNPay's table.
    pub vnp_TransactionStatus: String,
    /// Echo of the order text.
    pub vnp_OrderInfo: String,
    /// Signature.
    pub vnp_SecureHash: String,
}

impl Answer {
    fn signed_fields(&self) -> Vec<&str> {
        vec![
            &self.vnp_ResponseId,
            &self.vnp_Command,
            &self.vnp_ResponseCode,
            &self.vnp_Message,
            &self.vnp_TmnCode,
            &self.vnp_TxnRef,
            &self.vnp_Amount,
            &self.vnp_BankCode,
            &self.vnp_PayDate,
            &self.vnp_TransactionNo,
            &self.vnp_TransactionType,
            &self.vnp_TransactionStatus,
            &self.vnp_OrderInfo,
        ]
    }

    /// Signs the answer (the simulator's side).
    pub fn sign(mut self, secret: &str) -> Answer {
        self.vnp_SecureHash = api_hash(secret, &self.signed_fields());
        self
    }

    /// True when the answer's signature holds.
    pub fn verify(&self, secret: &str) -> bool {
        constant_eq(
            &api_hash(secret, &self.signed_fields()),
            &self.vnp_SecureHash,
        )
    }
}

fn constant_eq(expected: &str, given: &str) -> bool {
    crate::secrets::constant_time_eq(expected, &given.to_ascii_lowercase())
}

/// The gateway's merchant API, as the payment services see it.
pub trait Api: Send + Sync {
    /// Posts `request` (already signed) and returns the answer, or why there is none.
    fn call(&self, request: Request) -> BoxFuture<'_, Result<Answer, String>>;
}

/// A new request for `command` about payment `txn_ref`, created at `transaction_date`.
pub fn request(
    command: &str,
    tmn_code: &str,
    txn_ref: &str,
    transaction_date: &str,
    now: &str,
    order_info: &str,
) -> Request {
    Request {
        vnp_RequestId: uuid::Uuid::new_v4().simple().to_string(),
        vnp_Version: vnpay::VERSION.to_owned(),
        vnp_Command: command.to_owned(),
        vnp_TmnCode: tmn_code.to_owned(),
        vnp_TxnRef: txn_ref.to_owned(),
        vnp_OrderInfo: order_info.to_owned(),
        vnp_TransactionDate: transaction_date.to_owned(),
        vnp_CreateDate: now.to_owned(),
        vnp_IpAddr: "127.0.0.1".to_owned(),
        ..Request::default()
    }
}
