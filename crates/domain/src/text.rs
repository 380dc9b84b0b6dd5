//! The rule every free-text field follows: trimmed, bounded in length, any Unicode, and on
//! one line unless the field is multi-line.

/// How one text field is cleaned and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// The field's name as the user sees it, used in messages ("Asset tag").
    pub label: &'static str,
    /// Whether an empty value is refused.
    pub required: bool,
    /// The most characters (Unicode scalar values, not bytes) the value may have.
    pub max_chars: usize,
    /// Whether line breaks and tabs are allowed.
    pub multiline: bool,
}

impl TextRule {
    /// A one-line field that must not be empty.
    pub const fn required(label: &'static str, max_chars: usize) -> Self {
        Self {
            label,
            required: true,
            max_chars,
            multiline: false,
        }
    }

    /// A one-line field that may be empty.
    pub const fn optional(label: &'static str, max_chars: usize) -> Self {
        Self {
            required: false,
            ..Self::required(label, max_chars)
        }
    }

    /// A multi-line field that may be empty.
    pub const fn optional_multiline(label: &'static str, max_chars: usize) -> Self {
        Self {
            multiline: true,
            ..Self::optional(label, max_chars)
        }
    }

    /// Cleans `raw` (trims it, normalises line breaks to `\n`) and checks it, returning the
    /// value to store or a message that tells the user what to fix.
    pub fn apply(&self, raw: &str) -> Result<String, String> {
        let value = raw.trim().replace("\r\n", "\n");
        if value.is_empty() {
            return if self.required {
                Err(format!("{} is required", self.label))
            } else {
                Ok(value)
            };
        }
        let chars = value.chars().count();
        if chars > self.max_chars {
            return Err(format!(
                "{} can have at most {} characters (this one has {chars})",
                self.label, self.max_chars
            ));
        }
        let allowed_control = |c: char| self.multiline && matches!(c, '\n' | '\t');
        if value.chars().any(|c| c.is_control() && !allowed_control(c)) {
            return Err(if self.multiline {
                format!("{} contains a control character", self.label)
            } else {
                format!("{} must fit on one line", self.label)
            });
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: TextRule = TextRule::required("Asset tag", 5);
    const NOTES: TextRule = TextRule::optional_multiline("Notes", 20);

    fn check(rule: TextRule, raw: &str, expected: Result<&str, &str>) {
        let actual = rule.apply(raw);
        assert_eq!(
            actual.as_deref().map_err(String::as_str),
            expected,
            "input {raw:?}"
        );
    }

    #[test]
    fn trims_and_keeps_leading_zeros() {
        check(TAG, "  00042 \t", Ok("00042"));
    }

    #[test]
    fn required_field_refuses_blank() {
        check(TAG, "   ", Err("Asset tag is required"));
        check(NOTES, "   ", Ok(""));
    }

    #[test]
    fn counts_characters_not_bytes() {
        check(TAG, "µΩ°Ωµ", Ok("µΩ°Ωµ"));
        check(
            TAG,
            "µΩ°Ωµx",
            Err("Asset tag can have at most 5 characters (this one has 6)"),
        );
    }

    #[test]
    fn single_line_fields_refuse_line_breaks() {
        check(TAG, "a\nb", Err("Asset tag must fit on one line"));
        check(TAG, "a\u{7}b", Err("Asset tag must fit on one line"));
    }

    #[test]
    fn multiline_fields_normalise_line_breaks() {
        check(NOTES, "one\r\ntwo\tthree", Ok("one\ntwo\tthree"));
        check(
            NOTES,
            "bell\u{7}",
            Err("Notes contains a control character"),
        );
    }
}
