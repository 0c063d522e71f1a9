//! Text in charts: widths estimated without a browser, long labels shortened, and labels
//! from data made safe to draw.

/// An estimate of the width of `text` at `size` pixels: wide enough for the fonts of the
/// page's stack in Latin, Vietnamese and Persian script, digits included.
pub fn width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | ' ' | '(' | ')' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_uppercase() => 0.68,
            _ => 0.58,
        })
        .sum::<f32>()
        * size
}

/// A label from data, fit to draw: control characters become spaces and a label longer than
/// `max` characters is cut with an ellipsis (the data table keeps the whole text).
pub fn label(text: &str, max: usize) -> String {
    let clean: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= max {
        clean
    } else {
        let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
        cut.push('\u{2026}');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cleaned_and_cut() {
        assert_eq!(label("  2024-01 ", 12), "2024-01");
        assert_eq!(label("a\u{0}b\nc", 12), "a b c");
        assert_eq!(label("Scenario with a long name", 10), "Scenario \u{2026}");
        assert_eq!(label("رشد سریع", 10), "رشد سریع");
        assert_eq!(
            label("<img src=x onerror=alert(1)>", 40),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn wider_text_measures_wider() {
        assert!(width("2024-01", 12.0) > width("2024", 12.0));
        assert!(width("MMMM", 12.0) > width("iiii", 12.0));
        assert_eq!(width("", 12.0), 0.0);
    }
}
