//! Shows or hides conditional form items as the applicant answers. Items carry
//! `data-visible-if="<controller id>=<value>|<value>"`; the server renders them hidden or shown
//! from the saved answers (so without JavaScript a save reveals them), and this keeps them in
//! step while typing.

/// Re-evaluates every conditional item inside `root` (call on `change`).
#[cfg(feature = "hydrate")]
pub fn refresh(root: &web_sys::Element) {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

    let Ok(items) = root.query_selector_all("[data-visible-if]") else {
        return;
    };
    for i in 0..items.length() {
        let Some(item) = items.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let rule = item.get_attribute("data-visible-if").unwrap_or_default();
        let Some((controller, values)) = rule.split_once('=') else {
            continue;
        };
        let current = current_value(root, controller);
        let show = values.split('|').any(|v| v == current);
        item.set_hidden(!show);
    }

    fn current_value(root: &web_sys::Element, controller: &str) -> String {
        // Radio buttons share the controller's name; a checkbox or select has its id.
        let radio = format!("input[type=radio][name=\"{controller}\"]:checked");
        if let Ok(Some(el)) = root.query_selector(&radio) {
            if let Ok(input) = el.dyn_into::<HtmlInputElement>() {
                return input.value();
            }
        }
        let Ok(Some(el)) = root.query_selector(&format!("[id=\"{controller}\"]")) else {
            return String::new();
        };
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() == "checkbox" {
                return input.checked().to_string();
            }
            return input.value();
        }
        el.dyn_ref::<HtmlSelectElement>()
            .map(HtmlSelectElement::value)
            .unwrap_or_default()
    }
}
