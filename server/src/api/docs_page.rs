//! `/api-docs`: a human-readable page generated from the same OpenAPI document, so it can never
//! drift from the API. Plain server-rendered HTML, no external scripts (the portal must work on
//! closed networks).

use serde_json::Value;

/// Escapes text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Renders the page for an OpenAPI document (as JSON).
pub fn render(doc: &Value) -> String {
    let info = &doc["info"];
    let mut html = String::with_capacity(16 * 1024);
    html.push_str("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html.push_str(&format!("<title>{}</title>", esc(text(info, "title"))));
    html.push_str("<link rel=\"stylesheet\" href=\"/pkg/site.css\"></head><body>");
    html.push_str("<main id=\"main\" class=\"container api-docs\">");
    html.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        esc(text(info, "title")),
        esc(text(info, "description"))
    ));
    html.push_str(
        "<p>Tài liệu máy đọc được (OpenAPI 3.1): <a href=\"/api/openapi.json\">/api/openapi.json</a></p>",
    );
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(ops) = item.as_object() else {
                continue;
            };
            for (method, op) in ops {
                let summary = text(op, "summary");
                let description = text(op, "description");
                html.push_str("<section class=\"api-op\">");
                html.push_str(&format!(
                    "<h2><code>{} {}</code></h2><p>{}</p>",
                    esc(&method.to_uppercase()),
                    esc(path),
                    esc(if summary.is_empty() {
                        description
                    } else {
                        summary
                    })
                ));
                if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                    html.push_str("<h3>Tham số</h3><ul>");
                    for p in params {
                        html.push_str(&format!(
                            "<li><code>{}</code> ({}) {}</li>",
                            esc(text(p, "name")),
                            esc(text(p, "in")),
                            esc(text(p, "description"))
                        ));
                    }
                    html.push_str("</ul>");
                }
                if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                    html.push_str("<h3>Kết quả</h3><ul>");
                    for (status, r) in responses {
                        html.push_str(&format!(
                            "<li><code>{}</code> {}</li>",
                            esc(status),
                            esc(text(r, "description"))
                        ));
                    }
                    html.push_str("</ul>");
                }
                html.push_str("</section>");
            }
        }
    }
    html.push_str("</main></body></html>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_operations_and_escapes_text() {
        let doc = serde_json::json!({
            "info": {"title": "API <x>", "description": "d"},
            "paths": {"/a/{id}": {"get": {"summary": "Get & show",
                "parameters": [{"name": "id", "in": "path", "description": "the id"}],
                "responses": {"200": {"description": "ok"}}}}}
        });
        let html = render(&doc);
        assert!(html.contains("<code>GET /a/{id}</code>"), "{html}");
        assert!(html.contains("Get &amp; show"));
        assert!(html.contains("API &lt;x&gt;"));
        assert!(html.contains("<code>200</code> ok"));
    }
}
